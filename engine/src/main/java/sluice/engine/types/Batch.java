package sluice.engine.types;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * A columnar batch of rows: a schema and one vector per field, all of {@code rowCount} rows, which of them a file
 * reader found malformed ({@code malformed}, null when none, as almost always), and the file block they were read from
 * ({@code inputFile}, null when they come from no file or from several). Immutable.
 */
public record Batch(Schema schema, List<ColumnVector> columns, int rowCount, MalformedRows malformed,
                    InputFileBlock inputFile) {
    public Batch {
        requireNonNull(schema, "schema is null");
        if (malformed != null && malformed.lastRow() >= rowCount) {
            throw new IllegalArgumentException("malformed row " + malformed.lastRow() + " in a batch of " + rowCount);
        }
        columns = List.copyOf(columns);
        if (columns.size() != schema.size()) {
            throw new IllegalArgumentException(columns.size() + " columns for a schema of " + schema.size());
        }
        for (ColumnVector column : columns) {
            if (column.size() != rowCount) {
                throw new IllegalArgumentException("column of " + column.size() + " rows in a batch of " + rowCount);
            }
        }
    }

    /** A batch without malformed rows. */
    public Batch(Schema schema, List<ColumnVector> columns, int rowCount) {
        this(schema, columns, rowCount, null, null);
    }

    /** A batch read from no one file. */
    public Batch(Schema schema, List<ColumnVector> columns, int rowCount, MalformedRows malformed) {
        this(schema, columns, rowCount, malformed, null);
    }

    /** The same rows, read from {@code block}. */
    public Batch withInputFile(InputFileBlock block) {
        return new Batch(schema, columns, rowCount, malformed, block);
    }

    public static Batch empty(Schema schema) {
        List<ColumnVector> columns = new ArrayList<>();
        for (Field field : schema.fields()) {
            columns.add(new VectorBuilder(field.type(), 0).build());
        }
        return new Batch(schema, columns, 0);
    }

    /** A batch built from rows of Java objects (see {@link ColumnVector#get}); for tests and small sources. */
    public static Batch ofRows(Schema schema, List<Row> rows) {
        List<VectorBuilder> builders = new ArrayList<>();
        for (Field field : schema.fields()) {
            builders.add(new VectorBuilder(field.type(), rows.size()));
        }
        for (Row row : rows) {
            for (int c = 0; c < builders.size(); c++) {
                builders.get(c).append(row.get(c));
            }
        }
        return new Batch(schema, builders.stream().map(VectorBuilder::build).toList(), rows.size());
    }

    public ColumnVector column(int index) {
        return columns.get(index);
    }

    public boolean isEmpty() {
        return rowCount == 0;
    }

    public Row row(int index) {
        List<Object> values = new ArrayList<>(columns.size());
        for (ColumnVector column : columns) {
            values.add(column.get(index));
        }
        return new Row(values);
    }

    public List<Row> rows() {
        List<Row> rows = new ArrayList<>(rowCount);
        for (int i = 0; i < rowCount; i++) {
            rows.add(row(i));
        }
        return rows;
    }

    /** The same columns under another schema of the same types (for renames). */
    public Batch withSchema(Schema renamed) {
        return new Batch(renamed, columns, rowCount, malformed, inputFile);
    }

    /** Other columns of the same rows (a projection's output), keeping which rows are malformed and their file. */
    public Batch withColumns(Schema newSchema, List<ColumnVector> newColumns) {
        return new Batch(newSchema, newColumns, rowCount, malformed, inputFile);
    }

    /** The rows at {@code rows[0..count)}, in that order. */
    public Batch select(int[] rows, int count) {
        List<ColumnVector> picked = new ArrayList<>(columns.size());
        for (ColumnVector column : columns) {
            picked.add(column.select(rows, count));
        }
        return new Batch(schema, picked, count, malformed == null ? null : malformed.select(rows, count),
                inputFile);
    }

    /** Rows {@code [from, to)}. */
    public Batch slice(int from, int to) {
        List<ColumnVector> sliced = new ArrayList<>(columns.size());
        for (ColumnVector column : columns) {
            sliced.add(column.slice(from, to));
        }
        return new Batch(schema, sliced, to - from, malformed == null ? null : malformed.slice(from, to),
                inputFile);
    }

    /** One batch holding the rows of {@code parts} in order; all must have this schema's column types. */
    public static Batch concat(Schema schema, List<Batch> parts) {
        if (parts.size() == 1) {
            return parts.get(0).withSchema(schema);
        }
        int total = 0;
        for (Batch part : parts) {
            total += part.rowCount();
        }
        List<ColumnVector> columns = new ArrayList<>(schema.size());
        for (int c = 0; c < schema.size(); c++) {
            VectorBuilder builder = new VectorBuilder(schema.field(c).type(), total);
            for (Batch part : parts) {
                builder.appendAll(part.column(c), part.rowCount());
            }
            columns.add(builder.build());
        }
        List<MalformedRows.Mark> marks = new ArrayList<>();
        int offset = 0;
        for (Batch part : parts) {
            if (part.malformed() != null) {
                part.malformed().addShifted(offset, marks);
            }
            offset += part.rowCount();
        }
        InputFileBlock file = parts.isEmpty() ? null : parts.get(0).inputFile();
        for (Batch part : parts) {
            file = java.util.Objects.equals(file, part.inputFile()) ? file : null;
        }
        return new Batch(schema, columns, total, MalformedRows.ofOrNull(marks), file);
    }
}
