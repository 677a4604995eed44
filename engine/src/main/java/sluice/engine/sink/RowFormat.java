package sluice.engine.sink;

import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneId;
import sluice.engine.types.Batch;

/**
 * How the file sink turns a partition's rows into a file: Spark's CSV, JSON, text, Parquet or ORC writer. Immutable;
 * any thread.
 */
public sealed interface RowFormat permits CsvRowFormat, JsonRowFormat, ParquetRowFormat, TextRowFormat, OrcRowFormat {

    /** The data source name and file extension: {@code csv}, {@code json}, {@code text}. */
    String name();

    /** The end of a part file's name, as Spark's writer names it: the format, after its codec if it names one. */
    default String extension() {
        return name();
    }

    /**
     * Whether an empty first partition still gets a file. Spark 4.1's CSV, JSON and text writers all create their file
     * when the write task starts (the CSV header written at once), and Spark gives partition 0 of every batch a write
     * task even when it has no rows, so a batch without rows commits one empty file (or one holding the header).
     */
    boolean writesEmptyFile();

    /** Writes every row of {@code rows} (and a header, if any) to {@code out}; text formats as UTF-8. */
    void write(Batch rows, ZoneId zone, OutputStream out) throws IOException;
}
