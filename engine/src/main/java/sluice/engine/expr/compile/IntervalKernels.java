package sluice.engine.expr.compile;

import java.math.BigDecimal;
import java.math.RoundingMode;
import sluice.engine.diag.ErrorCode;

/**
 * An ANSI interval times or divided by a number, as Spark's MultiplyYMInterval, MultiplyDTInterval, DivideYMInterval
 * and DivideDTInterval compute it: exact for an integral number (a quotient rounded half up), a decimal product or
 * quotient rounded half up, a double one rounded half up as Guava's DoubleMath does; months stay an int and
 * microseconds a long, or the row fails. Stateless.
 */
final class IntervalKernels {
    private IntervalKernels() {
    }

    /** The kernel of {@code name}, or null when it is not an interval product or quotient. */
    static Kernel of(String name) {
        return switch (name) {
            case "multiply_ym_interval" -> (a, e) -> multiply((Long) a[0], a[1], true);
            case "multiply_dt_interval" -> (a, e) -> multiply((Long) a[0], a[1], false);
            case "divide_ym_interval" -> (a, e) -> divide((Long) a[0], a[1], true);
            case "divide_dt_interval" -> (a, e) -> divide((Long) a[0], a[1], false);
            default -> null;
        };
    }

    private static long multiply(long interval, Object number, boolean months) {
        try {
            long result;
            if (number instanceof Long n) {
                result = Math.multiplyExact(interval, n);
            } else if (number instanceof Double d) {
                result = roundHalfUp(interval * d);
            } else {
                result = new BigDecimal(interval).multiply((BigDecimal) number).setScale(0, RoundingMode.HALF_UP)
                        .longValueExact();
            }
            return months ? Math.toIntExact(result) : result;
        } catch (ArithmeticException e) {
            throw overflow(months);
        }
    }

    private static long divide(long interval, Object number, boolean months) {
        boolean zero = number instanceof BigDecimal decimal ? decimal.signum() == 0
                : number instanceof Double d ? d == 0.0 : (Long) number == 0;
        if (number instanceof Long n && n == -1 && interval == (months ? Integer.MIN_VALUE : Long.MIN_VALUE)) {
            throw new RowFailure(ErrorCode.ARITHMETIC_OVERFLOW, "[INTERVAL_ARITHMETIC_OVERFLOW.WITH_SUGGESTION] "
                    + "Interval value overflows after being divided by -1. Use 'try_divide' to tolerate overflow "
                    + "and return NULL instead.");
        }
        if (zero) {
            throw new RowFailure(ErrorCode.DIVIDE_BY_ZERO, "[INTERVAL_DIVIDED_BY_ZERO] Divide by zero in interval "
                    + "arithmetic.");
        }
        try {
            long result;
            if (number instanceof Long n) {
                result = divideHalfUp(interval, n);
            } else if (number instanceof Double d) {
                result = roundHalfUp(interval / d);
            } else {
                result = new BigDecimal(interval).divide((BigDecimal) number, 39, RoundingMode.HALF_UP)
                        .setScale(0, RoundingMode.HALF_UP).longValueExact();
            }
            return months ? Math.toIntExact(result) : result;
        } catch (ArithmeticException e) {
            throw overflow(months);
        }
    }

    /** Guava's LongMath.divide with HALF_UP: the exact quotient, a remainder of half or more rounded away from 0. */
    private static long divideHalfUp(long p, long q) {
        long quotient = p / q;
        long remainder = p - q * quotient;
        if (remainder == 0) {
            return quotient;
        }
        long absRemainder = Math.abs(remainder);
        boolean awayFromZero = absRemainder - (Math.abs(q) - absRemainder) >= 0;
        int sign = (p ^ q) < 0 ? -1 : 1;
        return awayFromZero ? quotient + sign : quotient;
    }

    /** Guava's DoubleMath.roundToLong with HALF_UP; a value past a long (or not a number) is an overflow. */
    private static long roundHalfUp(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            throw new ArithmeticException("not finite");
        }
        double z = Math.rint(x);
        if (Math.abs(x - z) == 0.5) {
            z = x + Math.copySign(0.5, x);
        }
        if (!(-0x1p63 - z < 1.0 && z < 0x1p63)) {
            throw new ArithmeticException("out of range");
        }
        return (long) z;
    }

    private static RowFailure overflow(boolean months) {
        return new RowFailure(ErrorCode.ARITHMETIC_OVERFLOW, "[ARITHMETIC_OVERFLOW] " + (months ? "integer"
                : "long") + " overflow. If necessary set \"spark.sql.ansi.enabled\" to \"false\" to bypass this "
                + "error.");
    }
}
