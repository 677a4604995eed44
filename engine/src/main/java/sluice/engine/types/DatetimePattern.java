package sluice.engine.types;

/**
 * A Spark datetime pattern as java.time must read it. Spark's DateTimeFormatterHelper turns each {@code y} outside
 * quotes into {@code u} when no {@code G} outside quotes names the era, for parsing and formatting alike: a year
 * before 1 is then the proleptic year with its sign ({@code -0001}, {@code 0000}), not a year of the era
 * ({@code 0002}, {@code 0001}); years past 9999 get a {@code +} either way. Stateless.
 */
public final class DatetimePattern {
    private DatetimePattern() {
    }

    /** {@code pattern} with {@code y} outside quotes as {@code u}, unless a {@code G} outside quotes names the era. */
    public static String toJavaTime(String pattern) {
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
