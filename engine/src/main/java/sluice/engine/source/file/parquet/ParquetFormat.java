package sluice.engine.source.file.parquet;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongUnaryOperator;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.Position;
import sluice.engine.diag.Problem;
import sluice.engine.expr.ColumnPredicate;
import sluice.engine.parquet.ParquetFileRows;
import sluice.engine.source.InputFigures;
import sluice.engine.source.SourceContext;
import sluice.engine.source.file.FileFormat;
import sluice.engine.source.file.FileProblems;
import sluice.engine.source.file.FileSplit;
import sluice.engine.source.file.ParseMode;
import sluice.engine.source.file.RowCollector;
import sluice.engine.types.Batch;
import sluice.engine.types.ColumnVector;
import sluice.engine.types.Schema;

/**
 * Parquet files as Spark reads them into a schema: whole files (a split per file), columns by name, a column the file
 * lacks null, only the columns the query reads decoded (Spark's column pruning), row groups whose statistics exclude a
 * filter right after the source skipped (Spark's filter pushdown). A file that is not Parquet, or
 * whose column types differ from the schema's, stops the query with a problem naming the file. Immutable.
 */
public final class ParquetFormat implements FileFormat {
    private final Schema schema;
    /** The columns to decode; the others come out null. */
    private final BitSet required;
    /** Conditions the filter after the source applies: row groups whose statistics exclude them are skipped. */
    private final List<ColumnPredicate> predicates;

    public ParquetFormat(Schema schema) {
        this(schema, all(schema), List.of());
    }

    private ParquetFormat(Schema schema, BitSet required, List<ColumnPredicate> predicates) {
        this.schema = requireNonNull(schema, "schema is null");
        this.required = required;
        this.predicates = List.copyOf(predicates);
    }

    private static BitSet all(Schema schema) {
        BitSet all = new BitSet();
        all.set(0, schema.size());
        return all;
    }

    @Override
    public Schema schema() {
        return schema;
    }

    /** As Spark's: a split reads the row groups whose middle lies in it. */
    @Override
    public boolean isSplittable() {
        return true;
    }

    @Override
    public FileFormat pruned(BitSet columns) {
        BitSet kept = (BitSet) columns.clone();
        kept.and(required);
        return kept.equals(required) ? this : new ParquetFormat(schema, kept, predicates);
    }

    /** As Spark's Parquet scan with {@code spark.sql.parquet.filterPushdown} (on by default): whole row groups. */
    @Override
    public FileFormat filtered(List<ColumnPredicate> conditions) {
        return conditions.isEmpty() ? this : new ParquetFormat(schema, required, conditions);
    }

    @Override
    public void read(FileSplit split, SourceContext context, InputFigures figures, Consumer<Batch> out) {
        BitSet unread = all(schema);
        unread.andNot(required);
        RowCollector rows = new RowCollector(schema, ParseMode.PERMISSIVE, -1,
                new RowCollector.Origin(context.nodeId(), "Parquet", split.fileName(), LongUnaryOperator.identity()),
                RowCollector.BATCH_ROWS, unread, figures, out);
        // The all-null vector of each column not read, for a full run of rows: vectors are immutable, so each run
        // shares it.
        ColumnVector[] fullNulls = new ColumnVector[schema.size()];
        ParquetFileRows.Target target = new ParquetFileRows.Target() {
            @Override
            public void setLong(int column, long value) {
                rows.setLong(column, value);
            }

            @Override
            public void setDouble(int column, double value) {
                rows.setDouble(column, value);
            }

            @Override
            public void setBoolean(int column, boolean value) {
                rows.setBoolean(column, value);
            }

            @Override
            public void setObject(int column, Object value) {
                rows.setObject(column, value);
            }

            @Override
            public void endRow() {
                rows.appendRow();
            }

            @Override
            public void columns(int count, ColumnVector[] columns) {
                List<ColumnVector> vectors = new ArrayList<>(columns.length);
                for (int c = 0; c < columns.length; c++) {
                    if (columns[c] != null) {
                        vectors.add(columns[c]);
                    } else if (count != ParquetFileRows.BATCH_ROWS) {
                        vectors.add(ColumnVector.nulls(schema.field(c).type(), count));
                    } else {
                        if (fullNulls[c] == null) {
                            fullNulls[c] = ColumnVector.nulls(schema.field(c).type(), count);
                        }
                        vectors.add(fullNulls[c]);
                    }
                }
                out.accept(new Batch(schema, vectors, count));
            }
        };
        try {
            figures.countSkippedRowGroups(ParquetFileRows.read(split.file(), split.start(), split.end(), schema,
                    required, predicates, target));
        } catch (IOException e) {
            throw FileProblems.unreadable(context.nodeId(), split.file(), e);
        } catch (IllegalArgumentException e) {
            throw Problem.of(ErrorCode.SOURCE_FAILED, Position.node(context.nodeId()), "cannot read file '%s': %s",
                    split.fileName(), e.getMessage()).toException();
        }
        rows.finish();
    }
}
