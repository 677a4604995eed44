package sluice.engine.source.file.csv;

import static java.util.Objects.requireNonNull;

import sluice.engine.csv.CsvQuoting;
import sluice.engine.source.file.ParseMode;

/**
 * Spark's CSV read options with their defaults. {@code maxColumns} and {@code maxCharsPerColumn} are univocity's
 * limits as Spark sets them (at most that many values a record, at most that many characters a value, -1 for no
 * limit). {@code comment} is {@code '\0'} when off; {@code dateFormat}, {@code timestampFormat} and
 * {@code timestampNTZFormat} are null when not set, which means Spark's default parsing (see
 * {@link sluice.engine.csv.TemporalParser}).
 */
public record CsvOptions(boolean header, String separator, CsvQuoting quoting, char comment, String nullValue,
                         String emptyValue, String nanValue, String positiveInf, String negativeInf,
                         String dateFormat, String timestampFormat, ParseMode mode, String columnNameOfCorruptRecord,
                         boolean ignoreLeadingWhiteSpace, boolean ignoreTrailingWhiteSpace, int maxColumns,
                         int maxCharsPerColumn, String timestampNTZFormat) {
    /** Spark's {@code maxColumns} default: how many values a record may have. */
    public static final int DEFAULT_MAX_COLUMNS = 20480;
    /** Spark's {@code maxCharsPerColumn} default: -1, no limit on the length of a value. */
    public static final int DEFAULT_MAX_CHARS_PER_COLUMN = -1;
    public static final CsvOptions DEFAULTS = new CsvOptions(false, ",", CsvQuoting.DEFAULTS, '\0', "", "", "NaN",
            "Inf", "-Inf", null, null, ParseMode.PERMISSIVE, "_corrupt_record", false, false, DEFAULT_MAX_COLUMNS,
            DEFAULT_MAX_CHARS_PER_COLUMN, null);

    public CsvOptions {
        requireNonNull(quoting, "quoting is null");
        requireNonNull(separator, "separator is null");
        requireNonNull(nullValue, "nullValue is null");
        requireNonNull(emptyValue, "emptyValue is null");
        requireNonNull(mode, "mode is null");
        requireNonNull(columnNameOfCorruptRecord, "columnNameOfCorruptRecord is null");
        if (separator.isEmpty()) {
            throw new IllegalArgumentException("empty separator");
        }
        if (maxColumns < 1 || maxCharsPerColumn < -1) {
            throw new IllegalArgumentException("bad limits " + maxColumns + ", " + maxCharsPerColumn);
        }
    }

    public CsvOptions withHeader(boolean hasHeader) {
        return new CsvOptions(hasHeader, separator, quoting, comment, nullValue, emptyValue, nanValue,
                positiveInf, negativeInf, dateFormat, timestampFormat, mode, columnNameOfCorruptRecord,
                ignoreLeadingWhiteSpace, ignoreTrailingWhiteSpace, maxColumns, maxCharsPerColumn, timestampNTZFormat);
    }

    public CsvOptions withSeparator(String sep) {
        return new CsvOptions(header, sep, quoting, comment, nullValue, emptyValue, nanValue,
                positiveInf, negativeInf, dateFormat, timestampFormat, mode, columnNameOfCorruptRecord,
                ignoreLeadingWhiteSpace, ignoreTrailingWhiteSpace, maxColumns, maxCharsPerColumn, timestampNTZFormat);
    }

    public CsvOptions withNullValue(String text) {
        return new CsvOptions(header, separator, quoting, comment, text, emptyValue, nanValue,
                positiveInf, negativeInf, dateFormat, timestampFormat, mode, columnNameOfCorruptRecord,
                ignoreLeadingWhiteSpace, ignoreTrailingWhiteSpace, maxColumns, maxCharsPerColumn, timestampNTZFormat);
    }

    public CsvOptions withMode(ParseMode parseMode) {
        return new CsvOptions(header, separator, quoting, comment, nullValue, emptyValue, nanValue,
                positiveInf, negativeInf, dateFormat, timestampFormat, parseMode, columnNameOfCorruptRecord,
                ignoreLeadingWhiteSpace, ignoreTrailingWhiteSpace, maxColumns, maxCharsPerColumn, timestampNTZFormat);
    }

    public CsvOptions withQuote(char quoteChar, char escapeChar) {
        return withQuoting(quoting.withQuote(quoteChar, escapeChar));
    }

    public CsvOptions withQuoting(CsvQuoting quotes) {
        return new CsvOptions(header, separator, quotes, comment, nullValue, emptyValue, nanValue,
                positiveInf, negativeInf, dateFormat, timestampFormat, mode, columnNameOfCorruptRecord,
                ignoreLeadingWhiteSpace, ignoreTrailingWhiteSpace, maxColumns, maxCharsPerColumn, timestampNTZFormat);
    }

    public CsvOptions withLimits(int columns, int charsPerColumn) {
        return new CsvOptions(header, separator, quoting, comment, nullValue, emptyValue, nanValue,
                positiveInf, negativeInf, dateFormat, timestampFormat, mode, columnNameOfCorruptRecord,
                ignoreLeadingWhiteSpace, ignoreTrailingWhiteSpace, columns, charsPerColumn, timestampNTZFormat);
    }

    public char quote() {
        return quoting.quote();
    }
}
