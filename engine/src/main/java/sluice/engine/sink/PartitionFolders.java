package sluice.engine.sink;

import static java.util.Objects.requireNonNull;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sluice.engine.source.file.partition.PathEscaping;
import sluice.engine.types.Batch;
import sluice.engine.types.ColumnVector;
import sluice.engine.types.Field;
import sluice.engine.types.Schema;
import sluice.engine.types.ValueText;

/**
 * {@code partitionBy} of the file sink, as Spark's file writer lays rows out: each row goes to the folder
 * {@code col1=v1/col2=v2} of its partition columns' values (cast to text as Spark casts them to STRING, escaped, null
 * or empty as {@link PathEscaping#DEFAULT_PARTITION_NAME}), and the files hold the other columns only. Immutable.
 */
record PartitionFolders(int[] columns, Schema dataSchema, int[] dataColumns) {
    PartitionFolders {
        requireNonNull(columns, "columns is null");
        requireNonNull(dataSchema, "dataSchema is null");
        requireNonNull(dataColumns, "dataColumns is null");
    }

    /** The layout of {@code schema} partitioned by the columns at {@code columns}, in that order. */
    static PartitionFolders of(Schema schema, int[] columns) {
        List<Field> data = new ArrayList<>();
        List<Integer> dataIndexes = new ArrayList<>();
        for (int c = 0; c < schema.size(); c++) {
            int column = c;
            if (java.util.Arrays.stream(columns).noneMatch(p -> p == column)) {
                data.add(schema.field(c));
                dataIndexes.add(c);
            }
        }
        return new PartitionFolders(columns.clone(), new Schema(data),
                dataIndexes.stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * The rows of {@code rows} by folder (relative, {@code /}-separated), data columns only; folders in the order
     * Spark's writer sorts a task's rows by (the partition values' text), rows in their order.
     */
    Map<String, Batch> split(Batch rows, ZoneId zone) {
        Map<String, List<Integer>> byFolder = new java.util.TreeMap<>();
        for (int r = 0; r < rows.rowCount(); r++) {
            byFolder.computeIfAbsent(folder(rows, r, zone), f -> new ArrayList<>()).add(r);
        }
        List<ColumnVector> dataVectors = new ArrayList<>();
        for (int c : dataColumns) {
            dataVectors.add(rows.column(c));
        }
        Batch data = new Batch(dataSchema, dataVectors, rows.rowCount());
        Map<String, Batch> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<Integer>> folder : byFolder.entrySet()) {
            int[] selected = folder.getValue().stream().mapToInt(Integer::intValue).toArray();
            out.put(folder.getKey(), data.select(selected, selected.length));
        }
        return out;
    }

    private String folder(Batch rows, int row, ZoneId zone) {
        StringBuilder folder = new StringBuilder();
        for (int c : columns) {
            if (folder.length() > 0) {
                folder.append('/');
            }
            ColumnVector vector = rows.column(c);
            String value = vector.isNull(row) ? null : ValueText.of(vector.type(), vector.get(row), zone);
            folder.append(PathEscaping.escape(rows.schema().field(c).name())).append('=')
                    .append(PathEscaping.valueText(value));
        }
        return folder.toString();
    }
}
