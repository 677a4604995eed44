package sluice.engine.aggregate;

import java.util.List;
import sluice.engine.expr.compile.SeededHashes;
import sluice.engine.types.AtomicType;
import sluice.engine.types.Bytes;
import sluice.engine.types.ColumnVector;
import sluice.engine.types.DataType;
import sluice.engine.types.VectorBuilder;

/**
 * Spark's {@code approx_count_distinct}: BIGINT, never null, the HyperLogLog++ estimate of the number of distinct
 * non-null values, with Spark's hash (xxHash64, seed 42, floating point values normalized), Spark's number of
 * registers for the relative standard deviation ({@code p = ceil(2 log2(1.106 / relativeSD))}) and Spark's choice
 * between linear counting and the raw estimate. Spark also subtracts an empirical bias from raw estimates below
 * {@code 5m} that linear counting does not cover; Sluice does not carry those tables and gives the raw estimate there
 * (see the README). Registers are kept one per byte (Spark packs ten into a long; the estimate is the same): the
 * kept registers as BINARY (null until a value comes) and the batch's registers in a {@code byte[]} until
 * {@link #endBatch} takes the larger of each pair, as Spark's merge does. Immutable.
 */
record ApproxCountDistinctFunction(DataType inputType, int p) implements AggregateFunction {
    /**
     * The cardinality below which linear counting is used, per precision from 4 to 18: the thresholds of the
     * HyperLogLog++ paper (Heule, Nunkesser and Hall, 2013), which Spark uses.
     */
    private static final double[] THRESHOLDS = {10, 20, 40, 80, 220, 400, 900, 1800, 3100, 6500, 15500, 20000,
        50000, 120000, 350000};

    /** Spark's precision for a relative standard deviation; below 4 Spark refuses it. */
    static int precisionOf(double relativeSD) {
        return (int) Math.ceil(2.0d * Math.log(1.106d / relativeSD) / Math.log(2.0d));
    }

    @Override
    public DataType resultType() {
        return AtomicType.BIGINT;
    }

    @Override
    public boolean nullable() {
        return false;
    }

    @Override
    public List<DataType> bufferTypes() {
        return List.of(AtomicType.BINARY, AtomicType.BINARY);
    }

    @Override
    public void initialize(Object[] buffer, int at) {
        buffer[at] = null;
        buffer[at + 1] = null;
    }

    @Override
    public void update(Object[] buffer, int at, List<ColumnVector> args, int row) {
        Object value = StoredValues.read(args.get(0), row);
        if (value == null) {
            return;
        }
        byte[] registers = (byte[]) buffer[at + 1];
        if (registers == null) {
            registers = new byte[1 << p];
            buffer[at + 1] = registers;
        }
        long hash = SeededHashes.xxHash64(value, inputType);
        int index = (int) (hash >>> (Long.SIZE - p));
        int rank = Long.numberOfLeadingZeros((hash << p) | (1L << (p - 1))) + 1;
        if (rank > registers[index]) {
            registers[index] = (byte) rank;
        }
    }

    @Override
    public void endBatch(Object[] buffer, int at) {
        byte[] batch = (byte[]) buffer[at + 1];
        buffer[at + 1] = null;
        if (batch == null) {
            return;
        }
        if (buffer[at] != null) {
            byte[] kept = ((Bytes) buffer[at]).toArray();
            for (int i = 0; i < batch.length; i++) {
                batch[i] = (byte) Math.max(batch[i], kept[i]);
            }
        }
        buffer[at] = Bytes.wrap(batch);
    }

    @Override
    public void merge(Object[] buffer, int at, Object[] other, int otherAt) {
        if (other[otherAt] == null) {
            return;
        } else if (buffer[at] == null) {
            buffer[at] = other[otherAt];
            return;
        }
        byte[] kept = ((Bytes) buffer[at]).toArray();
        byte[] later = ((Bytes) other[otherAt]).toArray();
        for (int i = 0; i < kept.length; i++) {
            kept[i] = (byte) Math.max(kept[i], later[i]);
        }
        buffer[at] = Bytes.wrap(kept);
    }

    @Override
    public boolean mergesPartials() {
        return true;
    }

    @Override
    public void mergePartial(Object[] buffer, int at, Object[] partial, int partialAt) {
        byte[] rows = (byte[]) partial[partialAt + 1];
        if (rows == null) {
            return;
        }
        byte[] batch = (byte[]) buffer[at + 1];
        if (batch == null) {
            buffer[at + 1] = rows.clone();
            return;
        }
        for (int i = 0; i < batch.length; i++) {
            batch[i] = (byte) Math.max(batch[i], rows[i]);
        }
    }

    @Override
    public void result(Object[] buffer, int at, VectorBuilder out) {
        out.appendLong(buffer[at] == null ? 0L : estimate(((Bytes) buffer[at]).toArray()));
    }

    private long estimate(byte[] registers) {
        int m = 1 << p;
        double zInverse = 0.0d;
        double zeros = 0.0d;
        for (byte register : registers) {
            zInverse += 1.0 / (1L << register);
            if (register == 0) {
                zeros += 1.0d;
            }
        }
        double alphaM2 = switch (p) {
            case 4 -> 0.673d * m * m;
            case 5 -> 0.697d * m * m;
            case 6 -> 0.709d * m * m;
            default -> (0.7213d / (1.0d + 1.079d / m)) * m * m;
        };
        double raw = alphaM2 / zInverse;
        double estimate = raw;
        if (zeros > 0) {
            double linear = m * Math.log(m / zeros);
            if (p < 19 && linear <= THRESHOLDS[p - 4] || raw <= 2.5 * m) {
                estimate = linear;
            }
        }
        return Math.round(estimate);
    }
}
