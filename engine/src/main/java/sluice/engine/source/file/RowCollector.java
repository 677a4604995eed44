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
import sluice.engine.source.BatchBorrower;
import sluice.engine.source.InputFigures;
import sluice.engine.types.AtomicType;
import sluice.engine.types.Batch;
import sluice.engine.types.BooleanVector;
import sluice.engine.types.ColumnVector;
import sluice.engine.types.DataType;
import sluice.engine.types.DoubleVector;
import sluice.engine.types.LongVector;
import sluice.engine.types.MalformedRows;
import sluice.engine.types.NullMask;
import sluice.engine.types.ObjectVector;
import sluice.engine.types.Schema;

/**
 * Mutable, owned by the thread reading one split: collects parsed rows into columns and applies the
 * {@link ParseMode} to malformed ones, as Spark's {@code FailureSafeParser}. A parser sets the fields of the pending
 * row with {@code set…} (untouched fields stay null), then ends it with {@link #appendRow} or {@link #malformedRow}.
 * A value is written straight into its column's array at the pending row's index, not held in a pending row and
 * copied at the end of it: ending a row only marks the fields it left unset as null, and a dropped row is
 * overwritten by the next. Every {@link #BATCH_ROWS} rows, and at {@link #finish()}, the arrays go out as one batch
 * (vectors over them, no copy), so a reader holds a few thousand rows however long its file is. When the batches go
 * to a {@link BatchBorrower}, the next batch's rows are written into the same arrays once it has returned (new arrays
 * every batch cost up to a tenth of a long read: allocating and first touching them); otherwise each batch gets
 * arrays of its own.
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
    /** Whether {@link #out} only borrows each batch, so its arrays can take the next batch's rows. */
    private final boolean reusesArrays;
    private final DataType[] types;
    private final DataType.Storage[] storages;
    /**
     * The values of the batch being collected, one array per column read, in the array of its storage (the others
     * null). An unread column gets a scratch array shared by all batches: a format that sets it anyway writes there,
     * and its values never go out.
     */
    private final long[][] longs;
    private final double[][] doubles;
    private final boolean[][] booleans;
    private final Object[][] objects;
    /** Each read column's null bitmap for the batch being collected, made at its first null. */
    private final long[][] nullWords;
    /**
     * The number of the pending row when each column was last set to a value: a column whose stamp is not
     * {@link #pending} is null in the pending row, so nothing needs clearing between rows.
     */
    private final long[] stamps;
    /** The pending row's number, counting every row ended (appended or dropped) from 1; stamp 0 means null. */
    private long pending = 1;
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
    /** How many rows the arrays of the batch being collected hold; grows to {@link #BATCH_ROWS}. */
    private int capacity;

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
        this.reusesArrays = out instanceof BatchBorrower;
        int columns = schema.size();
        types = new DataType[columns];
        storages = new DataType.Storage[columns];
        for (int c = 0; c < columns; c++) {
            types[c] = schema.field(c).type();
            storages[c] = types[c].storage();
        }
        longs = new long[columns][];
        doubles = new double[columns][];
        booleans = new boolean[columns][];
        objects = new Object[columns][];
        nullWords = new long[columns][];
        stamps = new long[columns];
        for (int c = this.unread.nextSetBit(0); c >= 0 && c < columns; c = this.unread.nextSetBit(c + 1)) {
            switch (storages[c]) {
                case LONG -> longs[c] = new long[BATCH_ROWS];
                case DOUBLE -> doubles[c] = new double[BATCH_ROWS];
                case BOOLEAN -> booleans[c] = new boolean[BATCH_ROWS];
                case OBJECT -> objects[c] = new Object[BATCH_ROWS];
            }
        }
        unreadColumns = new ColumnVector[columns];
        longColumns = readColumns(DataType.Storage.LONG);
        doubleColumns = readColumns(DataType.Storage.DOUBLE);
        booleanColumns = readColumns(DataType.Storage.BOOLEAN);
        objectColumns = readColumns(DataType.Storage.OBJECT);
        newArrays(Math.max(16, Math.min(expectedRows, BATCH_ROWS)));
    }

    /** The columns read (collected row by row) whose values are of {@code storage}. */
    private int[] readColumns(DataType.Storage storage) {
        return java.util.stream.IntStream.range(0, storages.length)
                .filter(c -> storages[c] == storage && !unread.get(c)).toArray();
    }

    /** New arrays for the next batch: the ones handed on belong to its vectors now. */
    private void newArrays(int size) {
        capacity = size;
        for (int c : longColumns) {
            longs[c] = new long[size];
            nullWords[c] = null;
        }
        for (int c : doubleColumns) {
            doubles[c] = new double[size];
            nullWords[c] = null;
        }
        for (int c : booleanColumns) {
            booleans[c] = new boolean[size];
            nullWords[c] = null;
        }
        for (int c : objectColumns) {
            objects[c] = new Object[size];
            nullWords[c] = null;
        }
    }

    /** Doubles the arrays of the batch being collected, up to {@link #BATCH_ROWS} rows. */
    private void grow() {
        int size = Math.min(BATCH_ROWS, capacity * 2);
        for (int c : longColumns) {
            longs[c] = Arrays.copyOf(longs[c], size);
        }
        for (int c : doubleColumns) {
            doubles[c] = Arrays.copyOf(doubles[c], size);
        }
        for (int c : booleanColumns) {
            booleans[c] = Arrays.copyOf(booleans[c], size);
        }
        for (int c : objectColumns) {
            objects[c] = Arrays.copyOf(objects[c], size);
        }
        for (int c = 0; c < nullWords.length; c++) {
            if (nullWords[c] != null) {
                nullWords[c] = Arrays.copyOf(nullWords[c], NullMask.newWords(size).length);
            }
        }
        capacity = size;
    }

    @Override
    public void setLong(int column, long value) {
        longs[column][rows] = value;
        stamps[column] = pending;
    }

    @Override
    public void setDouble(int column, double value) {
        doubles[column][rows] = value;
        stamps[column] = pending;
    }

    @Override
    public void setBoolean(int column, boolean value) {
        booleans[column][rows] = value;
        stamps[column] = pending;
    }

    /** A value of OBJECT storage (string, decimal, list, row); null makes the field null. */
    @Override
    public void setObject(int column, Object value) {
        if (value == null) {
            stamps[column] = 0;
            return;
        }
        objects[column][rows] = ColumnVector.checkObject(types[column], value);
        stamps[column] = pending;
    }

    public void setNull(int column) {
        stamps[column] = 0;
    }

    /** Appends the pending row as it is and starts a new one. */
    public void appendRow() {
        // The values are in place already: only the fields left unset become null (their slots zeroed, as a
        // dropped row before may have written them), one loop per storage, with no switch per field.
        long row = pending;
        for (int c : longColumns) {
            if (stamps[c] != row) {
                longs[c][rows] = 0;
                markNull(c);
            }
        }
        for (int c : doubleColumns) {
            if (stamps[c] != row) {
                doubles[c][rows] = 0;
                markNull(c);
            }
        }
        for (int c : booleanColumns) {
            if (stamps[c] != row) {
                booleans[c][rows] = false;
                markNull(c);
            }
        }
        for (int c : objectColumns) {
            if (stamps[c] != row) {
                objects[c][rows] = null;
                markNull(c);
            }
        }
        pending = row + 1;
        if (++rows == capacity) {
            if (rows == BATCH_ROWS) {
                Batch full = takeBatch();
                if (reusesArrays) {
                    // The borrower is done with the batch when accept returns: its arrays take the next rows, and
                    // only the null bitmaps (rare) start afresh, as the next rows' nulls are marked, not cleared.
                    out.accept(full);
                    Arrays.fill(nullWords, null);
                } else {
                    newArrays(BATCH_ROWS);
                    out.accept(full);
                }
            } else {
                grow();
            }
        }
    }

    private void markNull(int column) {
        long[] words = nullWords[column];
        if (words == null) {
            words = NullMask.newWords(capacity);
            nullWords[column] = words;
        }
        NullMask.set(words, rows);
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

    /** Forgets the pending row's fields: a new row number leaves every stamp behind. */
    private void clear() {
        pending++;
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
        List<ColumnVector> columns = new ArrayList<>(types.length);
        for (int c = 0; c < types.length; c++) {
            columns.add(unread.get(c) ? unreadColumn(c) : vector(c));
        }
        Batch batch = new Batch(schema, columns, rows, MalformedRows.ofOrNull(marks));
        marks = List.of();
        rows = 0;
        return batch;
    }

    /** Column {@code c} of the batch being collected, over its arrays. */
    private ColumnVector vector(int c) {
        long[] words = nullWords[c];
        if (words != null && words.length != NullMask.newWords(rows).length) {
            words = Arrays.copyOf(words, NullMask.newWords(rows).length);
        }
        return switch (storages[c]) {
            case LONG -> new LongVector(types[c], longs[c], rows, words);
            case DOUBLE -> {
                if (types[c] == AtomicType.FLOAT) {
                    // A FLOAT holds float precision, as VectorBuilder.appendDouble rounds it.
                    double[] values = doubles[c];
                    for (int r = 0; r < rows; r++) {
                        values[r] = (float) values[r];
                    }
                }
                yield new DoubleVector(types[c], doubles[c], rows, words);
            }
            case BOOLEAN -> new BooleanVector(booleans[c], rows, words);
            case OBJECT -> new ObjectVector(types[c], objects[c], rows, words);
        };
    }
}
