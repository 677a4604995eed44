package sluice.engine.source.file.csv;

import static java.util.Objects.requireNonNull;

import de.siegmar.fastcsv.reader.CsvParseException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.function.LongUnaryOperator;
import sluice.engine.csv.CsvFieldParser;
import sluice.engine.csv.TemporalParser;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.Position;
import sluice.engine.diag.Problem;
import sluice.engine.source.InputFigures;
import sluice.engine.source.SourceContext;
import sluice.engine.source.file.FileFormat;
import sluice.engine.source.file.FileProblems;
import sluice.engine.source.file.FileSplit;
import sluice.engine.source.file.RowCollector;
import sluice.engine.source.file.TextLayout;
import sluice.engine.types.AtomicType;
import sluice.engine.types.Batch;
import sluice.engine.types.DataType;
import sluice.engine.types.Schema;

/**
 * CSV files as Spark reads them. Fields map to the schema's columns by position (Spark 4's default
 * {@code enforceSchema=true}: header names are skipped, not checked); the corrupt-record column, when the schema has
 * a STRING column of that name, takes no field. A record with fewer or more fields than the other columns is
 * malformed, but as in Spark its fields still parse: missing ones are null, extra ones dropped. Immutable.
 */
public final class CsvFormat implements FileFormat {
    private final Schema schema;
    private final CsvOptions options;
    /** The file's charset and line separator (Spark's encoding and lineSep). */
    private final TextLayout layout;
    private final int corruptIndex;
    private final int[] dataColumns;
    private final DataType[] dataTypes;
    /** The columns the query reads, or null for all; the others are not parsed (Spark's CSV column pruning). */
    private final java.util.BitSet required;
    /** The data columns the query does not read; empty without pruning. */
    private final java.util.BitSet unread = new java.util.BitSet();
    /** The positions (indexes into {@link #dataColumns}) of the fields to parse, ascending. */
    private final int[] parsedFields;
    private final boolean trims;

    public CsvFormat(Schema schema, CsvOptions options) {
        this(schema, options, TextLayout.DEFAULT, null);
    }

    public CsvFormat(Schema schema, CsvOptions options, TextLayout layout) {
        this(schema, options, layout, null);
    }

    private CsvFormat(Schema schema, CsvOptions options, TextLayout layout, java.util.BitSet required) {
        this.required = required;
        this.layout = requireNonNull(layout, "layout is null");
        this.schema = requireNonNull(schema, "schema is null");
        this.options = requireNonNull(options, "options is null");
        int corrupt = schema.indexOf(options.columnNameOfCorruptRecord());
        this.corruptIndex = corrupt >= 0 && schema.field(corrupt).type() == AtomicType.STRING ? corrupt : -1;
        int count = schema.size() - (corruptIndex >= 0 ? 1 : 0);
        dataColumns = new int[count];
        dataTypes = new DataType[count];
        for (int c = 0, d = 0; c < schema.size(); c++) {
            if (c != corruptIndex) {
                dataColumns[d] = c;
                dataTypes[d++] = schema.field(c).type();
                if (required != null && !required.get(c)) {
                    unread.set(c);
                }
            }
        }
        parsedFields = java.util.stream.IntStream.range(0, count)
                .filter(d -> required == null || required.get(dataColumns[d])).toArray();
        trims = options.ignoreLeadingWhiteSpace() || options.ignoreTrailingWhiteSpace();
    }

    @Override
    public Schema schema() {
        return schema;
    }

    /**
     * As Spark with {@code spark.sql.csv.parser.columnPruning.enabled} (its default): only the columns the query
     * reads are parsed, so a bad value in another column, or a record with too few or too many fields, does not make
     * a row malformed. Spark parses everything when the query reads the corrupt-record column, and so do we.
     */
    @Override
    public CsvFormat pruned(java.util.BitSet columns) {
        if (corruptIndex >= 0 && columns.get(corruptIndex)) {
            return this;
        }
        for (int column : dataColumns) {
            if (!columns.get(column)) {
                return new CsvFormat(schema, options, layout, (java.util.BitSet) columns.clone());
            }
        }
        return this;
    }

