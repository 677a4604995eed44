package sluice.engine.source.file;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.Position;
import sluice.engine.diag.Problem;
import sluice.engine.types.Batch;
import sluice.engine.types.ColumnVector;
import sluice.engine.types.DataType;
import sluice.engine.types.Schema;
import sluice.engine.types.VectorBuilder;

/**
 * Mutable, owned by the thread reading one file: collects parsed rows into column builders and applies the
 * {@link ParseMode} to malformed ones, as Spark's {@code FailureSafeParser}. A parser fills the pending row with
 * {@code set…} (untouched fields stay null), then ends it with {@link #appendRow} or {@link #malformedRow}. The
 * pending row lives in primitive arrays, so a dropped row costs nothing and a good row no boxing.
 */
public final class RowCollector {
    private final Schema schema;
    private final ParseMode mode;
    private final int corruptIndex;
    private final String nodeId;
    private final String formatName;
    private final String fileName;
    private final VectorBuilder[] builders;
    private final DataType.Storage[] storages;
    private final long[] longs;
    private final double[] doubles;
    private final boolean[] booleans;
    private final Object[] objects;
    private final boolean[] nulls;
    private int rows;

    /**
     * @param corruptIndex the schema index of the corrupt-record column, or -1 when the schema has none
     * @param formatName   {@code CSV} or {@code JSON}, for FAILFAST messages
     */
    public RowCollector(Schema schema, ParseMode mode, int corruptIndex, String nodeId, String formatName,
                        String fileName, int expectedRows) {
        this(schema, mode, corruptIndex, nodeId, formatName, fileName, expectedRows, new java.util.BitSet());
    }

    /**
     * @param unread columns the reader never fills because the query does not read them (column pruning): they
     *               come out all null without being collected row by row
     */
    public RowCollector(Schema schema, ParseMode mode, int corruptIndex, String nodeId, String formatName,
                        String fileName, int expectedRows, java.util.BitSet unread) {
        this.schema = schema;
        this.mode = mode;
        this.corruptIndex = corruptIndex;
        this.nodeId = nodeId;
        this.formatName = formatName;
        this.fileName = fileName;
        int columns = schema.size();
        builders = new VectorBuilder[columns];
        storages = new DataType.Storage[columns];
        for (int c = 0; c < columns; c++) {
            builders[c] = unread.get(c) ? null : new VectorBuilder(schema.field(c).type(), expectedRows);
            storages[c] = schema.field(c).type().storage();
        }
        longs = new long[columns];
        doubles = new double[columns];
        booleans = new boolean[columns];
        objects = new Object[columns];
        nulls = new boolean[columns];
        Arrays.fill(nulls, true);
    }

    public void setLong(int column, long value) {
        longs[column] = value;
        nulls[column] = false;
    }

    public void setDouble(int column, double value) {
        doubles[column] = value;
        nulls[column] = false;
    }

    public void setBoolean(int column, boolean value) {
        booleans[column] = value;
        nulls[column] = false;
    }

    /** A value of OBJECT storage (string, decimal, list, row); null makes the field null. */
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
        for (int c = 0; c < builders.length; c++) {
            VectorBuilder builder = builders[c];
            if (builder == null) {
                continue;
            }
            if (nulls[c]) {
                builder.appendNull();
                continue;
            }
            switch (storages[c]) {
                case LONG -> builder.appendLong(longs[c]);
                case DOUBLE -> builder.appendDouble(doubles[c]);
                case BOOLEAN -> builder.appendBoolean(booleans[c]);
                case OBJECT -> builder.appendObject(objects[c]);
            }
        }
        rows++;
        clear();
    }

    /**
     * Ends a record that could not be parsed: FAILFAST throws MALFORMED_RECORD, DROPMALFORMED forgets it,
     * PERMISSIVE appends it with the raw record in the corrupt-record column. {@code keepParsedFields} keeps the
     * fields parsed so far (Spark's CSV reader does; its JSON reader nulls the whole row).
     */
    public void malformedRow(long line, String reason, String rawRecord, boolean keepParsedFields) {
        switch (mode) {
            case FAILFAST -> throw Problem.of(ErrorCode.MALFORMED_RECORD, Position.node(nodeId),
                    "malformed %s record in '%s' line %d: %s", formatName, fileName, line, reason).toException();
            case DROPMALFORMED -> clear();
            case PERMISSIVE -> {
                if (!keepParsedFields) {
                    clear();
                }
                if (corruptIndex >= 0) {
                    setObject(corruptIndex, rawRecord);
                }
                appendRow();
            }
        }
    }

    private void clear() {
        Arrays.fill(nulls, true);
        Arrays.fill(objects, null);
    }

    public int rowCount() {
        return rows;
    }

    public Batch toBatch() {
        List<ColumnVector> columns = new ArrayList<>(builders.length);
        for (int c = 0; c < builders.length; c++) {
            columns.add(builders[c] == null ? ColumnVector.nulls(schema.field(c).type(), rows) : builders[c].build());
        }
        return new Batch(schema, columns, rows);
    }
}
