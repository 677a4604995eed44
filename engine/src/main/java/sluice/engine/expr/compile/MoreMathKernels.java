package sluice.engine.expr.compile;

import java.util.Locale;
import java.util.function.DoubleUnaryOperator;
import sluice.engine.diag.ErrorCode;

/**
 * Trigonometric and hyperbolic functions, expm1, log1p, rint, sign, factorial, hypot, atan2, bin, conv and
 * width_bucket, computed as Spark computes them (Math or StrictMath as Spark picks, Spark's formulas for the inverse
 * hyperbolic functions). Stateless.
 */
final class MoreMathKernels {
    private static final long[] FACTORIALS = new long[21];
    private static final long BITMAP_BITS = 8 * 4096;

    static {
        FACTORIALS[0] = 1;
        for (int i = 1; i < FACTORIALS.length; i++) {
            FACTORIALS[i] = FACTORIALS[i - 1] * i;
        }
    }

    private MoreMathKernels() {
    }

    /** The function of one DOUBLE named {@code name}, or null; shared by the kernels and the column fast path. */
    static DoubleUnaryOperator unary(String name) {
        return switch (name) {
            case "acos" -> Math::acos;
            case "asin" -> Math::asin;
            case "atan" -> Math::atan;
            case "acosh" -> x -> StrictMath.log(x + Math.sqrt(x * x - 1.0));
            case "asinh" -> x -> x == Double.NEGATIVE_INFINITY ? x : StrictMath.log(x + Math.sqrt(x * x + 1.0));
            case "atanh" -> x -> 0.5 * (StrictMath.log1p(x) - StrictMath.log1p(-x));
            case "sinh" -> Math::sinh;
            case "cosh" -> Math::cosh;
            case "tanh" -> Math::tanh;
            case "cot" -> x -> 1 / Math.tan(x);
            case "sec" -> x -> 1 / Math.cos(x);
            case "csc" -> x -> 1 / Math.sin(x);
            case "degrees" -> Math::toDegrees;
            case "radians" -> Math::toRadians;
            case "expm1" -> StrictMath::expm1;
            case "rint" -> Math::rint;
            default -> null;
        };
    }

    static Kernel of(String name) {
        DoubleUnaryOperator unary = unary(name);
        if (unary != null) {
            return (a, e) -> unary.applyAsDouble((Double) a[0]);
        }
        return switch (name) {
            // Spark's log1p is null at or below -1.
            case "log1p" -> (a, e) -> (Double) a[0] <= -1 ? null : StrictMath.log1p((Double) a[0]);
            case "e" -> (a, e) -> Math.E;
            case "pi" -> (a, e) -> Math.PI;
            // Adding 0.0 turns -0.0 into 0.0, as Spark does before atan2.
            case "atan2" -> (a, e) -> Math.atan2((Double) a[0] + 0.0, (Double) a[1] + 0.0);
            case "hypot" -> (a, e) -> Math.hypot((Double) a[0], (Double) a[1]);
            case "signum" -> (a, e) -> Math.signum(a[0] instanceof Long l ? (double) l : (Double) a[0]);
            case "factorial" -> (a, e) -> (Long) a[0] < 0 || (Long) a[0] > 20 ? null
                    : FACTORIALS[((Long) a[0]).intValue()];
            case "bin" -> (a, e) -> Long.toBinaryString((Long) a[0]);
            case "conv" -> (a, e) -> conv((String) a[0], (Long) a[1], (Long) a[2]);
            case "bit_count" -> (a, e) -> a[0] instanceof Boolean b ? (b ? 1L : 0L) : (long) Long.bitCount((Long) a[0]);
            // Spark's bitmaps hold 32768 bits each: value 1 is bit 0 of bucket 1, value 0 bit 0 of bucket 0.
            case "bitmap_bucket_number" -> (a, e) -> (Long) a[0] > 0 ? 1 + ((Long) a[0] - 1) / BITMAP_BITS
                    : (Long) a[0] / BITMAP_BITS;
            case "bitmap_bit_position" -> (a, e) -> (Long) a[0] > 0 ? ((Long) a[0] - 1) % BITMAP_BITS
                    : -(Long) a[0] % BITMAP_BITS;
            case "bitmap_count" -> (a, e) -> bitCount((sluice.engine.types.Bytes) a[0]);
            case "width_bucket" -> (a, e) -> widthBucket(number(a[0]), number(a[1]), number(a[2]), (Long) a[3]);
            default -> null;
        };
    }

    private static long bitCount(sluice.engine.types.Bytes bitmap) {
        long count = 0;
        for (byte b : bitmap.toArray()) {
            count += Integer.bitCount(b & 0xFF);
        }
        return count;
    }

    private static double number(Object value) {
        return value instanceof Long l ? l : (Double) value;
    }

    /** Spark's width_bucket: null for no buckets, equal or non-finite bounds, or a NaN value. */
    private static Long widthBucket(double value, double min, double max, long buckets) {
        if (buckets <= 0 || buckets == Long.MAX_VALUE || Double.isNaN(value) || min == max || Double.isNaN(min)
                || Double.isInfinite(min) || Double.isNaN(max) || Double.isInfinite(max)) {
            return null;
        }
        double lower = Math.min(min, max);
        double upper = Math.max(min, max);
        if (min < max) {
            return value < lower ? 0L : value >= upper ? buckets + 1 : (long) (buckets * (value - lower)
                    / (upper - lower)) + 1;
        }
        return value > upper ? 0L : value <= lower ? buckets + 1 : (long) (buckets * (upper - value)
                / (upper - lower)) + 1;
    }

    /**
     * Spark's conv: the digits of {@code text} (spaces trimmed, up to the first that is not one) in base {@code from}
     * read as an unsigned 64-bit number, written in base |to|; a negative number is its two's complement unless
     * {@code to} is negative, which writes it with a minus sign. Null for a base outside 2 to 36 or empty text.
     */
    private static String conv(String text, long from, long to) {
        if (from < Character.MIN_RADIX || from > Character.MAX_RADIX || Math.abs(to) < Character.MIN_RADIX
                || Math.abs(to) > Character.MAX_RADIX) {
            return null;
        }
        String digits = StringKernels.stripSpaces(text, true, true);
        if (digits.isEmpty()) {
            return null;
        }
        boolean negative = digits.charAt(0) == '-';
        long value = 0;
        for (int i = negative ? 1 : 0; i < digits.length(); i++) {
            // Spark reads the UTF-8 bytes, so only ASCII characters can be digits.
            char c = digits.charAt(i);
            int digit = c < 128 ? Character.digit(c, (int) from) : -1;
            if (digit < 0) {
                break;
            }
            if (Long.compareUnsigned(value, Long.divideUnsigned(-1L - digit, from)) > 0) {
                throw new RowFailure(ErrorCode.ARITHMETIC_OVERFLOW, "[ARITHMETIC_OVERFLOW] Overflow in function "
                        + "conv(). If necessary set \"spark.sql.ansi.enabled\" to \"false\" to bypass this error.");
            }
            value = value * from + digit;
        }
        if (negative && to > 0) {
            value = value < 0 ? -1 : -value;
        }
        if (to < 0 && value < 0) {
            value = -value;
            negative = true;
        }
        String written = Long.toUnsignedString(value, (int) Math.abs(to)).toUpperCase(Locale.ROOT);
        return negative && to < 0 ? "-" + written : written;
    }
}