    public CsvOptions options() {
        return options;
    }

    /**
     * Spark splits CSV files unless a record may span lines ({@code multiLine}); with {@code lineSep} a file is read
     * whole by one task here (as text files are), so each record is read once wherever it ends.
     */
    @Override
    public boolean isSplittable() {
        return !options.quoting().multiLine() && !layout.hasLineSep();
    }

    @Override
    public void read(FileSplit split, SourceContext context, InputFigures figures, Consumer<Batch> out) {
        CsvFieldParser parser = new CsvFieldParser(options.nanValue(), options.positiveInf(), options.negativeInf(),
                TemporalParser.of(options.dateFormat(), options.timestampFormat(), options.timestampNTZFormat(),
                        context.zone()));
        SplitRows rows = new SplitRows(split, context.nodeId(), parser, figures, out);
        try {
            if (layout.hasLineSep() || !layout.isUtf8()) {
                SeparatedCsvRecords.read(split, options, layout, rows);
            } else {
                CsvRecords.read(split, options, false, rows);
            }
        } catch (IOException e) {
            throw FileProblems.unreadable(context.nodeId(), split.file(), e);
        } catch (UncheckedIOException e) {
            throw FileProblems.unreadable(context.nodeId(), split.file(), e.getCause());
        } catch (CsvParseException e) {
            throw Problem.of(ErrorCode.MALFORMED_RECORD, Position.node(context.nodeId()),
                    "cannot parse CSV file '%s': %s", split.fileName(), e.getMessage()).toException();
        }
        rows.collector.finish();
    }

    /** Mutable, one per split read: converts each data record with {@code parser}; a header is skipped. */
    private final class SplitRows implements CsvRecords.Handler {
        private final RowCollector collector;
        private final String nodeId;
        private final String fileName;
        private final CsvFieldParser parser;
        private LongUnaryOperator fileLine = LongUnaryOperator.identity();

        SplitRows(FileSplit split, String nodeId, CsvFieldParser parser, InputFigures figures, Consumer<Batch> out) {
            this.nodeId = nodeId;
            this.fileName = split.fileName();
            this.parser = parser;
            // About 40 bytes a row is typical; the builders grow when it is more.
            this.collector = new RowCollector(schema, options.mode(), corruptIndex,
                    new RowCollector.Origin(nodeId, "CSV", fileName, line -> fileLine.applyAsLong(line)),
                    (int) Math.min(split.length() / 40 + 16, RowCollector.BATCH_ROWS), unread, figures, out);
        }

        @Override
        public void lineNumbers(LongUnaryOperator lines) {
            fileLine = lines;
        }

        @Override
        public void header(CsvFieldBuffer record) {
            // Spark 4 skips the header (enforceSchema): its names are not checked.
        }

        @Override
        public void record(CsvFieldBuffer record) {
            if (record.failure() != null) {
                // Spark fails the read whatever the mode when univocity refuses a record (FAILED_READ_FILE).
                throw Problem.of(ErrorCode.SOURCE_FAILED, Position.node(nodeId),
                        "cannot read CSV file '%s' line %d: %s", fileName, fileLine.applyAsLong(record.line()),
                        record.failure()).toException();
            }
            readRecord(record, parser, collector);
        }
    }

