package sluice.engine.source.file.json;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongUnaryOperator;
import java.util.function.Supplier;
import sluice.engine.csv.TemporalParser;
import sluice.engine.source.InputFigures;
import sluice.engine.source.SourceContext;
import sluice.engine.source.file.DelimitedRecords;
import sluice.engine.source.file.FileFormat;
import sluice.engine.source.file.FileProblems;
import sluice.engine.source.file.FileSplit;
import sluice.engine.source.file.LineBlocks;
import sluice.engine.source.file.RowCollector;
import sluice.engine.source.file.TextLayout;
import sluice.engine.types.AtomicType;
import sluice.engine.types.Batch;
import sluice.engine.types.DataType;
import sluice.engine.types.Field;
import sluice.engine.types.Schema;
import sluice.engine.types.StructType;

/**
 * JSON lines files as Spark reads them: one object per line (an array of objects gives one row each), fields matched
 * to columns by name, missing ones null, blank lines skipped. A line that is not JSON, or whose values do not fit the
 * columns, is malformed. As Spark 4's JSON reader (with {@code spark.sql.json.enablePartialResults}, its default) an
 * object whose values do not all fit keeps the fields that do, plus its raw text in the corrupt-record column; a
 * line that is not JSON keeps only its raw text. Immutable.
 */
public final class JsonFormat implements FileFormat {
    private final Schema schema;
    private final JsonOptions options;
    /** The file's charset and line separator (Spark's encoding and lineSep). */
    private final TextLayout layout;
    private final JsonFactory factory;
    private final int corruptIndex;
    private final StructType dataStruct;
    private final int[] dataColumns;

    public JsonFormat(Schema schema, JsonOptions options) {
        this(schema, options, TextLayout.DEFAULT);
    }

    public JsonFormat(Schema schema, JsonOptions options, TextLayout layout) {
        this.layout = requireNonNull(layout, "layout is null");
        this.schema = requireNonNull(schema, "schema is null");
        this.options = requireNonNull(options, "options is null");
        this.factory = options.syntax().factory();
        int corrupt = schema.indexOf(options.columnNameOfCorruptRecord());
        this.corruptIndex = corrupt >= 0 && schema.field(corrupt).type() == AtomicType.STRING ? corrupt : -1;
        java.util.List<Field> fields = new java.util.ArrayList<>();
        dataColumns = new int[schema.size() - (corruptIndex >= 0 ? 1 : 0)];
        for (int c = 0; c < schema.size(); c++) {
            if (c != corruptIndex) {
                dataColumns[fields.size()] = c;
                fields.add(schema.field(c));
            }
        }
        dataStruct = new StructType(fields);
    }

    @Override
    public Schema schema() {
        return schema;
    }

    /** With {@code lineSep} a file is read whole by one task, so each record is read once wherever it ends. */
    @Override
    public boolean isSplittable() {
        return !layout.hasLineSep();
    }

    @Override
    public void read(FileSplit split, SourceContext context, InputFigures figures, Consumer<Batch> out) {
        JsonValueConverter converter = new JsonValueConverter(
                TemporalParser.of(options.dateFormat(), options.timestampFormat(), options.timestampNTZFormat(),
                        context.zone()),
                options.syntax().allowNonNumericNumbers());
        if (layout.hasLineSep()) {
            readSeparated(split, context, figures, out, converter);
            return;
        }
        try (LineBlocks blocks = LineBlocks.open(split)) {
            RowCollector rows = new RowCollector(schema, options.mode(), corruptIndex,
                    new RowCollector.Origin(context.nodeId(), "JSON", split.fileName(), blocks::fileLine),
                    (int) Math.min(split.length() / 64 + 16, RowCollector.BATCH_ROWS), new BitSet(), figures, out);
            while (blocks.next()) {
                new LineReader(blocks.bytes(), blocks.length(), rows, converter).readAll();
            }
            rows.finish();
        } catch (IOException e) {
            throw FileProblems.unreadable(context.nodeId(), split.file(), e);
        } catch (UncheckedIOException e) {
            throw FileProblems.unreadable(context.nodeId(), split.file(), e.getCause());
        }
    }

    /**
     * Spark's JSON lines with {@code lineSep}: the file is cut at the separator's bytes (Hadoop's line reader with a
     * custom delimiter) and each record parsed alone, line feeds inside it being white space; as for a line, only its
     * first value is read. Records are numbered from 1 for messages.
     */
    private void readSeparated(FileSplit split, SourceContext context, InputFigures figures, Consumer<Batch> out,
                               JsonValueConverter converter) {
        RowCollector rows = new RowCollector(schema, options.mode(), corruptIndex,
                new RowCollector.Origin(context.nodeId(), "JSON", split.fileName(), LongUnaryOperator.identity()),
                (int) Math.min(split.length() / 64 + 16, RowCollector.BATCH_ROWS), new BitSet(), figures, out);
        long[] number = {0};
        try {
            DelimitedRecords.read(split.file(), layout.separatorBytes(), (bytes, from, to) -> {
                number[0]++;
                byte[] record = layout.isUtf8() ? java.util.Arrays.copyOfRange(bytes, from, to)
                        : utf8(bytes, from, to, layout);
                new LineReader(record, record.length, rows, converter).readRecord(number[0]);
            });
        } catch (IOException e) {
            throw FileProblems.unreadable(context.nodeId(), split.file(), e);
        }
        rows.finish();
    }

