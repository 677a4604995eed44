package sluice.engine.source.file;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongUnaryOperator;
import sluice.engine.csv.ParsedFields;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.Position;
import sluice.engine.diag.Problem;
import sluice.engine.source.InputFigures;
import sluice.engine.types.Batch;
import sluice.engine.types.ColumnVector;
import sluice.engine.types.DataType;
import sluice.engine.types.MalformedRows;
import sluice.engine.types.Schema;
import sluice.engine.types.VectorBuilder;

/**
 * Mutable, owned by the thread reading one split: collects parsed rows into column builders and applies the
 * {@link ParseMode} to malformed ones, as Spark's {@code FailureSafeParser}. A parser fills the pending row with
 * {@code set…} (untouched fields stay null), then ends it with {@link #appendRow} or {@link #malformedRow}. The
 * pending row lives in primitive arrays, so a dropped row costs nothing and a good row no boxing. Every
 * {@link #BATCH_ROWS} rows, and at {@link #finish()}, the rows go out as one batch, so a reader holds a few thousand
 * rows however long its file is.
 */
public final class RowCollector implements ParsedFields {
    /** Rows per batch handed on; Spark's columnar readers make batches of the same size. */
    public static final int BATCH_ROWS = 4096;

    private final Schema schema;
    private final ParseMode mode;
    private final int corruptIndex;
    private final Origin origin;
    private final InputFigures figures;
    private final java.util.BitSet unread;
    private final Consumer<Batch> out;
    private final VectorBuilder[] builders;
    private final DataType.Storage[] storages;
    private final long[] longs;
    private final double[] doubles;
    private final boolean[] booleans;
    private final Object[] objects;
    private final boolean[] nulls;
    /**
     * The all-null vector of each unread column for a full batch, made once: vectors are immutable, so every batch
     * can share it instead of allocating and zeroing one per column per batch.
     */
    private final ColumnVector[] unreadColumns;
    /** The columns read, by storage, for {@link #appendRow}. */
    private final int[] longColumns;
    private final int[] doubleColumns;
    private final int[] booleanColumns;
    private final int[] objectColumns;
    /** The malformed rows of the batch being collected; none (the usual case) allocates nothing. */
    private List<MalformedRows.Mark> marks = List.of();
    private int rows;

    /**
     * Where rows come from, for messages: the node, the format's name ({@code CSV}, {@code JSON}) and the file, and
     * how a reader's line number becomes the line in the file (a reader of a split counts from its own start).
     */
    public record Origin(String nodeId, String formatName, String fileName, LongUnaryOperator fileLine) {
        public Origin {
            requireNonNull(nodeId, "nodeId is null");
            requireNonNull(formatName, "formatName is null");
            requireNonNull(fileName, "fileName is null");
            requireNonNull(fileLine, "fileLine is null");
        }
    }

    /**
     * @param corruptIndex the schema index of the corrupt-record column, or -1 when the schema has none
     * @param expectedRows how many rows the first batch is sized for; it grows as needed
     * @param unread       columns the reader never fills because the query does not read them (column pruning): they
     *                     come out all null without being collected row by row
     * @param figures      counts the malformed records kept as rows
     * @param out          receives each batch of rows
     */
    public RowCollector(Schema schema, ParseMode mode, int corruptIndex, Origin origin, int expectedRows,
                        java.util.BitSet unread, InputFigures figures, Consumer<Batch> out) {
        this.schema = requireNonNull(schema, "schema is null");
        this.mode = requireNonNull(mode, "mode is null");
        this.corruptIndex = corruptIndex;
        this.origin = requireNonNull(origin, "origin is null");
        this.unread = (java.util.BitSet) unread.clone();
        this.figures = requireNonNull(figures, "figures is null");
        this.out = requireNonNull(out, "out is null");
        int columns = schema.size();
        builders = new VectorBuilder[columns];
        storages = new DataType.Storage[columns];
        for (int c = 0; c < columns; c++) {
            storages[c] = schema.field(c).type().storage();
        }
        newBuilders(Math.min(expectedRows, BATCH_ROWS));
        longs = new long[columns];
        doubles = new double[columns];
        booleans = new boolean[columns];
        objects = new Object[columns];
        nulls = new boolean[columns];
        Arrays.fill(nulls, true);
        unreadColumns = new ColumnVector[columns];
        longColumns = readColumns(DataType.Storage.LONG);
        doubleColumns = readColumns(DataType.Storage.DOUBLE);
        booleanColumns = readColumns(DataType.Storage.BOOLEAN);
        objectColumns = readColumns(DataType.Storage.OBJECT);
    }

