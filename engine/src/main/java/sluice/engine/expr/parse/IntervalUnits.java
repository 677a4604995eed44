package sluice.engine.expr.parse;

import java.util.Locale;

/** The day-time interval units Spark accepts, singular or plural, and their length in microseconds. */
public final class IntervalUnits {
    private IntervalUnits() {
    }

    public static boolean isUnit(String word) {
        return micros(word) > 0;
    }

    /** Microseconds in one {@code unit}, or 0 when it is not a day-time unit. */
    public static long micros(String unit) {
        String singular = unit.toUpperCase(Locale.ROOT);
        if (singular.endsWith("S")) {
            singular = singular.substring(0, singular.length() - 1);
        }
        return switch (singular) {
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
}
