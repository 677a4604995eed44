package sluice.engine.expr.compile;

import sluice.engine.types.AtomicType;
import sluice.engine.types.DataType;
import sluice.engine.types.IntegralRange;

/**
 * Spark's ANSI arithmetic on one pair of integral values of one type (TINYINT, SMALLINT, INT or BIGINT, and the
 * long-stored DATE, TIMESTAMP and INTERVAL as BIGINT): the result, or a RowFailure with Spark's overflow message for
 * that type. The column loops of ArithmeticEvaluator and NegateEvaluator compute without checks and come here only for
 * a row whose result left the type's range; a {@code try_} function can call these per row and turn the RowFailure into
 * null. Stateless.
 */
final class ExactArithmetic {
    private ExactArithmetic() {
    }

    static long add(DataType type, long x, long y) {
        long r = x + y;
        if (((x ^ r) & (y ^ r)) < 0 || !range(type).contains(r)) {
            throw overflow(type, x, "+", y, "try_add");
        }
        return r;
    }

    static long subtract(DataType type, long x, long y) {
        long r = x - y;
        if (((x ^ y) & (x ^ r)) < 0 || !range(type).contains(r)) {
            throw overflow(type, x, "-", y, "try_subtract");
        }
        return r;
    }

    static long multiply(DataType type, long x, long y) {
        long hi = Math.multiplyHigh(x, y);
        long r = x * y;
        if ((hi != 0 || r < 0) && (hi != -1 || r >= 0) || !range(type).contains(r)) {
            throw overflow(type, x, "*", y, "try_multiply");
        }
        return r;
    }

    /** Unary minus and abs of the type's smallest value overflow, as Spark's MathUtils.negateExact. */
    static long negate(DataType type, long x) {
        if (x == range(type).min()) {
            throw RowFailure.overflow(word(type), null);
        }
        return -x;
    }

    /**
     * INT and BIGINT overflow with Java's Math.*Exact message ("integer overflow"); TINYINT and SMALLINT with
     * BINARY_ARITHMETIC_OVERFLOW naming both operands, which Spark prints as SMALLINT literals for both.
     */
    private static RowFailure overflow(DataType type, long x, String symbol, long y, String tryFunction) {
        if (type == AtomicType.TINYINT || type == AtomicType.SMALLINT) {
            return RowFailure.binaryOverflow(x + "S", symbol, y + "S", tryFunction);
        }
        return RowFailure.overflow(word(type), tryFunction);
    }

    /** DATE, TIMESTAMP and INTERVAL values are longs too, and overflow as BIGINT does. */
    static IntegralRange range(DataType type) {
        if (type.isYearMonthInterval()) {
            // Spark's year-month interval is an int of months.
            return IntegralRange.of(AtomicType.INT);
        }
        return IntegralRange.of(type.isIntegral() ? type : AtomicType.BIGINT);
    }

    private static String word(DataType type) {
        if (type == AtomicType.TINYINT) {
            return "byte";
        } else if (type == AtomicType.SMALLINT) {
            return "short";
        }
        return type == AtomicType.INT || type.isYearMonthInterval() ? "integer" : "long";
    }
}
