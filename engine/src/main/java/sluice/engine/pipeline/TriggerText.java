package sluice.engine.pipeline;

import java.util.Locale;
import java.util.Optional;

/** Parses a trigger as the command line's {@code --trigger} takes it: {@code once}, {@code available-now}, or an interval. */
public final class TriggerText {
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
                return DurationText.parse(lower).map(interval -> interval.isZero()
                        ? Trigger.DEFAULT : new Trigger.ProcessingTime(interval, text.trim()));
        }
    }
}
