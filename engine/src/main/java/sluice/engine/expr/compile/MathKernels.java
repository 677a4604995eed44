package sluice.engine.expr.compile;

import java.math.BigDecimal;
import java.math.RoundingMode;
import sluice.engine.types.AtomicType;
import sluice.engine.types.DataType;
import sluice.engine.types.DecimalType;
import sluice.engine.types.IntegralRange;

/** Numeric functions; round is HALF_UP and bround HALF_EVEN on the decimal value, as Spark. Stateless. */
final class MathKernels {
    private MathKernels() {
    }

    static Kernel of(String name, DataType type) {
        return switch (name) {
            case "sqrt" -> (a, e) -> Math.sqrt((Double) a[0]);
            // Spark computes exp, logarithms and powers with StrictMath, whose last digit Math may not share.
            case "exp" -> (a, e) -> StrictMath.exp((Double) a[0]);
            case "ln" -> (a, e) -> positiveOrNull((Double) a[0], StrictMath.log((Double) a[0]));
            case "log10" -> (a, e) -> positiveOrNull((Double) a[0], StrictMath.log10((Double) a[0]));
            case "log2" -> (a, e) -> positiveOrNull((Double) a[0], log2((Double) a[0]));
            case "log" -> (a, e) -> a.length == 1 ? positiveOrNull((Double) a[0], StrictMath.log((Double) a[0]))
                    : (Double) a[0] <= 0 || (Double) a[1] <= 0 ? null
                    : StrictMath.log((Double) a[1]) / StrictMath.log((Double) a[0]);
            case "sin" -> (a, e) -> Math.sin((Double) a[0]);
            case "cos" -> (a, e) -> Math.cos((Double) a[0]);
            case "tan" -> (a, e) -> Math.tan((Double) a[0]);
            case "cbrt" -> (a, e) -> Math.cbrt((Double) a[0]);
            case "pow", "power" -> (a, e) -> StrictMath.pow((Double) a[0], (Double) a[1]);
            case "abs" -> (a, e) -> abs(a[0], type);
            case "round" -> (a, e) -> round(a[0], (Long) a[1], type, RoundingMode.HALF_UP);
            case "bround" -> (a, e) -> round(a[0], (Long) a[1], type, RoundingMode.HALF_EVEN);
            case "floor" -> (a, e) -> toIntegral(a[0], type, RoundingMode.FLOOR);
            case "ceil" -> (a, e) -> toIntegral(a[0], type, RoundingMode.CEILING);
            case "ceil_scale" -> (a, e) -> scaled((BigDecimal) a[0], (Long) a[1], RoundingMode.CEILING, type);
            case "floor_scale" -> (a, e) -> scaled((BigDecimal) a[0], (Long) a[1], RoundingMode.FLOOR, type);
            default -> MoreMathKernels.of(name);
        };
    }

    /** ceil or floor of a decimal to {@code scale} places, in the result's decimal type. */
    private static BigDecimal scaled(BigDecimal value, long scale, RoundingMode mode, DataType type) {
        return ArithmeticEvaluator.fit(value.setScale((int) scale, mode), (DecimalType) type);
    }

    static double log2(double x) {
        return StrictMath.log(x) / StrictMath.log(2);
    }

    // Spark's logarithms return null, not NaN or -Infinity, for inputs at or below zero.
    private static Double positiveOrNull(double input, double result) {
        return input <= 0 ? null : result;
    }

    private static Object abs(Object value, DataType type) {
        if (value instanceof Long l) {
            // Spark's abs negates negative values with MathUtils.negateExact, so the smallest value overflows.
            return l < 0 ? ExactArithmetic.negate(type, l) : l;
        } else if (value instanceof Double d) {
            return Math.abs(d);
        }
        return DecimalNegation.abs((BigDecimal) value, (DecimalType) type);
    }

    private static Object round(Object value, long scale, DataType type, RoundingMode mode) {
        if (value instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                return d;
            }
            double rounded = DoubleFunctionEvaluator.round(d, (int) scale, mode);
            return type == AtomicType.FLOAT ? (double) (float) rounded : rounded;
        } else if (value instanceof Long l) {
            if (scale >= 0) {
                return l;
            }
            BigDecimal rounded = BigDecimal.valueOf(l).setScale((int) scale, mode);
            return checkedLong(rounded, type);
        }
        DecimalType decimal = (DecimalType) type;
        return ArithmeticEvaluator.fit(((BigDecimal) value).setScale((int) scale, mode), decimal);
    }

    private static long checkedLong(BigDecimal value, DataType type) {
        if (!IntegralRange.of(type).contains(value)) {
            throw RowFailure.roundOverflow();
        }
        return value.longValue();
    }

    private static Object toIntegral(Object value, DataType type, RoundingMode mode) {
        if (value instanceof Long l) {
            return l;
        } else if (value instanceof Double d) {
            double r = mode == RoundingMode.FLOOR ? Math.floor(d) : Math.ceil(d);
            // Spark casts the double result to BIGINT, saturating like Java's (long) conversion.
            return (long) r;
        }
        BigDecimal rounded = ((BigDecimal) value).setScale(0, mode);
        return type instanceof DecimalType decimal ? ArithmeticEvaluator.fit(rounded, decimal) : rounded.longValue();
    }
}
