package sluice.engine.expr.compile;

import com.univocity.parsers.csv.CsvParser;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import sluice.engine.csv.CsvFieldTypes;
import sluice.engine.csv.CsvFieldWriter;
import sluice.engine.csv.CsvQuoting;
import sluice.engine.csv.UnivocityParsing;
import sluice.engine.expr.analyze.DateTimeText;
import sluice.engine.expr.analyze.Typed;
import sluice.engine.types.ArrayType;
import sluice.engine.types.AtomicType;
import sluice.engine.types.Bytes;
import sluice.engine.types.DataType;
import sluice.engine.types.Field;
import sluice.engine.types.MapType;
import sluice.engine.types.MapValue;
import sluice.engine.types.Row;
import sluice.engine.types.StructType;
import sluice.engine.types.ValueText;

/**
 * to_csv and schema_of_csv, and the way to from_csv ({@link FromCsv}). to_csv writes a struct as one CSV record (no
 * line end) as Spark's {@code UnivocityGenerator} writes it, with the write options of the call. Fields are quoted as
 * Spark's writer quotes them ({@link CsvFieldWriter}); an array, map or struct inside is written as Spark writes it
 * there ({@code [1, 2]}, {@code {a -> 1}}, {@code {1, x}}), a null inside it as nothing unless {@code nullValue} is
 * set. Stateless.
 */
final class CsvKernels {
    private static final String DEFAULT_DATE_FORMAT = "yyyy-MM-dd";
    private static final String DEFAULT_TIMESTAMP_FORMAT = "yyyy-MM-dd'T'HH:mm:ss.SSSXXX";
    private static final String DEFAULT_TIMESTAMP_NTZ_FORMAT = "yyyy-MM-dd'T'HH:mm:ss[.SSS]";
    /** Spark's {@code maxColumns} default. */
    private static final int DEFAULT_MAX_COLUMNS = 20480;

    private CsvKernels() {
    }

    /** The kernel of one of these functions, or null for another function. */
    static Kernel of(Typed.Call call) {
        if (call.function().equals("schema_of_csv")) {
            return schemaOfCsv(options(call.args()));
        } else if (call.function().equals("from_csv")) {
            return FromCsv.of(call);
        } else if (!call.function().equals("to_csv")) {
            return null;
        }
        StructType struct = (StructType) call.args().get(0).type();
        Map<String, String> options = options(call.args());
        CsvFieldWriter fields = new CsvFieldWriter(separator(options),
                quote(option(options, "quote", "\"")), option(options, "escape", "\\").charAt(0),
                option(options, "nullValue", ""), option(options, "emptyValue", "\"\""),
                Boolean.parseBoolean(option(options, "quoteAll", "false")),
                Boolean.parseBoolean(option(options, "escapeQuotes", "true")));
        String sep = fields.sep();
        String nestedNull = options.containsKey("nullvalue") ? " " + fields.nullValue() : "";
        DateTimeFormatter dates = DateTimePatterns.formatter(option(options, "dateFormat", DEFAULT_DATE_FORMAT));
        DateTimeFormatter timestamps = DateTimePatterns.formatter(option(options, "timestampFormat",
                DEFAULT_TIMESTAMP_FORMAT));
        DateTimeFormatter localTimestamps = DateTimePatterns.formatter(option(options, "timestampNTZFormat",
                DEFAULT_TIMESTAMP_NTZ_FORMAT));
        return (a, e) -> {
            Row row = (Row) a[0];
            ValueWriter values = new ValueWriter(dates, timestamps.withZone(e.zone()), localTimestamps, nestedNull);
            StringBuilder record = new StringBuilder();
            for (int i = 0; i < struct.fields().size(); i++) {
                Object value = row.get(i);
                record.append(i == 0 ? "" : sep).append(fields.field(value == null ? null
                        : values.text(struct.fields().get(i).type(), value)));
            }
            return record.toString();
        };
    }

