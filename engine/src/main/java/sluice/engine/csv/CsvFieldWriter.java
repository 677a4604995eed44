package sluice.engine.csv;

import static java.util.Objects.requireNonNull;

/**
 * Writes one value of a CSV record as the univocity writer does under Spark's settings: leading and trailing
 * whitespace is dropped, a value is quoted only when it holds the separator, a line break or a quote (or starts with
 * a quote), quotes inside quotes are escaped with {@code escape}, nulls are {@code nullValue} and empty strings
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
        boolean substituted = value == null || value.isEmpty();
        String text = trim(value == null ? nullValue : value.isEmpty() ? emptyValue : value);
        boolean startsWithQuote = quote != NO_QUOTE && !text.isEmpty() && text.charAt(0) == quote;
        // A substituted value that is already quoted (the default emptyValue "") is written as it is.
        if (substituted && startsWithQuote && text.length() >= 2 && text.charAt(text.length() - 1) == quote) {
            return text;
        }
        // Under quoteAll univocity quotes an empty value too, so a null (nullValue '') is written as "".
        if (text.isEmpty()) {
            return quoteAll && quote != NO_QUOTE ? String.valueOf(quote) + quote : text;
        }
        if (!(quoteAll || startsWithQuote || needsQuotes(text))) {
            return text;
        }
        StringBuilder quoted = new StringBuilder(text.length() + 2).append(quote);
        char escapeEscape = escape == quote ? NO_QUOTE : escape;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == quote) {
                quoted.append(escape);
            } else if (ch == escape && escapeEscape != NO_QUOTE) {
                quoted.append(escapeEscape);
            }
            quoted.append(ch);
        }
        return quoted.append(quote).toString();
    }

    /** A separator of several characters (Spark takes one) quotes a value holding all of it, as univocity does. */
    private boolean needsQuotes(String text) {
        if (sep.length() > 1 && text.contains(sep)) {
            return true;
        }
        char single = sep.length() == 1 ? sep.charAt(0) : '\n';
        // univocity quotes a value holding a line separator of one character (Spark's lineSep), as a line break.
        char lineEnd = lineSep.length() == 1 ? lineSep.charAt(0) : '\n';
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == single || ch == '\n' || ch == '\r' || ch == lineEnd
                    || escapeQuotes && quote != NO_QUOTE && ch == quote) {
                return true;
            }
        }
        return false;
    }

    // Spark writes CSV with ignoreLeadingWhiteSpace and ignoreTrailingWhiteSpace on; univocity drops control
    // characters and spaces, but not NUL.
    private static String trim(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean isWhitespace(char ch) {
        return ch > '\u0000' && ch <= ' ';
    }
}
