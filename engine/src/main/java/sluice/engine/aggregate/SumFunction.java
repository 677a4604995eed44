package sluice.engine.aggregate;

import java.math.BigDecimal;
import java.util.List;
import sluice.engine.types.LongVector;
import sluice.engine.types.DoubleVector;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.Position;
import sluice.engine.diag.Problem;
import sluice.engine.types.AtomicType;
import sluice.engine.types.ColumnVector;
import sluice.engine.types.DataType;
import sluice.engine.types.DecimalType;
import sluice.engine.types.NullMask;
import sluice.engine.types.VectorBuilder;

/**
 * Spark's {@code sum}: BIGINT for integral input, DOUBLE for FLOAT and DOUBLE, DECIMAL(p + 10, s) bounded to 38
 * digits for DECIMAL(p, s), the interval for an interval; null when the group has no non-null value. Under ANSI
 * mode (Spark 4's default) an integral or interval sum that overflows, or a decimal one past its precision, stops
 * the query with Spark's error. The buffer is the sum, null until a value comes, and for DOUBLE the batch's partial
 * sum: a sum of doubles depends on the order of its additions, so a batch's values are summed apart and
 * {@link #endBatch} merges that into the kept sum as Spark's streaming plan merges a batch's partial aggregate into its
 * state. Immutable.
 */
record SumFunction(DataType resultType) implements AggregateFunction {
    private static final String ANSI_HINT =
            " If necessary set \"spark.sql.ansi.enabled\" to \"false\" to bypass this error.";

    static DataType resultTypeOf(DataType input) {
        if (input instanceof DecimalType decimal) {
            return bounded(decimal.precision() + 10, decimal.scale());
        } else if (input.isInterval()) {
            return input;
        } else if (input == AtomicType.FLOAT || input == AtomicType.DOUBLE) {
            return AtomicType.DOUBLE;
        }
        return AtomicType.BIGINT;
    }

    static DecimalType bounded(int precision, int scale) {
        return new DecimalType(Math.min(precision, DecimalType.MAX_PRECISION), Math.min(scale,
                DecimalType.MAX_PRECISION));
    }

    @Override
    public boolean nullable() {
        return true;
    }

    @Override
    public List<DataType> bufferTypes() {
        return resultType == AtomicType.DOUBLE ? List.of(resultType, resultType) : List.of(resultType);
    }

    @Override
    public void initialize(Object[] buffer, int at) {
        buffer[at] = null;
        if (resultType == AtomicType.DOUBLE) {
            buffer[at + 1] = null;
        }
    }

    @Override
    public void update(Object[] buffer, int at, List<ColumnVector> args, int row) {
        Object value = StoredValues.read(args.get(0), row);
        if (value == null) {
            return;
        }
        Object sum = buffer[at];
        if (resultType instanceof DecimalType) {
            BigDecimal addend = (BigDecimal) value;
            buffer[at] = sum == null ? addend : ((BigDecimal) sum).add(addend);
        } else if (resultType == AtomicType.DOUBLE) {
            // Spark adds the first value to zero, so a lone -0.0 sums to 0.0.
            Object partial = buffer[at + 1];
            buffer[at + 1] = (partial == null ? 0.0 : (Double) partial) + (Double) value;
        } else {
            long addend = (Long) value;
            try {
                buffer[at] = sum == null ? addend : months(Math.addExact((Long) sum, addend));
            } catch (ArithmeticException e) {
                throw overflow();
            }
        }
    }

    @Override
    public void fold(Object[][] buffers, int at, int[] groupOf, int rows, List<ColumnVector> args) {
        if (resultType == AtomicType.DOUBLE && args.get(0) instanceof DoubleVector doubles) {
            foldDoubles(buffers, at + 1, groupOf, rows, doubles);
        } else if (!(resultType instanceof DecimalType) && resultType != AtomicType.DOUBLE
                && args.get(0) instanceof LongVector longs) {
            foldLongs(buffers, at, groupOf, rows, longs);
        } else {
            AggregateFunction.super.fold(buffers, at, groupOf, rows, args);
        }
    }

    /** The batch's partial sums of doubles, each from 0.0 and in row order, as {@link #update} adds them. */
    private static void foldDoubles(Object[][] buffers, int at, int[] groupOf, int rows, DoubleVector values) {
        double[] sums = new double[buffers.length];
        boolean[] seen = new boolean[buffers.length];
        for (int g = 0; g < buffers.length; g++) {
            if (buffers[g][at] != null) {
                sums[g] = (Double) buffers[g][at];
                seen[g] = true;
            }
        }
        // The arrays themselves and the null test hoisted, as ExtremumFunction's folds: no call per row.
        double[] column = values.values();
        long[] nulls = values.nullWords();
        for (int r = 0; r < rows; r++) {
            if (nulls == null || !NullMask.get(nulls, r)) {
                int g = groupOf[r];
                sums[g] += column[r];
                seen[g] = true;
            }
        }
        for (int g = 0; g < buffers.length; g++) {
            if (seen[g]) {
                buffers[g][at] = sums[g];
            }
        }
    }

