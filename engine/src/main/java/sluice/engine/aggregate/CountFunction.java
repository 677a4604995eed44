package sluice.engine.aggregate;

import java.util.List;
import sluice.engine.types.AtomicType;
import sluice.engine.types.ColumnVector;
import sluice.engine.types.DataType;
import sluice.engine.types.VectorBuilder;

/**
 * Spark's {@code count}: BIGINT, never null. {@code count(*)} (no arguments here) counts every row; with arguments
 * it counts the rows where none of them is null. Immutable.
 */
record CountFunction(int arguments) implements AggregateFunction {

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
        return List.of(AtomicType.BIGINT);
    }

    @Override
    public void initialize(Object[] buffer, int at) {
        buffer[at] = 0L;
    }

    @Override
    public void update(Object[] buffer, int at, List<ColumnVector> args, int row) {
        for (ColumnVector arg : args) {
            if (arg.isNull(row)) {
                return;
            }
        }
        buffer[at] = (Long) buffer[at] + 1;
    }

    @Override
    public void fold(Object[][] buffers, int at, int[] groupOf, int rows, List<ColumnVector> args) {
        long[] counts = new long[buffers.length];
        rows:
        for (int r = 0; r < rows; r++) {
            for (ColumnVector arg : args) {
                if (arg.isNull(r)) {
                    continue rows;
                }
            }
            counts[groupOf[r]]++;
        }
        for (int g = 0; g < buffers.length; g++) {
            buffers[g][at] = (Long) buffers[g][at] + counts[g];
        }
    }

    @Override
    public void merge(Object[] buffer, int at, Object[] other, int otherAt) {
        buffer[at] = (Long) buffer[at] + (Long) other[otherAt];
    }

    @Override
    public boolean mergesPartials() {
        return true;
    }

    @Override
    public void mergePartial(Object[] buffer, int at, Object[] partial, int partialAt) {
        // The rows go straight into the kept aggregate, which merge combines as the rows would.
        merge(buffer, at, partial, partialAt);
    }

    @Override
    public void result(Object[] buffer, int at, VectorBuilder out) {
        out.appendLong((Long) buffer[at]);
    }
}
