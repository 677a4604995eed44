package sluice.engine.expr.parse;

import java.util.Locale;

/**
 * The interval units Spark accepts, singular or plural: the day-time ones with their length in microseconds, and
 * YEAR and MONTH, counted in months.
 */
public final class IntervalUnits {
    private IntervalUnits() {
    }

    public static boolean isUnit(String word) {
        return micros(word) > 0 || months(word) > 0;
    }

    /** Months in one {@code unit} (YEAR or MONTH), or 0 when it is not a year-month unit. */
    public static int months(String unit) {
        return switch (singular(unit)) {
            case "YEAR" -> 12;
            case "MONTH" -> 1;
            default -> 0;
        };
    }

    /** Microseconds in one {@code unit}, or 0 when it is not a day-time unit. */
    public static long micros(String unit) {
        return switch (singular(unit)) {
            case "WEEK" -> 7L * 86_400_000_000L;
            case "DAY" -> 86_400_000_000L;
            case "HOUR" -> 3_600_000_000L;
            case "MINUTE" -> 60_000_000L;
            case "SECOND" -> 1_000_000L;
            case "MILLISECOND" -> 1_000L;
            case "MICROSECOND" -> 1L;
            default -> 0L;
        };
    }

    /** The unit's singular name in upper case: {@code hours} is HOUR. */
    static String singular(String unit) {
        String upper = unit.toUpperCase(Locale.ROOT);
        return upper.endsWith("S") ? upper.substring(0, upper.length() - 1) : upper;
    }
}
