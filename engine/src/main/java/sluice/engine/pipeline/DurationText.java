package sluice.engine.pipeline;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as Spark options and triggers write them: {@code 10 seconds}, {@code 1 minute}, {@code 500 ms},
 * {@code 5s}, {@code 7d}; several parts may follow each other ({@code 1 minute 30 seconds}). A bare number is
 * seconds for Spark's time options ({@code rampUpTime}), so it is seconds here too. Spark keeps an interval's time
 * in a long of microseconds, so that is the longest duration here too (about 106,751,991 days): everything that
 * uses a duration can count it in milliseconds or microseconds without overflowing.
 */
public final class DurationText {
    /** The longest duration, Spark's: {@code Long.MAX_VALUE} microseconds. */
    public static final Duration MAX = Duration.ofSeconds(Long.MAX_VALUE / 1_000_000,
            Long.MAX_VALUE % 1_000_000 * 1000);

    private static final Pattern PART = Pattern.compile("\\s*(\\d+)\\s*([a-z]*)\\s*");
    private static final String EXAMPLE = "a duration such as '10 seconds' or '5s'";

    private DurationText() {
    }

    /** The duration, or empty when the text is not one or is longer than {@link #MAX}. */
    public static Optional<Duration> parse(String text) {
        return read(text, false).filter(duration -> duration.compareTo(MAX) <= 0);
    }

    /**
     * A watermark's delay: a duration, or one with months and years, a month counted as 31 days and a year as 12
     * months, as Spark's withWatermark counts an interval's months (IntervalUtils.getDuration); empty as
     * {@link #parse}.
     */
    public static Optional<Duration> parseDelay(String text) {
        return read(text, true).filter(duration -> duration.compareTo(MAX) <= 0);
    }

    /**
     * What a duration option must be, for the message about {@code text} that {@link #parse} refused: "a duration
     * such as …", or "at most … days" when it is one but too long. Reads as the end of "'x' must be …".
     */
    public static String requirement(String text) {
        return requirement(text, false);
    }

    /** As {@link #requirement}, for a delay that {@link #parseDelay} refused. */
    public static String delayRequirement(String text) {
        return requirement(text, true);
    }

    private static String requirement(String text, boolean months) {
        return tooLong(text, months) ? "at most " + MAX.toDays() + " days" : EXAMPLE;
    }

    /** Whether {@code text} is a duration, but longer than {@link #MAX}. */
    public static boolean isTooLong(String text) {
        return tooLong(text, false);
    }

    private static boolean tooLong(String text, boolean months) {
        return read(text, months).filter(duration -> duration.compareTo(MAX) > 0).isPresent();
    }

    // Any length (up to java.time's own limit), so that a too long duration is told apart from a wrong one.
    private static Optional<Duration> read(String text, boolean months) {
        String lower = text.trim().toLowerCase(Locale.ROOT);
        if (lower.startsWith("interval ")) {
            lower = lower.substring("interval ".length());
        }
        if (lower.isEmpty()) {
            return Optional.empty();
        }
        Matcher matcher = PART.matcher(lower);
        Duration total = Duration.ZERO;
        int at = 0;
        while (at < lower.length()) {
            matcher.region(at, lower.length());
            if (!matcher.lookingAt()) {
                return Optional.empty();
            }
            Optional<Duration> unit = unit(matcher.group(2), months);
            if (unit.isEmpty()) {
                return Optional.empty();
            }
            try {
                total = total.plus(unit.get().multipliedBy(Long.parseLong(matcher.group(1))));
            } catch (ArithmeticException | NumberFormatException e) {
                // Beyond even java.time's range: too long all the same.
                return Optional.of(Duration.ofSeconds(Long.MAX_VALUE));
            }
            at = matcher.end();
        }
        return Optional.of(total);
    }

    private static Optional<Duration> unit(String name, boolean months) {
        if (months && (name.equals("month") || name.equals("months"))) {
            return Optional.of(Duration.ofDays(31));
        } else if (months && (name.equals("year") || name.equals("years"))) {
            return Optional.of(Duration.ofDays(12 * 31));
        }
        return Optional.ofNullable(switch (name) {
            case "us", "microsecond", "microseconds" -> Duration.ofNanos(1000);
            case "ms", "millisecond", "milliseconds" -> Duration.ofMillis(1);
            case "", "s", "sec", "secs", "second", "seconds" -> Duration.ofSeconds(1);
            case "m", "min", "mins", "minute", "minutes" -> Duration.ofMinutes(1);
            case "h", "hour", "hours" -> Duration.ofHours(1);
            case "d", "day", "days" -> Duration.ofDays(1);
            case "w", "week", "weeks" -> Duration.ofDays(7);
            default -> null;
        });
    }
}
