package sluice.engine.pipeline;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as Spark options and triggers write them: {@code 10 seconds}, {@code 1 minute}, {@code 500 ms},
 * {@code 5s}, {@code 7d}; several parts may follow each other ({@code 1 minute 30 seconds}). A bare number is
 * seconds for Spark's time options ({@code rampUpTime}), so it is seconds here too.
 */
public final class DurationText {
    private static final Pattern PART = Pattern.compile("\\s*(\\d+)\\s*([a-z]*)\\s*");

    private DurationText() {
    }

    public static Optional<Duration> parse(String text) {
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
            if (!matcher.find(at) || matcher.start() != at) {
                return Optional.empty();
            }
            Optional<Duration> unit = unit(matcher.group(2));
            if (unit.isEmpty()) {
                return Optional.empty();
            }
            total = total.plus(unit.get().multipliedBy(Long.parseLong(matcher.group(1))));
            at = matcher.end();
        }
        return Optional.of(total);
    }

    private static Optional<Duration> unit(String name) {
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
