package sluice.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import sluice.engine.types.AtomicType;
import sluice.engine.types.Batch;
import sluice.engine.types.Field;
import sluice.engine.types.PartitionedBatch;
import sluice.engine.types.Row;
import sluice.engine.types.Schema;

class BatchSnapshotTest {
    private static final Schema SCHEMA = Schema.of(Field.of("n", AtomicType.BIGINT));

    @Test
    void keepsAtMostTheGivenRowsInPartitionOrderAndCountsAll() {
        PartitionedBatch data = new PartitionedBatch(SCHEMA, List.of(
                Batch.ofRows(SCHEMA, List.of(Row.of(1L), Row.of(2L))),
                Batch.ofRows(SCHEMA, List.of(Row.of(3L), Row.of(4L)))));

        BatchSnapshot snapshot = BatchSnapshot.of(7, "node", data, 3);

        assertThat(snapshot.rows()).containsExactly(Row.of(1L), Row.of(2L), Row.of(3L));
        assertThat(snapshot.totalRows()).isEqualTo(4);
        assertThat(snapshot.isTruncated()).isTrue();
        assertThat(snapshot.batchId()).isEqualTo(7);
    }
}