    private void foldLongs(Object[][] buffers, int at, int[] groupOf, int rows, LongVector values) {
        long[] sums = new long[buffers.length];
        boolean[] seen = new boolean[buffers.length];
        for (int g = 0; g < buffers.length; g++) {
            if (buffers[g][at] != null) {
                sums[g] = (Long) buffers[g][at];
                seen[g] = true;
            }
        }
        long[] column = values.values();
        long[] nulls = values.nullWords();
        boolean months = resultType.isYearMonthInterval();
        try {
            for (int r = 0; r < rows; r++) {
                if (nulls == null || !NullMask.get(nulls, r)) {
                    int g = groupOf[r];
                    long value = column[r];
                    if (seen[g]) {
                        long sum = Math.addExact(sums[g], value);
                        // A sum of year-month intervals is Spark's int of months (see months).
                        sums[g] = months ? Math.toIntExact(sum) : sum;
                    } else {
                        sums[g] = value;
                        seen[g] = true;
                    }
                }
            }
        } catch (ArithmeticException e) {
            throw overflow();
        }
        for (int g = 0; g < buffers.length; g++) {
            if (seen[g]) {
                buffers[g][at] = sums[g];
            }
        }
    }

    @Override
    public void endBatch(Object[] buffer, int at) {
        if (resultType != AtomicType.DOUBLE) {
            return;
        }
        // Spark's merge, coalesce(coalesce(left, 0.0) + right, left): the batch's partial after the shuffle, then the
        // restored state and that partial, each merge into an empty (null) buffer.
        Double batch = merge(null, (Double) buffer[at + 1]);
        buffer[at] = merge(merge(null, (Double) buffer[at]), batch);
        buffer[at + 1] = null;
    }

    @Override
    public void merge(Object[] buffer, int at, Object[] other, int otherAt) {
        Object right = other[otherAt];
        Object left = buffer[at];
        if (resultType == AtomicType.DOUBLE) {
            buffer[at] = merge((Double) left, (Double) right);
        } else if (right == null) {
            return;
        } else if (left == null) {
            buffer[at] = right;
        } else if (resultType instanceof DecimalType) {
            buffer[at] = ((BigDecimal) left).add((BigDecimal) right);
        } else {
            try {
                buffer[at] = months(Math.addExact((Long) left, (Long) right));
            } catch (ArithmeticException e) {
                throw overflow();
            }
        }
    }

    private static Double merge(Double left, Double right) {
        if (right == null) {
            return left;
        }
        return (left == null ? 0.0 : left) + right;
    }

    /** A sum of year-month intervals is Spark's int of months: past an int it overflows. */
    private long months(long sum) {
        return resultType.isYearMonthInterval() ? Math.toIntExact(sum) : sum;
    }

    private RuntimeException overflow() {
        if (resultType.isInterval()) {
            return intervalOverflow(resultType);
        }
        return Problem.of(ErrorCode.ARITHMETIC_OVERFLOW, Position.NOWHERE,
                "[ARITHMETIC_OVERFLOW] long overflow. Use 'try_add' to tolerate overflow and return NULL instead."
                        + ANSI_HINT)
                .toException();
    }

    /** Spark's Add of two intervals past their range, in a sum or an average. */
    static RuntimeException intervalOverflow(DataType type) {
        return Problem.of(ErrorCode.ARITHMETIC_OVERFLOW, Position.NOWHERE,
                "[INTERVAL_ARITHMETIC_OVERFLOW.WITH_SUGGESTION] Integer overflow while operating with intervals. Use "
                        + "`try_add` to tolerate overflow and return NULL instead.").toException();
    }

    @Override
    public boolean mergesPartials() {
        return true;
    }

    @Override
    public void mergePartial(Object[] buffer, int at, Object[] partial, int partialAt) {
        if (resultType != AtomicType.DOUBLE) {
            // Exact sums: the rows go straight into the kept sum.
            merge(buffer, at, partial, partialAt);
            return;
        }
        // The batch's partial sums, added in input partition order as Spark's merge after the shuffle adds them.
        Object right = partial[partialAt + 1];
        if (right != null) {
            buffer[at + 1] = merge((Double) buffer[at + 1], (Double) right);
        }
    }

    @Override
    public void result(Object[] buffer, int at, VectorBuilder out) {
        Object sum = resultType == AtomicType.DOUBLE ? merge(null, (Double) buffer[at]) : buffer[at];
        if (sum instanceof BigDecimal decimal && decimal.precision() - decimal.scale()
                > ((DecimalType) resultType).precision() - ((DecimalType) resultType).scale()) {
            throw Problem.of(ErrorCode.ARITHMETIC_OVERFLOW, Position.NOWHERE,
                    "[ARITHMETIC_OVERFLOW] Overflow in sum of decimals. Use 'try_sum' to tolerate overflow and return "
                            + "NULL instead." + ANSI_HINT).toException();
        }
        StoredValues.append(out, sum);
    }
}
