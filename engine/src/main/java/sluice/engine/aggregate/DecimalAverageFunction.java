package sluice.engine.aggregate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.Position;
import sluice.engine.diag.Problem;
import sluice.engine.types.AtomicType;
import sluice.engine.types.ColumnVector;
import sluice.engine.types.DataType;
import sluice.engine.types.DecimalType;
import sluice.engine.types.VectorBuilder;

/**
 * Spark's {@code avg} (and {@code mean}) of DECIMAL(p, s): DECIMAL(p + 4, s + 4) bounded to 38 digits, null when the
 * group has no non-null value. As Spark's Average, the values are summed exactly as DECIMAL(p + 10, s) and the sum is
 * divided by the count with Spark's decimal division (39 decimal places, rounded down), then rounded half up to the
 * result's scale. A sum past its precision, or a result past the result type's, stops the query with Spark's ANSI
 * error. The buffer is the sum and the count. Immutable.
 */
record DecimalAverageFunction(DecimalType sumType, DecimalType resultType) implements AggregateFunction {
    /** Spark's Decimal division keeps this many decimal places (MAX_SCALE + 1) before the result is rounded. */
    private static final int DIVISION_SCALE = DecimalType.MAX_PRECISION + 1;

    static DecimalAverageFunction of(DecimalType input) {
        return new DecimalAverageFunction(SumFunction.bounded(input.precision() + 10, input.scale()),
                SumFunction.bounded(input.precision() + 4, input.scale() + 4));
    }

    @Override
    public boolean nullable() {
        return true;
    }

    @Override
    public List<DataType> bufferTypes() {
        return List.of(sumType, AtomicType.BIGINT);
    }

    @Override
    public void initialize(Object[] buffer, int at) {
        buffer[at] = BigDecimal.ZERO.setScale(sumType.scale());
        buffer[at + 1] = 0L;
    }

    @Override
    public void update(Object[] buffer, int at, List<ColumnVector> args, int row) {
        Object value = StoredValues.read(args.get(0), row);
        if (value == null) {
            return;
        }
        buffer[at] = ((BigDecimal) buffer[at]).add((BigDecimal) value);
        buffer[at + 1] = (Long) buffer[at + 1] + 1;
    }

    @Override
    public void merge(Object[] buffer, int at, Object[] other, int otherAt) {
        buffer[at] = ((BigDecimal) buffer[at]).add((BigDecimal) other[otherAt]);
        buffer[at + 1] = (Long) buffer[at + 1] + (Long) other[otherAt + 1];
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
        long count = (Long) buffer[at + 1];
        if (count == 0) {
            out.appendNull();
            return;
        }
        BigDecimal sum = (BigDecimal) buffer[at];
        if (sum.precision() - sum.scale() > sumType.precision() - sumType.scale()) {
            throw Problem.of(ErrorCode.ARITHMETIC_OVERFLOW, Position.NOWHERE, "[ARITHMETIC_OVERFLOW] Overflow in sum "
                    + "of decimals. Use 'try_avg' to tolerate overflow and return NULL instead. If necessary set "
                    + "\"spark.sql.ansi.enabled\" to \"false\" to bypass this error.").toException();
        }
        BigDecimal average = sum.divide(BigDecimal.valueOf(count), DIVISION_SCALE, RoundingMode.DOWN)
                .setScale(resultType.scale(), RoundingMode.HALF_UP);
        if (average.precision() - average.scale() > resultType.precision() - resultType.scale()) {
            throw Problem.of(ErrorCode.ARITHMETIC_OVERFLOW, Position.NOWHERE, "[NUMERIC_VALUE_OUT_OF_RANGE"
                    + ".WITH_SUGGESTION] %s cannot be represented as Decimal(%d, %d). If necessary set "
                    + "\"spark.sql.ansi.enabled\" to \"false\" to bypass this error, and return NULL instead.",
                    average.toPlainString(), resultType.precision(), resultType.scale()).toException();
        }
        out.appendObject(average);
    }
}