    /**
     * schema_of_csv: the one record of the text read by univocity as Spark sets it up, each value's type inferred as
     * Spark's CSV reader infers it (a column of no value is STRING), named _c0, _c1, ...; the DDL of the struct.
     */
    private static Kernel schemaOfCsv(Map<String, String> options) {
        String nullValue = option(options, "nullValue", "");
        UnivocityParsing parsing = new UnivocityParsing(separator(options),
                CsvQuoting.DEFAULTS.withQuote(quote(option(options, "quote", "\"")),
                        option(options, "escape", "\\").charAt(0)),
                '\0', nullValue, "", false, false, DEFAULT_MAX_COLUMNS, -1);
        // Spark reads dates strictly by the pattern (yyyy-MM-dd by default); timestamps as a cast does, unless a
        // timestampFormat is given.
        DateTimeFormatter dates = DateTimePatterns.formatter(option(options, "dateFormat", DEFAULT_DATE_FORMAT));
        String timestampFormat = options.get("timestampformat");
        DateTimeFormatter timestamps = timestampFormat == null ? null : DateTimePatterns.formatter(timestampFormat);
        return (a, e) -> {
            CsvFieldTypes types = new CsvFieldTypes(nullValue, option(options, "nanValue", "NaN"),
                    option(options, "positiveInf", "Inf"), option(options, "negativeInf", "-Inf"),
                    text -> parses(dates, text), timestamps == null
                            ? text -> DateTimeText.parseTimestamp(text, e.zone()) != null
                            : text -> parses(timestamps.withZone(e.zone()), text));
            String[] values = new CsvParser(parsing.settings()).parseLine((String) a[0]);
            List<Field> fields = new ArrayList<>();
            for (int i = 0; values != null && i < values.length; i++) {
                DataType type = types.inferField(AtomicType.NULL, values[i]);
                fields.add(new Field("_c" + i, type == AtomicType.NULL ? AtomicType.STRING : type, true));
            }
            return new StructType(fields).sql();
        };
    }

    private static boolean parses(DateTimeFormatter formatter, String text) {
        try {
            formatter.parse(text);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    /** The options map(...) of constant strings at index 1, names in lower case (Spark's are case-insensitive). */
    private static Map<String, String> options(List<Typed> args) {
        Map<String, String> options = new TreeMap<>();
        if (args.size() > 1) {
            List<Typed> parts = ((Typed.Call) args.get(1)).args();
            for (int i = 0; i + 1 < parts.size(); i += 2) {
                // A later key wins, as in Spark's options map.
                options.put(((String) ((Typed.Constant) parts.get(i)).value()).toLowerCase(Locale.ROOT),
                        (String) ((Typed.Constant) parts.get(i + 1)).value());
            }
        }
        return options;
    }

    /** Spark's CSVOptions takes 'sep' first, then its other name 'delimiter'. */
    private static String separator(Map<String, String> options) {
        return option(options, "sep", option(options, "delimiter", ","));
    }

    private static String option(Map<String, String> options, String name, String otherwise) {
        return options.getOrDefault(name.toLowerCase(Locale.ROOT), otherwise);
    }

    /** Spark reads an empty quote as no quoting. */
    private static char quote(String text) {
        return text.isEmpty() ? CsvFieldWriter.NO_QUOTE : text.charAt(0);
    }

    /** The text of one value (never null) as Spark's CSV writer makes it, by type. */
    private record ValueWriter(DateTimeFormatter dates, DateTimeFormatter timestamps,
                               DateTimeFormatter localTimestamps, String nestedNull) {
        String text(DataType type, Object value) {
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
            } else if (type instanceof ArrayType array) {
                return list(array, (List<?>) value);
            } else if (type instanceof MapType map) {
                return map(map, (MapValue) value);
            } else if (type instanceof StructType struct) {
                return struct(struct, (Row) value);
            }
            // Spark writes other values with toString: Double.toString, BigDecimal.toString (scientific when small).
            return value.toString();
        }

        private String list(ArrayType type, List<?> values) {
            StringBuilder text = new StringBuilder("[");
            for (int i = 0; i < values.size(); i++) {
                text.append(i == 0 ? "" : ",");
                element(text, type.elementType(), values.get(i), i > 0);
            }
            return text.append(']').toString();
        }

        private String map(MapType type, MapValue entries) {
            StringBuilder text = new StringBuilder("{");
            for (int i = 0; i < entries.size(); i++) {
                text.append(i == 0 ? "" : ", ").append(text(type.keyType(), entries.key(i))).append(" ->");
                element(text, type.valueType(), entries.value(i), true);
            }
            return text.append('}').toString();
        }

        private String struct(StructType type, Row row) {
            StringBuilder text = new StringBuilder("{");
            List<Field> fields = type.fields();
            for (int i = 0; i < fields.size(); i++) {
                text.append(i == 0 ? "" : ",");
                element(text, fields.get(i).type(), row.get(i), i > 0);
            }
            return text.append('}').toString();
        }

        /** Spark puts a space before every value but the first of a list or struct, and writes a null as such. */
        private void element(StringBuilder text, DataType type, Object value, boolean spaced) {
            if (value == null) {
                text.append(nestedNull);
            } else {
                text.append(spaced ? " " : "").append(text(type, value));
            }
        }
    }
}
