package sluice.engine.pipeline;

import java.util.Locale;
import java.util.Optional;

/**
 * Parses a trigger as the command line's {@code --trigger} takes it: {@code once}, {@code available-now}, or an
 * interval.
 */
public final class TriggerText {
    private static final String CHOICES = "once, available-now or an interval such as '1 second'";

    private TriggerText() {
    }

    public static Optional<Trigger> parse(String text) {
        String lower = text.trim().toLowerCase(Locale.ROOT);
        switch (lower) {
            case "once":
                return Optional.of(new Trigger.Once());
            case "available-now":
            case "availablenow":
                return Optional.of(new Trigger.AvailableNow());
            case "default":
            case "as-fast-as-possible":
                return Optional.of(Trigger.DEFAULT);
            default:
                return processingTime(text);
        }
    }

    /**
     * A processing-time trigger's interval. Spark counts it in whole milliseconds and runs a 0 ms interval as fast as
     * possible, so an interval under a millisecond is Spark's default trigger here too.
     */
    public static Optional<Trigger> processingTime(String text) {
        return DurationText.parse(text).map(interval -> interval.toMillis() == 0
                ? Trigger.DEFAULT : new Trigger.ProcessingTime(interval, text.trim()));
    }

    /** What {@link #parse} takes, for a message about {@code text} it refused, as the end of "'x' must be …". */
    public static String requirement(String text) {
        return DurationText.isTooLong(text) ? DurationText.requirement(text) : CHOICES;
    }
}
