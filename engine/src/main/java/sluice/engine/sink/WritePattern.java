package sluice.engine.sink;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A {@code dateFormat} or {@code timestampFormat} option as the formatter that writes values with it. Spark's
 * DateTimeFormatterHelper turns each {@code y} outside quotes into {@code u} when the pattern has no era letter
 * {@code G}, so a year before 1 is written with its sign ({@code -0001-12-31}) instead of as a year of the era
 * ({@code 0002-12-31}); years past 9999 get a {@code +} either way. Stateless.
 */
final class WritePattern {
    private WritePattern() {
    }

    static DateTimeFormatter formatter(String pattern) {
        return DateTimeFormatter.ofPattern(proleptic(pattern), Locale.US);
    }

    /** {@code pattern} with {@code y} outside quotes as {@code u}, unless a {@code G} outside quotes names the era. */
    static String proleptic(String pattern) {
        boolean quoted = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == 'G') {
                return pattern;
            }
        }
        StringBuilder out = new StringBuilder(pattern.length());
        quoted = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            }
            out.append(!quoted && c == 'y' ? 'u' : c);
        }
        return out.toString();
    }
}
