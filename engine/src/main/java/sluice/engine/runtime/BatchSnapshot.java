package sluice.engine.runtime;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import sluice.engine.operator.StateRows;
import sluice.engine.types.Batch;
import sluice.engine.types.MalformedRows;
import sluice.engine.types.PartitionedBatch;
import sluice.engine.types.Row;
import sluice.engine.types.Schema;

/**
 * What crossed one node in one batch, copied out of the engine's vectors for a viewer: the schema, at most a bounded
 * number of rows (so a fast stream cannot fill the heap of a window), how many rows there were in all, and which of
 * the rows kept a file reader found malformed ({@code malformed}, by index in {@code rows}, in order; see
 * {@link MalformedRows}). Immutable; made on the query thread, read on the JavaFX thread.
 */
public record BatchSnapshot(long batchId, String nodeId, Schema schema, List<Row> rows, long totalRows,
                            List<MalformedRows.Mark> malformed) {
    public BatchSnapshot {
        requireNonNull(nodeId, "nodeId is null");
        requireNonNull(schema, "schema is null");
        rows = List.copyOf(rows);
        malformed = List.copyOf(malformed);
    }

    /** A snapshot without malformed rows. */
    public BatchSnapshot(long batchId, String nodeId, Schema schema, List<Row> rows, long totalRows) {
        this(batchId, nodeId, schema, rows, totalRows, List.of());
    }

    /** The first {@code maxRows} rows of {@code data}, partition after partition. */
    public static BatchSnapshot of(long batchId, String nodeId, PartitionedBatch data, int maxRows) {
        List<Row> rows = new ArrayList<>(Math.min(maxRows, (int) Math.min(Integer.MAX_VALUE, data.rowCount())));
        List<MalformedRows.Mark> malformed = new ArrayList<>();
        for (Batch partition : data.partitions()) {
            int offset = rows.size();
            for (int r = 0; r < partition.rowCount() && rows.size() < maxRows; r++) {
                rows.add(partition.row(r));
            }
            if (partition.malformed() != null) {
                for (MalformedRows.Mark mark : partition.malformed().marks()) {
                    if (offset + mark.row() < rows.size()) {
                        malformed.add(new MalformedRows.Mark(offset + mark.row(), mark.file(), mark.line()));
                    }
                }
            }
        }
        return new BatchSnapshot(batchId, nodeId, data.schema(), rows, data.rowCount(), malformed);
    }

    /**
     * The first {@code maxRows} rows of a stateful node's state after batch {@code batchId}; the total is the number
     * of rows the state holds.
     */
    public static BatchSnapshot ofState(long batchId, String nodeId, StateRows state, int maxRows) {
        Batch data = state.rows();
        List<Row> rows = new ArrayList<>(Math.min(maxRows, data.rowCount()));
        for (int r = 0; r < data.rowCount() && rows.size() < maxRows; r++) {
            rows.add(data.row(r));
        }
        return new BatchSnapshot(batchId, nodeId, data.schema(), rows, state.totalRows());
    }

    public boolean isTruncated() {
        return rows.size() < totalRows;
    }
}
