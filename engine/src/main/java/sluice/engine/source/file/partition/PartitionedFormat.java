package sluice.engine.source.file.partition;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.Consumer;
import sluice.engine.source.InputFigures;
import sluice.engine.source.SourceContext;
import sluice.engine.source.file.FileFormat;
import sluice.engine.source.file.FileSplit;
import sluice.engine.types.Batch;
import sluice.engine.types.ColumnVector;
import sluice.engine.types.DataType;
import sluice.engine.types.Field;
import sluice.engine.types.Schema;
import sluice.engine.types.VectorBuilder;

/**
 * A file format of any kind reading files in partition folders, as Spark's file scan: the data format reads the
 * file's columns, and the partition columns follow them, each the same value on every row of a file (from the file's
 * folder names, see {@link PartitionColumns}); a file directly in the base folder is left out, as Spark's file index
 * leaves it out. Immutable; reads run on partition task threads.
 */
public final class PartitionedFormat implements FileFormat {
    private final FileFormat data;
    private final PartitionColumns partitions;
    private final Schema schema;

    public PartitionedFormat(FileFormat data, PartitionColumns partitions) {
        this.data = requireNonNull(data, "data is null");
        this.partitions = requireNonNull(partitions, "partitions is null");
        List<Field> fields = new ArrayList<>(data.schema().fields());
        fields.addAll(partitions.schema().fields());
        this.schema = new Schema(fields);
    }

    /** {@code data} with the partition columns appended, or {@code data} itself when there are none. */
    public static FileFormat of(FileFormat data, PartitionColumns partitions) {
        return partitions.isEmpty() ? data : new PartitionedFormat(data, partitions);
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public boolean isSplittable() {
        return data.isSplittable();
    }

    @Override
    public void read(FileSplit split, SourceContext context, InputFigures figures, Consumer<Batch> out) {
        if (!partitions.isInPartitionFolder(split.file())) {
            // As Spark: a file directly in the base folder, next to partition folders, gives no rows.
            return;
        }
        Object[] values = partitions.values(split.file(), context.nodeId());
        data.read(split, context, figures, batch -> out.accept(withValues(batch, values)));
    }

    private Batch withValues(Batch batch, Object[] values) {
        List<ColumnVector> columns = new ArrayList<>(batch.columns());
        for (int c = 0; c < values.length; c++) {
            columns.add(constant(partitions.schema().field(c).type(), values[c], batch.rowCount()));
        }
        return batch.withColumns(schema, columns);
    }

    private static ColumnVector constant(DataType type, Object value, int rows) {
        if (value == null) {
            return ColumnVector.nulls(type, rows);
        }
        VectorBuilder builder = new VectorBuilder(type, rows);
        for (int r = 0; r < rows; r++) {
            switch (type.storage()) {
                case LONG -> builder.appendLong((Long) value);
                case DOUBLE -> builder.appendDouble((Double) value);
                case BOOLEAN -> builder.appendBoolean((Boolean) value);
                case OBJECT -> builder.appendObject(value);
            }
        }
        return builder.build();
    }

    @Override
    public FileFormat pruned(BitSet required) {
        FileFormat prunedData = data.pruned(required.get(0, data.schema().size()));
        return prunedData == data ? this : new PartitionedFormat(prunedData, partitions);
    }

    /** Only the conditions on the files' own columns reach the data format; partition columns come from folders. */
    @Override
    public FileFormat filtered(java.util.List<sluice.engine.expr.ColumnPredicate> predicates) {
        int width = data.schema().size();
        FileFormat filteredData = data.filtered(predicates.stream().filter(p -> p.column() < width).toList());
        return filteredData == data ? this : new PartitionedFormat(filteredData, partitions);
    }
}
