package sluice.engine.operator;

import static java.util.Objects.requireNonNull;

import java.util.BitSet;
import sluice.engine.types.Batch;
import sluice.engine.types.LongVector;
import sluice.engine.types.Schema;

/**
 * Spark's {@code withWatermark(eventTime, delayThreshold)} ({@code EventTimeWatermarkExec}): passes every row on and
 * records the event times it sees, for the query to move the watermark after the batch. Rows are not dropped here;
 * the stateful operators after it drop those behind the watermark. Its stats are mutable: partitions merge into them
 * from their tasks while a batch runs (synchronized), and the query thread takes them between batches.
 */
public final class WatermarkOperator extends PartitionOperator {
    private final Schema schema;
    private final int eventTimeColumn;
    private final long delayMs;
    private EventTimeStats stats = EventTimeStats.ZERO;

    public WatermarkOperator(Schema schema, int eventTimeColumn, long delayMs) {
        this.schema = requireNonNull(schema, "schema is null");
        if (eventTimeColumn < 0 || eventTimeColumn >= schema.size()) {
            throw new IllegalArgumentException("no column " + eventTimeColumn + " in " + schema);
        }
        this.eventTimeColumn = eventTimeColumn;
        this.delayMs = delayMs;
    }

    @Override
    public Schema schema() {
        return schema;
    }

    /** The name of the event-time column, as stateful operators after it look for it among their keys. */
    public String eventTime() {
        return schema.field(eventTimeColumn).name();
    }

    public long delayMs() {
        return delayMs;
    }

    @Override
    public BitSet requiredInputColumns(int input, int inputWidth, BitSet requiredOutput) {
        BitSet needed = (BitSet) requiredOutput.clone();
        needed.set(eventTimeColumn);
        return needed;
    }

    @Override
    public Batch apply(Batch partition, TaskContext context) {
        LongVector times = (LongVector) partition.column(eventTimeColumn);
        long max = Long.MIN_VALUE;
        long min = Long.MAX_VALUE;
        double avg = 0.0;
        int rows = partition.rowCount();
        for (int r = 0; r < rows; r++) {
            // Spark adds every row's time, a null one as 0 (the epoch), as its projection reads a null long as 0.
            long eventTime = Math.floorDiv(times.isNull(r) ? 0 : times.getLong(r), 1000L);
            max = Math.max(max, eventTime);
            min = Math.min(min, eventTime);
            avg += (eventTime - avg) / (r + 1);
        }
        EventTimeStats seen = new EventTimeStats(max, min, avg, rows);
        synchronized (this) {
            stats = stats.merge(seen);
        }
        return partition;
    }

    /** The stats of the batch that ran since the last call, which starts the next batch's afresh. */
    public synchronized EventTimeStats takeStats() {
        EventTimeStats taken = stats;
        stats = EventTimeStats.ZERO;
        return taken;
    }
}
