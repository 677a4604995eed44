package sluice.engine.aggregate;

import java.util.List;
import sluice.engine.types.LongVector;
import sluice.engine.types.DoubleVector;
import sluice.engine.types.ColumnVector;
import sluice.engine.types.DataType;
import sluice.engine.types.NullMask;
import sluice.engine.types.VectorBuilder;

/**
 * Spark's {@code max} ({@code greatest} true) and {@code min}: the input's type, nulls skipped, null for a group of
 * only nulls, values ordered as Spark orders them. Immutable.
 */
record ExtremumFunction(DataType resultType, boolean greatest) implements AggregateFunction {

    @Override
    public boolean nullable() {
        return true;
    }

    @Override
    public List<DataType> bufferTypes() {
        return List.of(resultType);
    }

    @Override
    public void initialize(Object[] buffer, int at) {
        buffer[at] = null;
    }

    @Override
    public void update(Object[] buffer, int at, List<ColumnVector> args, int row) {
        Object value = StoredValues.read(args.get(0), row);
        if (value == null) {
            return;
        }
        Object current = buffer[at];
        if (current == null) {
            buffer[at] = value;
            return;
        }
        int order = StoredValues.compare(value, current);
        if (greatest ? order > 0 : order < 0) {
            buffer[at] = value;
        }
    }

    @Override
    public void fold(Object[][] buffers, int at, int[] groupOf, int rows, List<ColumnVector> args) {
        if (args.get(0) instanceof LongVector longs) {
            foldLongs(buffers, at, groupOf, rows, longs);
        } else if (args.get(0) instanceof DoubleVector doubles) {
            foldDoubles(buffers, at, groupOf, rows, doubles);
        } else {
            AggregateFunction.super.fold(buffers, at, groupOf, rows, args);
        }
    }

    private void foldLongs(Object[][] buffers, int at, int[] groupOf, int rows, LongVector values) {
        long[] best = new long[buffers.length];
        boolean[] seen = new boolean[buffers.length];
        for (int g = 0; g < buffers.length; g++) {
            if (buffers[g][at] != null) {
                best[g] = (Long) buffers[g][at];
                seen[g] = true;
            }
        }
        // The arrays themselves, and the null test hoisted: no call per row, which costs most before the JIT has
        // compiled this loop (a one-batch query runs much of it interpreted).
        long[] column = values.values();
        long[] nulls = values.nullWords();
        for (int r = 0; r < rows; r++) {
            if (nulls == null || !NullMask.get(nulls, r)) {
                int g = groupOf[r];
                long value = column[r];
                if (!seen[g] || (greatest ? value > best[g] : value < best[g])) {
                    best[g] = value;
                    seen[g] = true;
                }
            }
        }
        for (int g = 0; g < buffers.length; g++) {
            if (seen[g]) {
                buffers[g][at] = best[g];
            }
        }
    }

    /**
     * As {@link #update} orders doubles ({@link StoredValues#compareDoubles}): an equal value (-0.0 and 0.0 too)
     * leaves the first in place, and NaN is above every other value. Written out with the comparison operators, which
     * are false for NaN: for max a value replaces the best when greater, or when it is NaN and the best is not; for min
     * when smaller, or when the best is NaN and the value is not.
     */
    private void foldDoubles(Object[][] buffers, int at, int[] groupOf, int rows, DoubleVector values) {
        double[] best = new double[buffers.length];
        boolean[] seen = new boolean[buffers.length];
        for (int g = 0; g < buffers.length; g++) {
            if (buffers[g][at] != null) {
                best[g] = (Double) buffers[g][at];
                seen[g] = true;
            }
        }
        double[] column = values.values();
        long[] nulls = values.nullWords();
        for (int r = 0; r < rows; r++) {
            if (nulls == null || !NullMask.get(nulls, r)) {
                int g = groupOf[r];
                double value = column[r];
                double current = best[g];
                boolean replaces = greatest ? value > current || value != value && current == current
                        : value < current || current != current && value == value;
                if (!seen[g] || replaces) {
                    best[g] = value;
                    seen[g] = true;
                }
            }
        }
        for (int g = 0; g < buffers.length; g++) {
            if (seen[g]) {
                buffers[g][at] = best[g];
            }
        }
    }

    @Override
    public void merge(Object[] buffer, int at, Object[] other, int otherAt) {
        Object value = other[otherAt];
        if (value == null) {
            return;
        }
        Object current = buffer[at];
        int order = current == null ? 0 : StoredValues.compare(value, current);
        if (current == null || (greatest ? order > 0 : order < 0)) {
            buffer[at] = value;
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
