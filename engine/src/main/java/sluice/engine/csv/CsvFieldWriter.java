package sluice.engine.csv;

import static java.util.Objects.requireNonNull;

/**
 * Writes one value of a CSV record as the univocity writer does under Spark's settings: leading white space (every
 * character up to the space, NUL included) is dropped; a value is quoted when the rest holds the separator, a line
 * break, a character of {@code lineSep} or a quote (or starts with a quote); inside quotes, quotes are escaped with
 * {@code escape} and each line feed is written as a {@code lineSep} of two characters; trailing white space is
 * dropped from what is written, so a line feed written as {@code \r\n} goes but one written as {@code ||} stays. A
 * value of white space only is written as the empty string is, nulls are {@code nullValue} and empty strings
 * {@code emptyValue}; under {@code quoteAll} an empty value is quoted too. Immutable.
 */
public record CsvFieldWriter(String sep, char quote, char escape, String nullValue, String emptyValue,
                             boolean quoteAll, boolean escapeQuotes, String lineSep) {
    /** The character meaning "no quoting", as Spark reads an empty {@code quote} option. */
    public static final char NO_QUOTE = '\u0000';

    public CsvFieldWriter {
        requireNonNull(sep, "sep is null");
        requireNonNull(nullValue, "nullValue is null");
        requireNonNull(emptyValue, "emptyValue is null");
        requireNonNull(lineSep, "lineSep is null");
    }

    /** Lines ending in a line feed, Spark's default. */
    public CsvFieldWriter(String sep, char quote, char escape, String nullValue, String emptyValue, boolean quoteAll,
                          boolean escapeQuotes) {
        this(sep, quote, escape, nullValue, emptyValue, quoteAll, escapeQuotes, "\n");
    }

    /** One field as univocity writes it under Spark's settings. */
    public String field(String value) {
        // univocity writes a value of white space only as it writes the empty string: emptyValue in its place.
        boolean substituted = value == null || leadingWhitespace(value) == value.length();
        String text = substituted ? trimmed(value == null ? nullValue : emptyValue) : value;
        int start = leadingWhitespace(text);
        boolean startsWithQuote = quote != NO_QUOTE && start < text.length() && text.charAt(start) == quote;
        // A substituted value that is already quoted (the default emptyValue "") is written as it is.
        if (substituted && startsWithQuote && text.length() >= 2 && text.charAt(text.length() - 1) == quote) {
            return text;
        }
        // Under quoteAll univocity quotes an empty value too, so a null (nullValue '') is written as "".
        if (start == text.length()) {
            return quoteAll && quote != NO_QUOTE ? String.valueOf(quote) + quote : "";
        }
        // univocity looks for what needs quotes in the value with its trailing white space, then drops that space.
        if (!(quoteAll || startsWithQuote || needsQuotes(text, start))) {
            return text.substring(start, trailingEnd(text, start));
        }
        StringBuilder quoted = new StringBuilder(text.length() - start + 2).append(quote);
        char escapeEscape = escape == quote ? NO_QUOTE : escape;
        // univocity writes its normalized line end, the line feed, as a line separator of two characters; one of
        // one character leaves the line feed as it is.
        boolean denormalizes = lineSep.length() == 2;
        for (int i = start; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '\n' && denormalizes) {
                quoted.append(lineSep);
                continue;
            }
            if (ch == quote) {
                quoted.append(escape);
            } else if (ch == escape && escapeEscape != NO_QUOTE) {
                quoted.append(escapeEscape);
            }
            quoted.append(ch);
        }
        quoted.setLength(trailingEnd(quoted, 1));
        return quoted.append(quote).toString();
    }

    /**
     * Whether univocity quotes the value {@code text} from {@code start}: it holds the separator (all of a separator
     * of several characters, which Spark takes), a line break, any character of {@code lineSep}, or a quote when
     * quotes are escaped.
     */
    private boolean needsQuotes(String text, int start) {
        if (sep.length() > 1 && text.indexOf(sep, start) >= 0) {
            return true;
        }
        char single = sep.length() == 1 ? sep.charAt(0) : '\n';
        for (int i = start; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == single || ch == '\n' || ch == '\r' || lineSep.indexOf(ch) >= 0
                    || escapeQuotes && quote != NO_QUOTE && ch == quote) {
                return true;
            }
        }
        return false;
    }

    // Spark writes CSV with ignoreLeadingWhiteSpace and ignoreTrailingWhiteSpace on; univocity takes every character
    // up to the space for white space, NUL and the other control characters included.
    private static int leadingWhitespace(CharSequence text) {
        int start = 0;
        while (start < text.length() && isWhitespace(text.charAt(start))) {
            start++;
        }
        return start;
    }

    private static String trimmed(String text) {
        int start = leadingWhitespace(text);
        return text.substring(start, trailingEnd(text, start));
    }

    /** Where the trailing white space of {@code text} begins, not before {@code from}. */
    private static int trailingEnd(CharSequence text, int from) {
        int end = text.length();
        while (end > from && isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    private static boolean isWhitespace(char ch) {
        return ch <= ' ';
    }
}
