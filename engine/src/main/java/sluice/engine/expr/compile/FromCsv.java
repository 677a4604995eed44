package sluice.engine.expr.compile;

import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;
import sluice.engine.csv.CsvFieldParser;
import sluice.engine.csv.CsvQuoting;
import sluice.engine.csv.ParsedFields;
import sluice.engine.csv.TemporalParser;
import sluice.engine.csv.UnivocityParsing;
import sluice.engine.diag.ControlCharacters;
import sluice.engine.diag.ErrorCode;
import sluice.engine.expr.analyze.Typed;
import sluice.engine.types.DataType;
import sluice.engine.types.Field;
import sluice.engine.types.Row;
import sluice.engine.types.StructType;

/**
 * from_csv, as Spark's {@code CsvToStructs}: the text is one CSV record (a line break inside is data, since Spark
 * sets no line separator a string can hold), tokenized by univocity as Spark sets it up and each field converted by
 * the file source's {@link CsvFieldParser}. A record with another number of fields than the schema, or a field that
 * does not convert, is malformed: PERMISSIVE (the default) keeps every field that converts (missing ones are null,
 * extra ones dropped) and puts the text in the corrupt-record column if the schema has one, FAILFAST stops the
 * query. Immutable; each thread evaluating it gets its own parsers.
 */
final class FromCsv {
    private static final int DEFAULT_MAX_COLUMNS = 20480;
    /** A character no string holds, as Spark's line separator for the expression (Unicode's noncharacter). */
    private static final String NO_LINE_SEPARATOR = "\uFFFF";

    private final StructType schema;
    private final Map<String, String> options;
    private final boolean failFast;
    private final int corruptIndex;
    private final int[] dataColumns;
    /**
     * Readers not in use. A pool, not a ThreadLocal: a thread-local value that refers back to its owner (as an inner
     * reader does) keeps the owner and its parser in every long-lived thread's map for as long as the thread lives.
     */
    private final Queue<RecordReader> idle = new ConcurrentLinkedQueue<>();

    private FromCsv(StructType schema, Map<String, String> options) {
        this.schema = schema;
        this.options = options;
        this.failFast = option("mode", "PERMISSIVE").equalsIgnoreCase("FAILFAST");
        int corrupt = -1;
        String corruptName = option("columnNameOfCorruptRecord", "_corrupt_record");
        List<Field> fields = schema.fields();
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(corruptName)) {
                corrupt = i;
            }
        }
        this.corruptIndex = corrupt;
        this.dataColumns = IntStream.range(0, fields.size()).filter(i -> i != corruptIndex)
                .toArray();
    }

    static Kernel of(Typed.Call call) {
        Map<String, String> options = new TreeMap<>();
        if (call.args().size() > 1) {
            List<Typed> parts = ((Typed.Call) call.args().get(1)).args();
            for (int i = 0; i + 1 < parts.size(); i += 2) {
                // A later key wins, as in Spark's options map; names are not case-sensitive.
                options.put(((String) ((Typed.Constant) parts.get(i)).value()).toLowerCase(Locale.ROOT),
                        (String) ((Typed.Constant) parts.get(i + 1)).value());
            }
        }
        FromCsv fromCsv = new FromCsv((StructType) call.type(), options);
        return (a, e) -> fromCsv.read((String) a[0], e.zone());
    }

    private Row read(String text, ZoneId zone) {
        RecordReader reader = idle.poll();
        if (reader == null) {
            reader = new RecordReader();
        }
        try {
            return reader.read(text, zone);
        } finally {
            idle.offer(reader);
        }
    }

    private String option(String name, String otherwise) {
        return options.getOrDefault(name.toLowerCase(Locale.ROOT), otherwise);
    }

    private UnivocityParsing parsing() {
        // Spark's CSVOptions takes 'sep' first, then its other name 'delimiter'.
        String sep = option("sep", option("delimiter", ","));
        String quote = option("quote", "\"");
        String comment = option("comment", "");
        return new UnivocityParsing(sep.equals("\\t") ? "\t" : sep,
                CsvQuoting.DEFAULTS.withQuote(quote.isEmpty() ? '\0' : quote.charAt(0),
                        option("escape", "\\").charAt(0)),
                comment.isEmpty() ? '\0' : comment.charAt(0), option("nullValue", ""), option("emptyValue", ""),
                Boolean.parseBoolean(option("ignoreLeadingWhiteSpace", "false")),
                Boolean.parseBoolean(option("ignoreTrailingWhiteSpace", "false")), DEFAULT_MAX_COLUMNS, -1);
    }

    /** Mutable, one per thread: the univocity parser, the field parser of the last time zone, and one row. */
    private final class RecordReader implements ParsedFields {
        private final CsvParser tokenizer;
        private final String nullValue = option("nullValue", "");
        private final Object[] values = new Object[schema.fields().size()];
        private CsvFieldParser fields;
        private ZoneId zone;

        RecordReader() {
            CsvParserSettings settings = parsing().settings();
            settings.getFormat().setLineSeparator(NO_LINE_SEPARATOR);
            settings.getFormat().setNormalizedNewline('\0');
            settings.setLineSeparatorDetectionEnabled(false);
            tokenizer = new CsvParser(settings);
        }

        Row read(String text, ZoneId at) {
            if (!at.equals(zone)) {
                zone = at;
                fields = new CsvFieldParser(option("nanValue", "NaN"), option("positiveInf", "Inf"),
                        option("negativeInf", "-Inf"), TemporalParser.of(options.get("dateformat"),
                                options.get("timestampformat"), options.get("timestampntzformat"), at));
            }
            Arrays.fill(values, null);
            String[] tokens = tokenizer.parseLine(text);
            boolean miscounted = tokens == null || tokens.length != dataColumns.length;
            boolean unconverted = false;
            for (int d = 0; tokens != null && d < dataColumns.length; d++) {
                String token = d < tokens.length ? tokens[d] : null;
                DataType type = schema.fields().get(dataColumns[d]).type();
                if (token != null && !token.equals(nullValue) && !fields.parseText(type, token, this, dataColumns[d])) {
                    unconverted = true;
                }
            }
            boolean malformed = miscounted || unconverted;
            if (malformed) {
                if (failFast) {
                    throw new RowFailure(ErrorCode.MALFORMED_RECORD, "[MALFORMED_RECORD_IN_PARSING.WITHOUT_SUGGESTION]"
                            + " Malformed records are detected in record parsing: " + ControlCharacters.escape(text)
                            + ". Parse Mode: FAILFAST."
                            + " To process malformed records as null result, try setting the option 'mode' as "
                            + "'PERMISSIVE'.");
                }
                // Spark's tokenizer has no current input for a text that is no record at all (the empty string).
                if (corruptIndex >= 0 && tokens != null) {
                    values[corruptIndex] = text;
                }
            }
            List<Object> row = new ArrayList<>(values.length);
            for (int c = 0; c < values.length; c++) {
                row.add(Values.toExternal(schema.fields().get(c).type(), values[c]));
            }
            return new Row(row);
        }

        @Override
        public void setLong(int column, long value) {
            values[column] = value;
        }

        @Override
        public void setDouble(int column, double value) {
            values[column] = value;
        }

        @Override
        public void setBoolean(int column, boolean value) {
            values[column] = value;
        }

        @Override
        public void setObject(int column, Object value) {
            values[column] = value;
        }
    }
}
