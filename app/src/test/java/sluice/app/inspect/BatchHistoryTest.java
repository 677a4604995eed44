package sluice.app.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import sluice.engine.runtime.BatchSnapshot;
import sluice.engine.types.AtomicType;
import sluice.engine.types.Field;
import sluice.engine.types.Row;
import sluice.engine.types.Schema;

class BatchHistoryTest {
    private static final Schema SCHEMA = Schema.of(Field.of("v", AtomicType.BIGINT));

    private static BatchSnapshot snapshot(String node, long batchId, int rows) {
        List<Row> values = new ArrayList<>(Collections.nCopies(rows, Row.of(batchId)));
        return new BatchSnapshot(batchId, node, SCHEMA, values, rows);
    }

    @Test
    void keepsTheLastBatchesOfEachNode() {
        BatchHistory history = new BatchHistory(node -> node.equals("table") ? 3 : 5, 1_000_000);

        for (long id = 0; id < 10; id++) {
            history.add(snapshot("table", id, 2));
            history.add(snapshot("source", id, 2));
        }

        assertThat(history.batches("table")).extracting(BatchSnapshot::batchId).containsExactly(7L, 8L, 9L);
        assertThat(history.batches("source")).extracting(BatchSnapshot::batchId).containsExactly(5L, 6L, 7L, 8L, 9L);
        assertThat(history.rowCount()).isEqualTo(16);
    }

    @Test
    void rowBudgetDropsOldestBatchesOfTheLongestHistory() {
        BatchHistory history = new BatchHistory(node -> 100, 1_000);

        for (long id = 0; id < 20; id++) {
            history.add(snapshot("a", id, 100));
        }

        assertThat(history.rowCount()).isLessThanOrEqualTo(1_000);
        assertThat(history.batches("a")).extracting(BatchSnapshot::batchId).startsWith(10L).endsWith(19L);
    }

    @Test
    void previousIsTheBatchKeptJustBefore() {
        BatchHistory history = new BatchHistory(node -> 10, 1_000);
        history.add(snapshot("a", 4, 1));
        history.add(snapshot("a", 6, 1));

        assertThat(history.previous("a", 6)).map(BatchSnapshot::batchId).contains(4L);
        assertThat(history.previous("a", 4)).isEmpty();
    }
}
