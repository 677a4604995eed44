package sluice.engine.expr.compile;

import java.math.BigDecimal;
import java.math.RoundingMode;
import sluice.engine.types.AtomicType;
import sluice.engine.types.DataType;
import sluice.engine.types.IntervalField;

/**
 * Casts of ANSI intervals (stored months or microseconds) as Spark's Cast makes them: between intervals of one kind,
 * the value cut down to the target's end field; between an interval of one field and an exact number, a count of that
 * field (seconds with their fraction when the number is a decimal), failing with CAST_OVERFLOW past the target's
 * range. Stateless.
 */
final class IntervalCasts {
    private IntervalCasts() {
    }

    static Object cast(Object value, DataType from, DataType to) {
        if (from.isInterval() && to.isInterval()) {
            // Spark keeps the value down to the target's end field and drops the rest, towards zero.
            long stored = (Long) value;
            long unit = microsOrMonths(((AtomicType) to).endField());
            return stored - stored % unit;
        } else if (from.isInterval()) {
            return toNumber((Long) value, (AtomicType) from, to);
        }
        return fromNumber(value, from, (AtomicType) to);
    }

    /** Stored units in one of {@code field}: a second is a million microseconds, a year twelve months. */
    private static long microsOrMonths(IntervalField field) {
        return field == IntervalField.SECOND ? 1 : field.unit();
    }

    private static Object toNumber(long stored, AtomicType from, DataType to) {
        IntervalField field = from.endField();
        BigDecimal count = field == IntervalField.SECOND ? BigDecimal.valueOf(stored, 6)
                : BigDecimal.valueOf(stored / field.unit());
        return Casts.fromDecimal(count, from, to, stored);
    }

    private static long fromNumber(Object value, DataType from, AtomicType to) {
        IntervalField field = to.endField();
        if (value instanceof Long number) {
            try {
                if (to.isYearMonthInterval()) {
                    return Math.multiplyExact(Math.toIntExact(number), (int) field.unit());
                }
                return Math.multiplyExact(number, field.unit());
            } catch (ArithmeticException e) {
                throw RowFailure.castOverflow(Casts.literalText(value, from), from.sql(), to.sql());
            }
        }
        BigDecimal decimal = (BigDecimal) value;
        try {
            BigDecimal units = decimal.multiply(BigDecimal.valueOf(field.unit())).setScale(0, RoundingMode.HALF_UP);
            return to.isYearMonthInterval() ? units.intValueExact() : units.longValueExact();
        } catch (ArithmeticException e) {
            throw RowFailure.castOverflow(Casts.literalText(value, from), from.sql(), to.sql());
        }
    }
}
