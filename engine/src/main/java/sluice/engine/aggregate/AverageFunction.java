package sluice.engine.aggregate;

import java.util.List;
import sluice.engine.types.LongVector;
import sluice.engine.types.DoubleVector;
import sluice.engine.types.AtomicType;
import sluice.engine.types.ColumnVector;
import sluice.engine.types.DataType;
import sluice.engine.types.NullMask;
import sluice.engine.types.VectorBuilder;

/**
 * Spark's {@code avg} (and {@code mean}) of numbers other than decimals: the values summed as DOUBLE and divided by
 * their count, as Spark's Average does; DOUBLE, null when the group has no non-null value. A sum of doubles depends on
 * the order of its additions, so this adds as Spark's streaming plan does: a batch's values into a partial of their
 * own, which {@link #endBatch} merges into the kept sum as Spark's partial-merge steps do (each merge starting from
 * Spark's initial sum, 0.0). The buffer is the kept sum and count, then the batch's. Immutable.
 */
record AverageFunction() implements AggregateFunction {
    private static final int BATCH = 2;

    @Override
    public DataType resultType() {
        return AtomicType.DOUBLE;
    }

    @Override
    public boolean nullable() {
        return true;
    }

    @Override
    public List<DataType> bufferTypes() {
        return List.of(AtomicType.DOUBLE, AtomicType.BIGINT, AtomicType.DOUBLE, AtomicType.BIGINT);
    }

    @Override
    public void initialize(Object[] buffer, int at) {
        buffer[at] = 0.0;
        buffer[at + 1] = 0L;
        buffer[at + BATCH] = 0.0;
        buffer[at + BATCH + 1] = 0L;
    }

    @Override
    public void update(Object[] buffer, int at, List<ColumnVector> args, int row) {
        Object value = StoredValues.read(args.get(0), row);
        if (value == null) {
            return;
        }
        double number = value instanceof Long whole ? (double) whole : (Double) value;
        buffer[at + BATCH] = (Double) buffer[at + BATCH] + number;
        buffer[at + BATCH + 1] = (Long) buffer[at + BATCH + 1] + 1;
    }

    @Override
    public void fold(Object[][] buffers, int at, int[] groupOf, int rows, List<ColumnVector> args) {
        ColumnVector values = args.get(0);
        if (!(values instanceof DoubleVector) && !(values instanceof LongVector)) {
            AggregateFunction.super.fold(buffers, at, groupOf, rows, args);
            return;
        }
        double[] sums = new double[buffers.length];
        long[] counts = new long[buffers.length];
        for (int g = 0; g < buffers.length; g++) {
            sums[g] = (Double) buffers[g][at + BATCH];
            counts[g] = (Long) buffers[g][at + BATCH + 1];
        }
        // A loop per storage over the arrays themselves, the null test hoisted: no call per row, which costs most
        // before the JIT has compiled the loop (a one-batch query runs much of it interpreted).
        long[] nulls = values.nullWords();
        if (values instanceof DoubleVector doubles) {
            double[] column = doubles.values();
            for (int r = 0; r < rows; r++) {
                if (nulls == null || !NullMask.get(nulls, r)) {
                    int g = groupOf[r];
                    sums[g] += column[r];
                    counts[g]++;
                }
            }
        } else {
            long[] column = ((LongVector) values).values();
            for (int r = 0; r < rows; r++) {
                if (nulls == null || !NullMask.get(nulls, r)) {
                    int g = groupOf[r];
                    sums[g] += (double) column[r];
                    counts[g]++;
                }
            }
        }
        for (int g = 0; g < buffers.length; g++) {
            buffers[g][at + BATCH] = sums[g];
            buffers[g][at + BATCH + 1] = counts[g];
        }
    }

    @Override
    public void endBatch(Object[] buffer, int at) {
        // Spark: the batch's partial merged after the shuffle, then the restored state and that merged into 0.0.
        double batch = 0.0 + (Double) buffer[at + BATCH];
        buffer[at] = (0.0 + (Double) buffer[at]) + batch;
        buffer[at + 1] = (Long) buffer[at + 1] + (Long) buffer[at + BATCH + 1];
        buffer[at + BATCH] = 0.0;
        buffer[at + BATCH + 1] = 0L;
    }

    @Override
    public void merge(Object[] buffer, int at, Object[] other, int otherAt) {
        buffer[at] = (0.0 + (Double) buffer[at]) + (Double) other[otherAt];
        buffer[at + 1] = (Long) buffer[at + 1] + (Long) other[otherAt + 1];
    }

    @Override
    public boolean mergesPartials() {
        return true;
    }

    @Override
    public void mergePartial(Object[] buffer, int at, Object[] partial, int partialAt) {
        // Spark's merge after the shuffle adds the input partitions' partial sums, from 0.0, in their order.
        buffer[at + BATCH] = (Double) buffer[at + BATCH] + (Double) partial[partialAt + BATCH];
        buffer[at + BATCH + 1] = (Long) buffer[at + BATCH + 1] + (Long) partial[partialAt + BATCH + 1];
    }

    @Override
    public void result(Object[] buffer, int at, VectorBuilder out) {
        long count = (Long) buffer[at + 1];
        if (count == 0) {
            out.appendNull();
        } else {
            // Spark's final step merges the saved sum into 0.0 before dividing.
            out.appendDouble((0.0 + (Double) buffer[at]) / count);
        }
    }
}
