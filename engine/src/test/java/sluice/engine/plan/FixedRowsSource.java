package sluice.engine.plan;

import java.util.List;
import sluice.engine.source.InputPartition;
import sluice.engine.source.Source;
import sluice.engine.source.SourceContext;
import sluice.engine.types.Batch;
import sluice.engine.types.Row;
import sluice.engine.types.Schema;

/** A fake source with one batch of fixed rows (offset "1"), for planning and transform tests. Immutable. */
final class FixedRowsSource implements Source {
    private final Schema schema;
    private final List<Row> rows;

    FixedRowsSource(Schema schema, List<Row> rows) {
        this.schema = schema;
        this.rows = List.copyOf(rows);
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public void start(SourceContext context) {
    }

    @Override
    public String latestOffset(String start, ReadLimit limit) {
        return "1";
    }

    @Override
    public List<InputPartition> planInputPartitions(String start, String end) {
        return List.of(() -> Batch.ofRows(schema, rows));
    }
}
