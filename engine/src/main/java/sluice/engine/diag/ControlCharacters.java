package sluice.engine.diag;

/**
 * Control characters in user text (ids, option names, values, paths) that is printed inside a one-line message. Such
 * text is printed escaped, so no input can break a message into two lines or send a terminal escape sequence: a
 * newline in a node id must not forge a line of {@code sluice validate}'s output. Stateless.
 */
public final class ControlCharacters {
    private ControlCharacters() {
    }

    /** Whether {@code text} holds a character that {@link #escape} rewrites. */
    public static boolean contains(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isControl(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The text with control characters written as escapes: Spark's {@code escapeMetaCharacters} forms where it has
     * one ({@code \n}, {@code \r}, {@code \t}, {@code \f}, {@code \b}, {@code \v}, {@code \a}), {@code \}{@code uXXXX}
     * for the others (escape, delete, the C1 controls, the Unicode line and paragraph separators).
     */
    public static String escape(String text) {
        if (!contains(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (isControl(ch)) {
                out.append(escape(ch));
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }

    private static boolean isControl(char ch) {
        return Character.isISOControl(ch) || ch == '\u2028' || ch == '\u2029';
    }

    private static String escape(char ch) {
        switch (ch) {
            case '\n': return "\\n";
            case '\r': return "\\r";
            case '\t': return "\\t";
            case '\f': return "\\f";
            case '\b': return "\\b";
            case '\u000B': return "\\v";
            case '\u0007': return "\\a";
            default: return String.format("\\u%04X", (int) ch);
        }
    }
}
