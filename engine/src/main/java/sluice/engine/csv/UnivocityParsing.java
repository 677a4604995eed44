package sluice.engine.csv;

import static java.util.Objects.requireNonNull;

import com.univocity.parsers.csv.CsvParserSettings;
import com.univocity.parsers.csv.UnescapedQuoteHandling;

/**
 * The CSV syntax options a univocity parser reads, as Spark names them; {@code comment} is {@code '\0'} when off.
 * {@link #settings()} sets univocity up as Spark's {@code CSVOptions.asParserSettings} does, for the options Sluice
 * knows. Immutable; the settings it makes belong to the one parser they are made for.
 */
public record UnivocityParsing(String separator, CsvQuoting quoting, char comment, String nullValue,
                               String emptyValue, boolean ignoreLeadingWhiteSpace, boolean ignoreTrailingWhiteSpace,
                               int maxColumns, int maxCharsPerColumn) {
    public UnivocityParsing {
        requireNonNull(separator, "separator is null");
        requireNonNull(quoting, "quoting is null");
        requireNonNull(nullValue, "nullValue is null");
        requireNonNull(emptyValue, "emptyValue is null");
    }

    public CsvParserSettings settings() {
        CsvParserSettings settings = new CsvParserSettings();
        settings.getFormat().setDelimiter(separator);
        settings.getFormat().setQuote(quoting.quote());
        settings.getFormat().setQuoteEscape(quoting.escape());
        if (quoting.escapeEscape() != '\0') {
            settings.getFormat().setCharToEscapeQuoteEscaping(quoting.escapeEscape());
        }
        if (comment != '\0') {
            settings.getFormat().setComment(comment);
        } else {
            settings.setCommentProcessingEnabled(false);
        }
        settings.setIgnoreLeadingWhitespaces(ignoreLeadingWhiteSpace);
        settings.setIgnoreTrailingWhitespaces(ignoreTrailingWhiteSpace);
        settings.setReadInputOnSeparateThread(false);
        settings.setMaxColumns(maxColumns);
        settings.setNullValue(nullValue);
        settings.setEmptyValue(emptyValue);
        settings.setMaxCharsPerColumn(maxCharsPerColumn);
        settings.setUnescapedQuoteHandling(UnescapedQuoteHandling.valueOf(quoting.unescapedQuoteHandling()));
        settings.setLineSeparatorDetectionEnabled(quoting.multiLine());
        settings.setErrorContentLength(1000);
        return settings;
    }
}
