package sluice.engine.sink;

import static java.util.Objects.requireNonNull;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import sluice.engine.csv.CsvFieldWriter;
import sluice.engine.types.AtomicType;
import sluice.engine.types.Bytes;
import sluice.engine.types.Batch;
import sluice.engine.types.ColumnVector;
import sluice.engine.types.DataType;
import sluice.engine.types.ValueText;

/**
 * Spark's CSV writer with its write options, in the charset of its {@code encoding}, each line ending in
 * {@code lineSep}. Quoting follows the univocity writer under Spark's settings ({@link CsvFieldWriter}): leading
 * and trailing white space is dropped, a value is quoted only when it holds the separator, a line break, a character
 * of {@code lineSep} or a quote (or starts with a quote), quotes inside quotes are escaped with {@code escape}, nulls
 * are {@code nullValue} and empty strings {@code emptyValue} ({@code ""}); under {@code quoteAll} an empty value is
 * quoted too. Immutable.
 */
public record CsvRowFormat(boolean header, char sep, char quote, char escape, String nullValue, String emptyValue,
                           boolean quoteAll, boolean escapeQuotes, String dateFormat, String timestampFormat,
                           String timestampNTZFormat, String lineSep, Charset charset) implements RowFormat {
    public static final String DEFAULT_DATE_FORMAT = "yyyy-MM-dd";
    public static final String DEFAULT_TIMESTAMP_FORMAT = "yyyy-MM-dd'T'HH:mm:ss.SSSXXX";
    /** Spark's default {@code timestampNTZFormat} for writing: milliseconds always written, no zone. */
    public static final String DEFAULT_TIMESTAMP_NTZ_FORMAT = "yyyy-MM-dd'T'HH:mm:ss[.SSS]";
    /** The character meaning "no quoting", as Spark reads an empty {@code quote} option. */
    public static final char NO_QUOTE = CsvFieldWriter.NO_QUOTE;

    public CsvRowFormat {
        requireNonNull(nullValue, "nullValue is null");
        requireNonNull(emptyValue, "emptyValue is null");
        requireNonNull(dateFormat, "dateFormat is null");
        requireNonNull(timestampFormat, "timestampFormat is null");
        requireNonNull(timestampNTZFormat, "timestampNTZFormat is null");
        requireNonNull(lineSep, "lineSep is null");
        requireNonNull(charset, "charset is null");
        if (lineSep.isEmpty()) {
            throw new IllegalArgumentException("lineSep is empty");
        }
    }

    /** Lines ending in a line feed in UTF-8, as Spark writes them without {@code lineSep} and {@code encoding}. */
    public CsvRowFormat(boolean header, char sep, char quote, char escape, String nullValue, String emptyValue,
                        boolean quoteAll, boolean escapeQuotes, String dateFormat, String timestampFormat,
                        String timestampNTZFormat) {
        this(header, sep, quote, escape, nullValue, emptyValue, quoteAll, escapeQuotes, dateFormat, timestampFormat,
                timestampNTZFormat, TextRowFormat.DEFAULT_LINE_SEP, StandardCharsets.UTF_8);
    }

    /** Spark's defaults: no header, comma, double quote, backslash escape, nulls empty, empty strings {@code ""}. */
    public static CsvRowFormat defaults() {
        return new CsvRowFormat(false, ',', '"', '\\', "", "\"\"", false, true, DEFAULT_DATE_FORMAT,
                DEFAULT_TIMESTAMP_FORMAT, DEFAULT_TIMESTAMP_NTZ_FORMAT);
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
        DateTimeFormatter localTimestamps = WritePattern.formatter(timestampNTZFormat);
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, charset));
        CsvFieldWriter fields = fields();
        if (header) {
            writeLine(writer, fields, rows.schema().names());
        }
        List<String> values = new ArrayList<>(rows.schema().size());
        for (int r = 0; r < rows.rowCount(); r++) {
            values.clear();
            for (int c = 0; c < rows.schema().size(); c++) {
                ColumnVector column = rows.column(c);
                values.add(column.isNull(r) ? null
                        : text(column.type(), column.get(r), dates, timestamps, localTimestamps));
            }
            writeLine(writer, fields, values);
        }
        writer.flush();
    }

    private static String text(DataType type, Object value, DateTimeFormatter dates, DateTimeFormatter timestamps,
                               DateTimeFormatter localTimestamps) {
        if (type == AtomicType.DATE) {
            return dates.format((LocalDate) value);
        } else if (type == AtomicType.TIMESTAMP) {
            return timestamps.format((Instant) value);
        } else if (type == AtomicType.TIMESTAMP_NTZ) {
            return localTimestamps.format((java.time.LocalDateTime) value);
        } else if (type.isInterval()) {
            return ValueText.interval(type, value);
        } else if (type == AtomicType.BINARY) {
            // Spark's CSV writer formats binary as show() does: [41 42].
            return ((Bytes) value).toString();
        }
        // Spark writes other values with toString: Double.toString, BigDecimal.toString (scientific when small).
        return value.toString();
    }

    private void writeLine(Writer writer, CsvFieldWriter fields, List<String> values) throws IOException {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                writer.write(sep);
            }
            writer.write(fields.field(values.get(i)));
        }
        writer.write(lineSep);
    }

    /** One field as univocity writes it under Spark's settings. */
    String field(String value) {
        return fields().field(value);
    }

    private CsvFieldWriter fields() {
        return new CsvFieldWriter(String.valueOf(sep), quote, escape, nullValue, emptyValue, quoteAll, escapeQuotes,
                lineSep);
    }
}