    private void readRecord(CsvFieldBuffer record, CsvFieldParser parser, RowCollector rows) {
        if (record.bytes() != null) {
            readAsciiRecord(record, parser, rows);
            return;
        }
        if (record.isUnread()) {
            // Spark's UnivocityParser takes a line univocity read no record from as malformed, pruned or not.
            rows.malformedRow(record.line(), "no values could be read from the record",
                    record.rawText(options.separator(), options.quote()), false);
            return;
        }
        String failure = null;
        int fields = record.fieldCount();
        if (fields != dataColumns.length && required == null) {
            failure = String.format("expected %d fields but found %d", dataColumns.length, fields);
        }
        char[] chars = record.chars();
        for (int d : parsedFields) {
            if (d >= fields) {
                break;
            }
            int start = record.start(d);
            int length = record.length(d);
            boolean quoted = record.isQuoted(d);
            if (trims && !quoted && !record.tokenized()) {
                int end = start + length;
                while (options.ignoreLeadingWhiteSpace() && start < end && chars[start] <= ' ') {
                    start++;
                }
                while (options.ignoreTrailingWhiteSpace() && end > start && chars[end - 1] <= ' ') {
                    end--;
                }
                length = end - start;
            }
            if (!convert(record, d, start, length, quoted, parser, rows) && failure == null) {
                failure = String.format("cannot parse '%s' as %s for column '%s'", new String(chars, start, length),
                        dataTypes[d].sql(), schema.field(dataColumns[d]).name());
            }
        }
        endRecord(record, failure, rows);
    }

    /**
     * {@link #readRecord} for a record split from the bytes of an all-ASCII block: its fields are never quoted nor
     * tokenized, and each byte is its character, so the values are parsed from the bytes.
     */
    private void readAsciiRecord(CsvFieldBuffer record, CsvFieldParser parser, RowCollector rows) {
        String failure = null;
        int fields = record.fieldCount();
        if (fields != dataColumns.length && required == null) {
            failure = String.format("expected %d fields but found %d", dataColumns.length, fields);
        }
        byte[] bytes = record.bytes();
        String nullValue = options.nullValue();
        for (int d : parsedFields) {
            if (d >= fields) {
                break;
            }
            int start = record.start(d);
            int length = record.length(d);
            if (trims) {
                int end = start + length;
                while (options.ignoreLeadingWhiteSpace() && start < end && bytes[start] <= ' ') {
                    start++;
                }
                while (options.ignoreTrailingWhiteSpace() && end > start && bytes[end - 1] <= ' ') {
                    end--;
                }
                length = end - start;
            }
            int column = dataColumns[d];
            boolean parsed;
            if (length == 0 || length == nullValue.length() && sameText(nullValue, bytes, start)) {
                // An unquoted empty field reads as nullValue, so it is null too (see convert).
                rows.setNull(column);
                parsed = true;
            } else {
                parsed = parser.parse(dataTypes[d], bytes, start, length, rows, column);
            }
            if (!parsed && failure == null) {
                failure = String.format("cannot parse '%s' as %s for column '%s'",
                        new String(bytes, start, length, StandardCharsets.ISO_8859_1), dataTypes[d].sql(),
                        schema.field(dataColumns[d]).name());
            }
        }
        endRecord(record, failure, rows);
    }

    private void endRecord(CsvFieldBuffer record, String failure, RowCollector rows) {
        if (failure == null) {
            rows.appendRow();
        } else {
            rows.malformedRow(record.line(), failure, record.rawText(options.separator(), options.quote()), true);
        }
    }

    /**
     * Spark's null rules: an unquoted empty field reads as {@code nullValue}, a quoted empty one as
     * {@code emptyValue}; whatever equals {@code nullValue} is null, for every type including STRING.
     */
    private boolean convert(CsvFieldBuffer record, int d, int start, int length, boolean quoted,
                            CsvFieldParser parser, RowCollector rows) {
        int column = dataColumns[d];
        String nullValue = options.nullValue();
        if (length == 0) {
            String text = record.tokenized() ? "" : quoted ? options.emptyValue() : nullValue;
            if (text.equals(nullValue)) {
                rows.setNull(column);
                return true;
            }
            return parser.parseText(dataTypes[d], text, rows, column);
        }
        if (length == nullValue.length() && sameText(nullValue, record.chars(), start)) {
            rows.setNull(column);
            return true;
        }
        return parser.parse(dataTypes[d], record.chars(), start, length, rows, column);
    }

    private static boolean sameText(String text, byte[] bytes, int start) {
        for (int i = 0; i < text.length(); i++) {
            if (bytes[start + i] != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameText(String text, char[] chars, int start) {
        for (int i = 0; i < text.length(); i++) {
            if (chars[start + i] != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