    /** The columns read (collected row by row) whose values are of {@code storage}. */
    private int[] readColumns(DataType.Storage storage) {
        return java.util.stream.IntStream.range(0, storages.length)
                .filter(c -> storages[c] == storage && !unread.get(c)).toArray();
    }

    private void newBuilders(int capacity) {
        for (int c = 0; c < builders.length; c++) {
            builders[c] = unread.get(c) ? null : new VectorBuilder(schema.field(c).type(), capacity);
        }
    }

    @Override
    public void setLong(int column, long value) {
        longs[column] = value;
        nulls[column] = false;
    }

    @Override
    public void setDouble(int column, double value) {
        doubles[column] = value;
        nulls[column] = false;
    }

    @Override
    public void setBoolean(int column, boolean value) {
        booleans[column] = value;
        nulls[column] = false;
    }

    /** A value of OBJECT storage (string, decimal, list, row); null makes the field null. */
    @Override
    public void setObject(int column, Object value) {
        objects[column] = value;
        nulls[column] = value == null;
    }

    public void setNull(int column) {
        nulls[column] = true;
        objects[column] = null;
    }

    /** Appends the pending row as it is and starts a new one. */
    public void appendRow() {
        // One loop per storage over the columns read: no test for an unread column and no switch per field. The
        // pending row is cleared as it goes, not by two Arrays.fill calls per row; unread columns are never set.
        for (int c : longColumns) {
            if (nulls[c]) {
                builders[c].appendNull();
            } else {
                builders[c].appendLong(longs[c]);
                nulls[c] = true;
            }
        }
        for (int c : doubleColumns) {
            if (nulls[c]) {
                builders[c].appendNull();
            } else {
                builders[c].appendDouble(doubles[c]);
                nulls[c] = true;
            }
        }
        for (int c : booleanColumns) {
            if (nulls[c]) {
                builders[c].appendNull();
            } else {
                builders[c].appendBoolean(booleans[c]);
                nulls[c] = true;
            }
        }
        for (int c : objectColumns) {
            if (nulls[c]) {
                builders[c].appendNull();
            } else {
                builders[c].appendObject(objects[c]);
                nulls[c] = true;
                objects[c] = null;
            }
        }
        if (++rows == BATCH_ROWS) {
            Batch full = takeBatch();
            newBuilders(BATCH_ROWS);
            out.accept(full);
        }
    }

    /**
     * Ends a record that could not be parsed: FAILFAST throws MALFORMED_RECORD, DROPMALFORMED forgets it,
     * PERMISSIVE appends it with the raw record in the corrupt-record column and marks the row with its file and line
     * (see {@link MalformedRows}). {@code keepParsedFields} keeps the fields parsed so far (Spark's CSV reader does;
     * its JSON reader nulls the whole row).
     */
    public void malformedRow(long line, String reason, String rawRecord, boolean keepParsedFields) {
        switch (mode) {
            case FAILFAST -> throw Problem.of(ErrorCode.MALFORMED_RECORD, Position.node(origin.nodeId()),
                    "malformed %s record in '%s' line %d: %s", origin.formatName(), origin.fileName(), fileLine(line),
                    reason).toException();
            case DROPMALFORMED -> clear();
            case PERMISSIVE -> {
                if (!keepParsedFields) {
                    clear();
                }
                if (corruptIndex >= 0) {
                    setObject(corruptIndex, rawRecord);
                }
                figures.countMalformed();
                if (marks.isEmpty()) {
                    marks = new ArrayList<>();
                }
                marks.add(new MalformedRows.Mark(rows, origin.fileName(), fileLine(line)));
                appendRow();
            }
        }
    }

    private void clear() {
        Arrays.fill(nulls, true);
        Arrays.fill(objects, null);
    }

    /** The line in the file of a reader's line {@code line}, for messages. */
    public long fileLine(long line) {
        return origin.fileLine().applyAsLong(line);
    }

    /** Hands on the rows not handed on yet; call once the reader is done. */
    public void finish() {
        if (rows > 0) {
            out.accept(takeBatch());
        }
    }

    private ColumnVector unreadColumn(int column) {
        if (rows != BATCH_ROWS) {
            return ColumnVector.nulls(schema.field(column).type(), rows);
        }
        if (unreadColumns[column] == null) {
            unreadColumns[column] = ColumnVector.nulls(schema.field(column).type(), rows);
        }
        return unreadColumns[column];
    }

    private Batch takeBatch() {
        List<ColumnVector> columns = new ArrayList<>(builders.length);
        for (int c = 0; c < builders.length; c++) {
            columns.add(builders[c] == null ? unreadColumn(c) : builders[c].build());
        }
        Batch batch = new Batch(schema, columns, rows, MalformedRows.ofOrNull(marks));
        marks = List.of();
        rows = 0;
        return batch;
    }
}
