package sluice.engine.aggregate;

import java.util.List;
import sluice.engine.types.AtomicType;
import sluice.engine.types.ColumnVector;
import sluice.engine.types.DataType;
import sluice.engine.types.VectorBuilder;

/**
 * Spark's {@code avg} of an ANSI interval: the exact sum of the values (months in an int, microseconds in a long, an
 * overflow fails the query) divided by their count and rounded half up, as Spark's Average divides with
 * DivideYMInterval or DivideDTInterval; of the kind's widest type, null when the group has no non-null value. The
 * buffer is the sum and the count. Immutable.
 */
record IntervalAverageFunction(DataType inputType) implements AggregateFunction {

    @Override
    public DataType resultType() {
        return inputType.isYearMonthInterval() ? AtomicType.INTERVAL_YEAR_MONTH : AtomicType.INTERVAL;
    }

    @Override
    public boolean nullable() {
        return true;
    }

    @Override
    public List<DataType> bufferTypes() {
        return List.of(inputType, AtomicType.BIGINT);
    }

    @Override
    public void initialize(Object[] buffer, int at) {
        buffer[at] = 0L;
        buffer[at + 1] = 0L;
    }

    @Override
    public void update(Object[] buffer, int at, List<ColumnVector> args, int row) {
        Object value = StoredValues.read(args.get(0), row);
        if (value == null) {
            return;
        }
        buffer[at] = add((Long) buffer[at], (Long) value);
        buffer[at + 1] = (Long) buffer[at + 1] + 1;
    }

    @Override
    public void merge(Object[] buffer, int at, Object[] other, int otherAt) {
        buffer[at] = add((Long) buffer[at], (Long) other[otherAt]);
        buffer[at + 1] = (Long) buffer[at + 1] + (Long) other[otherAt + 1];
    }

    private long add(long left, long right) {
        try {
            long sum = Math.addExact(left, right);
            return inputType.isYearMonthInterval() ? Math.toIntExact(sum) : sum;
        } catch (ArithmeticException e) {
            throw SumFunction.intervalOverflow(inputType);
        }
    }

    @Override
    public void result(Object[] buffer, int at, VectorBuilder out) {
        long count = (Long) buffer[at + 1];
        if (count == 0) {
            out.appendNull();
        } else {
            out.appendLong(divideHalfUp((Long) buffer[at], count));
        }
    }

    /** The quotient rounded half away from zero, as Guava's LongMath.divide with HALF_UP that Spark calls. */
    private static long divideHalfUp(long sum, long count) {
        long quotient = sum / count;
        long remainder = Math.abs(sum - count * quotient);
        if (remainder == 0 || remainder - (count - remainder) < 0) {
            return quotient;
        }
        return sum < 0 ? quotient - 1 : quotient + 1;
    }
}
