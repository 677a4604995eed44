package sluice.engine.aggregate;

import java.util.List;
import sluice.engine.types.AtomicType;
import sluice.engine.types.ColumnVector;
import sluice.engine.types.DataType;
import sluice.engine.types.VectorBuilder;

/**
 * Spark's {@code first} ({@code last} false) and {@code last}: the input's type, the value of the group's first (or
 * last) row in Sluice's row order, which is the order of the files and of the rows in them; with {@code ignoreNulls}
 * the first (last) non-null value. Spark calls them non-deterministic because its order across partitions is not
 * fixed; within one partition it is this order. The buffer is the value and whether one was taken, as Spark's.
 * Immutable.
 */
record FirstLastFunction(DataType resultType, boolean last, boolean ignoreNulls) implements AggregateFunction {

    @Override
    public boolean nullable() {
        return true;
    }

    @Override
    public List<DataType> bufferTypes() {
        return List.of(resultType, AtomicType.BOOLEAN);
    }

    @Override
    public void initialize(Object[] buffer, int at) {
        buffer[at] = null;
        buffer[at + 1] = false;
    }

    @Override
    public void update(Object[] buffer, int at, List<ColumnVector> args, int row) {
        Object value = StoredValues.read(args.get(0), row);
        if (ignoreNulls && value == null || !last && (Boolean) buffer[at + 1]) {
            return;
        }
        buffer[at] = value;
        buffer[at + 1] = true;
    }

    @Override
    public void fold(Object[][] buffers, int at, int[] groupOf, int rows, List<ColumnVector> args) {
        // Only the row each group takes matters; its value is read (boxed) once per group.
        ColumnVector values = args.get(0);
        int[] taken = new int[buffers.length];
        boolean[] closed = new boolean[buffers.length];
        for (int g = 0; g < buffers.length; g++) {
            taken[g] = -1;
            closed[g] = !last && (Boolean) buffers[g][at + 1];
        }
        for (int r = 0; r < rows; r++) {
            int g = groupOf[r];
            if (closed[g] || ignoreNulls && values.isNull(r)) {
                continue;
            }
            taken[g] = r;
            closed[g] = !last;
        }
        for (int g = 0; g < buffers.length; g++) {
            if (taken[g] >= 0) {
                buffers[g][at] = StoredValues.read(values, taken[g]);
                buffers[g][at + 1] = true;
            }
        }
    }

    @Override
    public void merge(Object[] buffer, int at, Object[] other, int otherAt) {
        // Spark's First keeps the left value once one is set; Last takes the right one when it has one.
        boolean otherSet = (Boolean) other[otherAt + 1];
        if (otherSet && (last || !(Boolean) buffer[at + 1])) {
            buffer[at] = other[otherAt];
            buffer[at + 1] = true;
        }
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
        StoredValues.append(out, buffer[at]);
    }
}
