package sluice.engine.source;

import java.util.List;
import java.util.Optional;
import sluice.engine.types.Schema;

/**
 * A replayable stream of rows, read in micro-batches between offsets, as Spark's {@code MicroBatchStream}.
 * Offsets are JSON text (what the offsets log stores); null means "before any data". Called by one query thread,
 * except {@link InputPartition#read()}, which may run on any thread.
 */
public interface Source extends AutoCloseable {

    /** The schema of every batch this source produces. */
    Schema schema();

    /**
     * Only the columns in {@code required} are read downstream; a source may skip producing the others (leaving
     * them null). Called by the planner before the query starts; the default reads everything.
     */
    default void pruneColumns(java.util.BitSet required) {
    }

    /**
     * Every row this source produces goes through a filter that drops rows failing any of {@code predicates}, so the
     * source may skip data it can prove holds none that pass (Spark's filter pushdown into a scan). Called by the
     * planner before the query starts; the default skips nothing.
     */
    default void pushFilters(List<sluice.engine.expr.ColumnPredicate> predicates) {
    }

    /** Called once before the first offset is asked for; recovers what the source logged in its metadata folder. */
    void start(SourceContext context);

    /**
     * The offset up to which data is available now, at most as far as {@code limit} allows past {@code start}
     * (the end of the previous batch, or null); equal to {@code start} when nothing is new.
     */
    String latestOffset(String start, ReadLimit limit);

    /**
     * Sluice's figures (files, bytes, malformed records) of the batch {@link #planInputPartitions} planned last, which
     * its partitions count into while they are read; empty for sources that have none.
     */
    default Optional<InputFigures> plannedInput() {
        return Optional.empty();
    }

    /** Fixes the end of the data for {@link sluice.engine.pipeline.Trigger.AvailableNow}: what exists right now. */
    default void prepareForAvailableNow() {
    }

    /** The partitions holding the rows in {@code (start, end]}; reading them twice gives the same rows. */
    List<InputPartition> planInputPartitions(String start, String end);

    /**
     * What is wrong with reading {@code (start, end]} again, when a checkpoint logged that range for the batch a query
     * resumes from (Spark's restart asks every source for that batch once more): an offset the source's own log does
     * not have would otherwise be read as no rows. Empty when the range can be read; sources without a log of their
     * own have nothing to check.
     */
    default Optional<String> checkLoggedRange(String start, String end) {
        return Optional.empty();
    }

    /** Everything up to {@code end} is committed and will never be asked for again. */
    default void commit(String end) {
    }

    @Override
    default void close() {
    }

    /** How much one batch may take: the source's own limit (such as maxFilesPerTrigger), or all there is. */
    enum ReadLimit { SOURCE_DEFAULT, ALL_AVAILABLE }
}
