package sluice.engine.sink;

import static java.util.Objects.requireNonNull;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import sluice.engine.types.AtomicType;
import sluice.engine.types.Bytes;
import sluice.engine.types.Batch;
import sluice.engine.types.ColumnVector;
import sluice.engine.types.DataType;
import sluice.engine.types.ValueText;

/**
 * Spark's CSV writer with its write options. Quoting follows the univocity writer under Spark's settings: leading and
 * trailing whitespace is dropped, a value is quoted only when it holds the separator, a line break or a quote (or
 * starts with a quote), quotes inside quotes are escaped with {@code escape}, nulls are {@code nullValue} and empty
 * strings {@code emptyValue} ({@code ""}); under {@code quoteAll} an empty value is quoted too. Immutable.
 */
public record CsvRowFormat(boolean header, char sep, char quote, char escape, String nullValue, String emptyValue,
                           boolean quoteAll, boolean escapeQuotes, String dateFormat, String timestampFormat)
        implements RowFormat {
    public static final String DEFAULT_DATE_FORMAT = "yyyy-MM-dd";
    public static final String DEFAULT_TIMESTAMP_FORMAT = "yyyy-MM-dd'T'HH:mm:ss.SSSXXX";
    /** The character meaning "no quoting", as Spark reads an empty {@code quote} option. */
    public static final char NO_QUOTE = '\u0000';

    public CsvRowFormat {
        requireNonNull(nullValue, "nullValue is null");
        requireNonNull(emptyValue, "emptyValue is null");
        requireNonNull(dateFormat, "dateFormat is null");
        requireNonNull(timestampFormat, "timestampFormat is null");
    }

    /** Spark's defaults: no header, comma, double quote, backslash escape, nulls empty, empty strings {@code ""}. */
    public static CsvRowFormat defaults() {
        return new CsvRowFormat(false, ',', '"', '\\', "", "\"\"", false, true, DEFAULT_DATE_FORMAT,
                DEFAULT_TIMESTAMP_FORMAT);
    }

    @Override
    public String name() {
        return "csv";
    }

    @Override
    public boolean writesEmptyFile() {
        return true;
    }

    @Override
    public void write(Batch rows, ZoneId zone, OutputStream out) throws IOException {
        DateTimeFormatter dates = WritePattern.formatter(dateFormat);
        DateTimeFormatter timestamps = WritePattern.formatter(timestampFormat).withZone(zone);
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        if (header) {
            writeLine(writer, rows.schema().names());
        }
        List<String> values = new ArrayList<>(rows.schema().size());
        for (int r = 0; r < rows.rowCount(); r++) {
            values.clear();
            for (int c = 0; c < rows.schema().size(); c++) {
                ColumnVector column = rows.column(c);
                values.add(column.isNull(r) ? null : text(column.type(), column.get(r), dates, timestamps));
            }
            writeLine(writer, values);
        }
        writer.flush();
    }

    private static String text(DataType type, Object value, DateTimeFormatter dates, DateTimeFormatter timestamps) {
        if (type == AtomicType.DATE) {
            return dates.format((LocalDate) value);
        } else if (type == AtomicType.TIMESTAMP) {
            return timestamps.format((Instant) value);
        } else if (type == AtomicType.INTERVAL) {
            return ValueText.interval((Duration) value);
        } else if (type == AtomicType.BINARY) {
            // Spark's CSV writer formats binary as show() does: [41 42].
            return ((Bytes) value).toString();
        }
        // Spark writes other values with toString: Double.toString, BigDecimal.toString (scientific when small).
        return value.toString();
    }

    private void writeLine(Writer writer, List<String> values) throws IOException {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                writer.write(sep);
            }
            writer.write(field(values.get(i)));
        }
        writer.write('\n');
    }

    /** One field as univocity writes it under Spark's settings. */
    String field(String value) {
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

    private boolean needsQuotes(String text) {
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == sep || ch == '\n' || ch == '\r' || escapeQuotes && quote != NO_QUOTE && ch == quote) {
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
