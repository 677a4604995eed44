package sluice.engine.sink;

import java.util.Locale;
import java.util.Optional;

/** Spark's output modes: which rows of the result a sink receives after each batch. */
public enum OutputMode {
    APPEND, UPDATE, COMPLETE;

    public String optionValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<OutputMode> parse(String text) {
        for (OutputMode mode : values()) {
            if (mode.optionValue().equalsIgnoreCase(text.trim())) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}
