package sluice.engine.source;

import java.util.concurrent.atomic.LongAdder;

/**
 * Sluice's own figures of one micro-batch's input, beyond the rows Spark's progress counts: the files and bytes a file
 * source planned, and the malformed records its readers turned into nulls (PERMISSIVE mode, which Spark keeps
 * silent). Made by the source when it plans the batch, on the query thread; the malformed count grows while partition
 * tasks read, from any thread, and is read by the query thread and the workbench.
 */
public final class InputFigures {
    private final long files;
    private final long bytes;
    private final LongAdder malformedRecords = new LongAdder();
    private final LongAdder skippedRowGroups = new LongAdder();

    public InputFigures(long files, long bytes) {
        if (files < 0 || bytes < 0) {
            throw new IllegalArgumentException("files and bytes must not be negative");
        }
        this.files = files;
        this.bytes = bytes;
    }

    public long files() {
        return files;
    }

    public long bytes() {
        return bytes;
    }

    /** A reader kept a malformed record as a row of nulls (with its raw text, if the schema has the column). */
    public void countMalformed() {
        malformedRecords.increment();
    }

    /** A reader skipped {@code count} Parquet row groups whose statistics exclude every row the filter keeps. */
    public void countSkippedRowGroups(long count) {
        skippedRowGroups.add(count);
    }

    /** The row groups skipped so far. */
    public long skippedRowGroups() {
        return skippedRowGroups.sum();
    }

    /** The malformed records counted so far. */
    public long malformedRecords() {
        return malformedRecords.sum();
    }
}
