package sluice.engine.operator;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import sluice.engine.pipeline.DurationText;

/**
 * A session gap's text split as Spark's calendar interval keeps it: its months and years (a year being 12 months),
 * which are added on the calendar, apart from the rest ({@code rest}, a duration text, empty when there is none).
 */
public record CalendarGap(int months, String rest) {
    private static final Pattern MONTHS = Pattern.compile("(?i)([+-]?)\\b(\\d+)\\s*(years?|months?|mons?)\\b");

    /** {@code text} split into its months and the rest; throws ArithmeticException when the months overflow. */
    public static CalendarGap split(String text) {
        Matcher matcher = MONTHS.matcher(text.trim());
        int months = 0;
        StringBuilder rest = new StringBuilder();
        while (matcher.find()) {
            int count = Integer.parseInt(matcher.group(2));
            int unit = matcher.group(3).toLowerCase(Locale.ROOT).startsWith("y") ? 12 : 1;
            months = Math.addExact(months, Math.multiplyExact(count, unit) * ("-".equals(matcher.group(1)) ? -1 : 1));
            matcher.appendReplacement(rest, " ");
        }
        matcher.appendTail(rest);
        return new CalendarGap(months, rest.toString().strip());
    }

    /**
     * The rest in microseconds: none (0) beside some months, else the rest read as a duration; empty when it is not
     * one. A gap that is not positive is kept: its session does not end after it starts, so its rows take no part.
     */
    public Optional<Long> restMicros() {
        if (months != 0 && rest.isEmpty()) {
            return Optional.of(0L);
        }
        return DurationText.parse(rest).map(duration -> Math.addExact(
                Math.multiplyExact(duration.getSeconds(), 1_000_000L), duration.getNano() / 1000));
    }
}