    /**
     * A record in another charset ({@code encoding}) as UTF-8, which the parser reads: Spark decodes each record with
     * the charset too, what it cannot map becoming U+FFFD.
     */
    static byte[] utf8(byte[] bytes, int from, int to, TextLayout layout) {
        return new String(bytes, from, to - from, layout.charset()).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Mutable, one per block of whole lines. One parser streams over the block, which is much faster than a parser
     * per line; when a line is broken the parser cannot go on, so a new one starts at the next line. A value that
     * spans lines is malformed too, since Spark parses each line alone. Line numbers count from the block's start.
     */
    private final class LineReader {
        private final byte[] bytes;
        private final int length;
        private final RowCollector rows;
        private final JsonValueConverter converter;
        private final Map<String, Integer> indexes;
        /** The objects of the top-level array being read (see {@link #arrayRows}). */
        private final List<ArrayElement> elements = new ArrayList<>();

        LineReader(byte[] bytes, int length, RowCollector rows, JsonValueConverter converter) {
            this.bytes = bytes;
            this.length = length;
            this.rows = rows;
            this.converter = converter;
            this.indexes = JsonValueConverter.indexes(dataStruct);
        }

        void readAll() {
            int offset = 0;
            long lineBase = 0;
            while (offset >= 0 && offset < length) {
                long badLine = readFrom(offset, lineBase);
                if (badLine < 0) {
                    return;
                }
                offset = lineStartAfter(badLine, offset, lineBase);
                lineBase = badLine;
            }
        }

        /** Reads the whole block as one record (see {@link #readSeparated}), numbered {@code number}. */
        void readRecord(long number) {
            converter.readFrom(bytes, 0);
            try (JsonParser parser = factory.createParser(bytes, 0, length)) {
                JsonToken token = parser.nextToken();
                if (token == null) {
                    return;
                }
                String failure = root(parser, token);
                if (token == JsonToken.START_ARRAY && failure == null) {
                    arrayRows(number, this::recordText);
                } else if (failure != null) {
                    rows.malformedRow(number, failure, recordText(), token == JsonToken.START_OBJECT);
                } else if (token == JsonToken.START_OBJECT) {
                    rows.appendRow();
                }
            } catch (JsonProcessingException e) {
                rows.malformedRow(number, e.getOriginalMessage(), recordText(), false);
            } catch (IOException e) {
                throw new IllegalStateException("reading a byte array failed", e);
            }
        }

        private String recordText() {
            return new String(bytes, 0, length, StandardCharsets.UTF_8);
        }

        /** Reads from {@code offset} to the end, or to a broken line: returns its number, or -1 at the end. */
        private long readFrom(int offset, long lineBase) {
            long recordLine = -1;
            int recordStart = -1;
            long lastLine = -1;
            converter.readFrom(bytes, offset);
            try (JsonParser parser = factory.createParser(bytes, offset, length - offset)) {
                for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                    JsonLocation at = parser.currentTokenLocation();
                    recordLine = lineBase + at.getLineNr();
                    recordStart = offset + (int) at.getByteOffset();
                    if (recordLine == lastLine) {
                        // A second value on one line: Spark parses the first and never looks further.
                        parser.skipChildren();
                        continue;
                    }
                    String failure = root(parser, token);
                    if (lineBase + parser.currentLocation().getLineNr() != recordLine) {
                        rows.malformedRow(recordLine, "a JSON lines record must fit on one line", lineText(recordStart),
                                false);
                        return recordLine;
                    }
                    if (token == JsonToken.START_ARRAY && failure == null) {
                        int start = recordStart;
                        arrayRows(recordLine, () -> lineText(start));
                    } else if (failure != null) {
                        // Spark 4 keeps the fields that did fit (spark.sql.json.enablePartialResults, on by default).
                        rows.malformedRow(recordLine, failure, lineText(recordStart), token == JsonToken.START_OBJECT);
                    } else if (token == JsonToken.START_OBJECT) {
                        rows.appendRow();
                    }
                    lastLine = recordLine;
                    recordLine = -1;
                }
                return -1;
            } catch (JsonProcessingException e) {
                if (recordLine < 0) {
                    JsonLocation at = e.getLocation();
                    recordLine = lineBase + (at == null ? 1 : at.getLineNr());
                    recordStart = offset + (int) Math.max(0, at == null ? 0 : at.getByteOffset());
                    recordStart = Math.min(recordStart, length - 1);
                }
                if (recordLine != lastLine) {
                    rows.malformedRow(recordLine, e.getOriginalMessage(), lineText(recordStart), false);
                }
                // Else the line's first value made its row and Spark never reads past it.
                return recordLine;
            } catch (IOException e) {
                throw new IllegalStateException("reading a byte array failed", e);
            }
        }

        /**
         * Converts one root value into the pending row and returns why it is malformed, or null; the rows of a
         * top-level array are appended here.
         */
        private String root(JsonParser parser, JsonToken token) throws IOException {
            if (token == JsonToken.START_OBJECT) {
                return object(parser, null);
            }
            if (token == JsonToken.START_ARRAY) {
                // Spark turns a top-level array of objects into one row per object: its objects are kept here until
                // the array ends (arrayRows), since one whose values do not all fit marks every row of the line.
                elements.clear();
                String notObject = null;
                for (JsonToken element = parser.nextToken(); element != JsonToken.END_ARRAY;
                        element = parser.nextToken()) {
                    if (element == JsonToken.START_OBJECT) {
                        List<Object[]> fields = new ArrayList<>();
                        String failure = object(parser, fields);
                        elements.add(new ArrayElement(fields, failure));
                    } else if (notObject == null) {
                        notObject = skipNonObject(parser);
                    } else {
                        parser.skipChildren();
                    }
                }
                return notObject;
            }
            return skipNonObject(parser);
        }

        /**
         * The rows of a top-level array of objects on line {@code line}, as Spark 4 makes them: one per object; when
         * the values of one object do not all fit, every object's row is malformed (each keeping the fields that
         * fit, all with the whole line as their raw record), and DROPMALFORMED drops them all.
         */
        private void arrayRows(long line, Supplier<String> rawRecord) {
            String failure = null;
            for (ArrayElement element : elements) {
                failure = failure == null ? element.failure() : failure;
            }
            String text = failure == null ? null : rawRecord.get();
            for (ArrayElement element : elements) {
                for (Object[] field : element.fields()) {
                    int index = (Integer) field[0];
                    set(dataColumns[index], dataStruct.fields().get(index).type(), field[1]);
                }
                if (failure == null) {
                    rows.appendRow();
                } else {
                    rows.malformedRow(line, failure, text, true);
                }
            }
            elements.clear();
        }

        private String skipNonObject(JsonParser parser) throws IOException {
            parser.skipChildren();
            return "expected a JSON object";
        }

        /**
         * Fills the pending row from one object, or {@code kept} with its (column, value) pairs when not null; returns
         * why a value does not fit, or null.
         */
        private String object(JsonParser parser, List<Object[]> kept) throws IOException {
            String failure = null;
            for (JsonToken token = parser.nextToken(); JsonValueConverter.isInObject(token);
                    token = parser.nextToken()) {
                Integer index = indexes.get(parser.currentName());
                if (index == null) {
                    parser.skipChildren();
                    continue;
                }
                Field field = dataStruct.fields().get(index);
                Object value = converter.convertField(parser, field.type(), field.name());
                if (value == JsonValueConverter.FAILED) {
                    failure = failure == null ? converter.failure() : failure;
                } else if (kept != null) {
                    kept.add(new Object[] {index, value});
                } else {
                    set(dataColumns[index], field.type(), value);
                }
            }
            return failure;
        }

        private void set(int column, DataType type, Object value) {
            if (value == null) {
                rows.setNull(column);
            } else if (value instanceof LocalDate date) {
                rows.setLong(column, date.toEpochDay());
            } else if (value instanceof Instant instant) {
                rows.setLong(column, instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1000);
            } else if (value instanceof java.time.LocalDateTime local) {
                rows.setLong(column, sluice.engine.types.LocalTimestamps.micros(local));
            } else if (value instanceof java.time.Duration || value instanceof java.time.Period) {
                rows.setLong(column, sluice.engine.types.ColumnVector.toStoredLong(type, value));
            } else if (value instanceof Byte || value instanceof Short || value instanceof Integer
                    || value instanceof Long) {
                rows.setLong(column, ((Number) value).longValue());
            } else if (value instanceof Double || value instanceof Float) {
                rows.setDouble(column, ((Number) value).doubleValue());
            } else if (value instanceof Boolean bool) {
                rows.setBoolean(column, bool);
            } else {
                rows.setObject(column, value);
            }
        }

        /** The text of the line around {@code offset}, without its line end. */
        private String lineText(int offset) {
            int start = offset;
            while (start > 0 && bytes[start - 1] != '\n' && bytes[start - 1] != '\r') {
                start--;
            }
            int end = LineBlocks.lineEnd(bytes, offset, length);
            return new String(bytes, start, end - start, StandardCharsets.UTF_8);
        }

        /** The offset where line {@code line + 1} starts, counting from {@code offset} at line {@code lineBase + 1}. */
        private int lineStartAfter(long line, int offset, long lineBase) {
            long current = lineBase + 1;
            int at = offset;
            while (at < length && current <= line) {
                at = LineBlocks.nextLineStart(bytes, LineBlocks.lineEnd(bytes, at, length), length);
                current++;
            }
            return current > line && at < length ? at : -1;
        }
    }

    /** One object of a top-level array: its (column index, value) pairs and why a value did not fit (null: all did). */
    private record ArrayElement(List<Object[]> fields, String failure) {
    }
}
