package sluice.engine.csv;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How Spark's CSV reader treats quotes and line ends: the quote and escape characters, the character that escapes
 * the escape ({@code '\0'} when unset), what to do with a quote that is not escaped, and whether a quoted value may
 * span lines ({@code multiLine}; off by default, so every line is a record, as in Spark).
 */
public record CsvQuoting(char quote, char escape, char escapeEscape, String unescapedQuoteHandling,
                         boolean multiLine) {
    /** univocity's names, which Spark takes as they are (case ignored). */
    public static final List<String> UNESCAPED_QUOTE_HANDLINGS = List.of("STOP_AT_DELIMITER", "BACK_TO_DELIMITER",
            "STOP_AT_CLOSING_QUOTE", "SKIP_VALUE", "RAISE_ERROR");
    public static final CsvQuoting DEFAULTS = new CsvQuoting('"', '\\', '\0', "STOP_AT_DELIMITER", false);

    public CsvQuoting {
        if (!UNESCAPED_QUOTE_HANDLINGS.contains(unescapedQuoteHandling)) {
            throw new IllegalArgumentException("unknown unescapedQuoteHandling " + unescapedQuoteHandling);
        }
    }

    /** The handling named by {@code text}, ignoring case, or empty when it is not one of univocity's. */
    public static Optional<String> handling(String text) {
        String upper = text.strip().toUpperCase(Locale.ROOT);
        return UNESCAPED_QUOTE_HANDLINGS.contains(upper) ? Optional.of(upper) : Optional.empty();
    }

    public CsvQuoting withQuote(char quoteChar, char escapeChar) {
        return new CsvQuoting(quoteChar, escapeChar, escapeEscape, unescapedQuoteHandling, multiLine);
    }

    public CsvQuoting withMultiLine(boolean spansLines) {
        return new CsvQuoting(quote, escape, escapeEscape, unescapedQuoteHandling, spansLines);
    }
}
