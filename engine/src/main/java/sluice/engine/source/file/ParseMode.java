package sluice.engine.source.file;

import java.util.Locale;
import java.util.Optional;

/** Spark's {@code mode} option: what a reader does with a record it cannot parse. */
public enum ParseMode {
    /** Keep the row: unparsable fields become null and the raw record goes to the corrupt-record column. */
    PERMISSIVE,
    /** Drop the row. */
    DROPMALFORMED,
    /** Stop the query with an error naming the file and line. */
    FAILFAST;

    /** Spark matches the mode ignoring case. */
    public static Optional<ParseMode> parse(String text) {
        for (ParseMode mode : values()) {
            if (mode.name().equals(text.trim().toUpperCase(Locale.ROOT))) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}
