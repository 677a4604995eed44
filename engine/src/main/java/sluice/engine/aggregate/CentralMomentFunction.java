package sluice.engine.aggregate;

import java.util.List;
import sluice.engine.types.AtomicType;
import sluice.engine.types.ColumnVector;
import sluice.engine.types.DataType;
import sluice.engine.types.VectorBuilder;

/**
 * Spark's {@code stddev_samp}, {@code stddev_pop}, {@code var_samp} and {@code var_pop} (and their aliases): DOUBLE,
 * from the count, mean and second central moment of the values as DOUBLE, as Spark's CentralMomentAgg keeps them.
 * Null for a group with no non-null value; the sample forms are null for a group of one value (Spark 4's default
 * {@code spark.sql.legacy.statisticalAggregate=false}; NaN under the legacy setting).
 *
 * <p>Floating-point results depend on the order of the operations, so this follows Spark's plan of a streaming
 * aggregation exactly: a batch's rows are folded into a fresh partial moment, and {@link #endBatch} merges that partial
 * into the kept one the way Spark's partial-merge and final steps do (each merge starting from an empty buffer). The
 * buffer is the kept count, mean and moment followed by the batch's. Immutable.
 */
record CentralMomentFunction(Kind kind) implements AggregateFunction {

    /** Which statistic of the moments is given. */
    enum Kind { STDDEV_SAMP, STDDEV_POP, VAR_SAMP, VAR_POP }

    private static final int BATCH = 3;

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
        return List.of(AtomicType.DOUBLE, AtomicType.DOUBLE, AtomicType.DOUBLE, AtomicType.DOUBLE, AtomicType.DOUBLE,
                AtomicType.DOUBLE);
    }

    @Override
    public void initialize(Object[] buffer, int at) {
        for (int i = 0; i < 2 * BATCH; i++) {
            buffer[at + i] = 0.0;
        }
    }

    @Override
    public void update(Object[] buffer, int at, List<ColumnVector> args, int row) {
        Object value = StoredValues.read(args.get(0), row);
        if (value == null) {
            return;
        }
        int b = at + BATCH;
        double x = value instanceof Long whole ? (double) whole : (Double) value;
        double n = (Double) buffer[b];
        double avg = (Double) buffer[b + 1];
        double m2 = (Double) buffer[b + 2];
        double newN = n + 1.0;
        double delta = x - avg;
        double deltaN = delta / newN;
        buffer[b] = newN;
        buffer[b + 1] = avg + deltaN;
        buffer[b + 2] = m2 + delta * (delta - deltaN);
    }

    @Override
    public void endBatch(Object[] buffer, int at) {
        double[] kept = {(Double) buffer[at], (Double) buffer[at + 1], (Double) buffer[at + 2]};
        double[] batch = {(Double) buffer[at + BATCH], (Double) buffer[at + BATCH + 1],
                (Double) buffer[at + BATCH + 2]};
        double[] empty = {0.0, 0.0, 0.0};
        // Spark: partial -> merged after the shuffle -> merged with the restored state -> saved.
        double[] merged = merge(merge(empty, kept), merge(empty, batch));
        for (int i = 0; i < BATCH; i++) {
            buffer[at + i] = merged[i];
            buffer[at + BATCH + i] = 0.0;
        }
    }

    @Override
    public void merge(Object[] buffer, int at, Object[] other, int otherAt) {
        double[] merged = merge(new double[] {(Double) buffer[at], (Double) buffer[at + 1], (Double) buffer[at + 2]},
                new double[] {(Double) other[otherAt], (Double) other[otherAt + 1], (Double) other[otherAt + 2]});
        for (int i = 0; i < BATCH; i++) {
            buffer[at + i] = merged[i];
        }
    }

    /** Spark's merge of two (count, mean, second moment) buffers, operation by operation. */
    private static double[] merge(double[] left, double[] right) {
        double n1 = left[0];
        double n2 = right[0];
        double newN = n1 + n2;
        double delta = right[1] - left[1];
        double deltaN = newN == 0.0 ? 0.0 : delta / newN;
        double newAvg = left[1] + deltaN * n2;
        double newM2 = left[2] + right[2] + delta * deltaN * n1 * n2;
        return new double[] {newN, newAvg, newM2};
    }

    @Override
    public void result(Object[] buffer, int at, VectorBuilder out) {
        // Spark's final step merges the saved buffer into an empty one, which keeps the count and moment exact.
        double[] last = merge(new double[] {0.0, 0.0, 0.0},
                new double[] {(Double) buffer[at], (Double) buffer[at + 1], (Double) buffer[at + 2]});
        double n = last[0];
        double m2 = last[2];
        boolean sample = kind == Kind.STDDEV_SAMP || kind == Kind.VAR_SAMP;
        if (n == 0.0 || sample && n == 1.0) {
            out.appendNull();
            return;
        }
        double variance = sample ? m2 / (n - 1.0) : m2 / n;
        out.appendDouble(kind == Kind.STDDEV_SAMP || kind == Kind.STDDEV_POP ? Math.sqrt(variance) : variance);
    }
}
