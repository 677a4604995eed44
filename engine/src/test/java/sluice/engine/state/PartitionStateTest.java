package sluice.engine.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sluice.engine.diag.SluiceException;
import sluice.engine.types.AtomicType;

class PartitionStateTest {
    private static final RowEncoding KEYS = RowEncoding.forKeys(List.of(AtomicType.STRING));
    private static final RowEncoding VALUES = RowEncoding.forValues(List.of(AtomicType.BIGINT, AtomicType.DOUBLE));

    @TempDir
    Path folder;

    private PartitionState open(StateRetention retention) {
        return new PartitionState(new StateFiles(folder, "agg", "operator 0 ('agg') partition 0"), KEYS, VALUES,
                retention);
    }

    private static StateKey key(String name) {
        return new StateKey(KEYS.encode(new Object[] {name}, 0));
    }

    /** Runs batch {@code batchId}: adds {@code amount} to the count of {@code name}. */
    private static void addTo(PartitionState state, long batchId, String name, long amount) {
        state.begin(batchId);
        Object[] current = state.get(key(name));
        long count = current == null ? 0 : (Long) current[0];
        state.put(key(name), new Object[] {count + amount, -0.0});
        state.commit();
    }

    private List<String> files() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted((a, b) -> {
                int byVersion = Long.compare(Long.parseLong(a.split("\\.")[0]), Long.parseLong(b.split("\\.")[0]));
                return byVersion != 0 ? byVersion : a.compareTo(b);
            }).toList();
        }
    }

    @Test
    void aKeyPutAndRemovedInOneBatchCountsAsUpdatedAndRemovedAsSparkCountsIt() {
        PartitionState state = open(StateRetention.SPARK_DEFAULTS);
        addTo(state, 0, "A", 1);
        state.begin(1);
        state.put(key("B"), new Object[] {1L, 0.0});
        state.put(key("B"), new Object[] {2L, 0.0});
        state.remove(key("B"));
        state.remove(key("A"));
        state.remove(key("C"));
        state.commit();

        // Spark's operators count each key they put and each row they remove as they go: B put and evicted in the
        // same batch is one of each; removing a key that is not there removes nothing.
        assertThat(state.metrics().numRowsUpdated()).isEqualTo(1);
        assertThat(state.metrics().numRowsRemoved()).isEqualTo(2);
        assertThat(state.metrics().numRowsTotal()).isZero();
    }

    @Test
    void aRestartRebuildsTheVersionOfItsBatchFromTheFiles() {
        PartitionState first = open(StateRetention.SPARK_DEFAULTS);
        addTo(first, 0, "A", 1);
        addTo(first, 1, "B", 2);
        first.begin(2);
        first.remove(key("A"));
        first.commit();

        PartitionState restarted = open(StateRetention.SPARK_DEFAULTS);
        restarted.begin(3);

        assertThat(restarted.keys()).containsExactly(key("B"));
        assertThat(restarted.get(key("B"))).containsExactly(2L, -0.0);
    }

    @Test
    void aBatchRunAgainReadsTheVersionBeforeIt() {
        PartitionState state = open(StateRetention.SPARK_DEFAULTS);
        addTo(state, 0, "A", 1);
        addTo(state, 1, "A", 10);

        PartitionState rerun = open(StateRetention.SPARK_DEFAULTS);
        addTo(rerun, 1, "A", 10);

        assertThat(rerun.get(key("A"))).containsExactly(11L, -0.0);
    }

    @Test
    void changesOfABatchThatDidNotCommitAreDropped() {
        PartitionState state = open(StateRetention.SPARK_DEFAULTS);
        addTo(state, 0, "A", 1);
        state.begin(1);
        state.put(key("A"), new Object[] {99L, 0.0});

        state.begin(1);

        assertThat(state.get(key("A"))).containsExactly(1L, -0.0);
    }

    @Test
    void aSnapshotFollowsOnceMoreThanTenDeltasWouldBeReadAndServesLaterLoads() throws IOException {
        PartitionState state = open(StateRetention.SPARK_DEFAULTS);
        for (int batch = 0; batch < 12; batch++) {
            addTo(state, batch, "A", 1);
        }
        assertThat(files()).contains("10.delta", "11.delta", "11.snapshot", "12.delta").doesNotContain("10.snapshot",
                "12.snapshot");
        for (int version = 1; version <= 10; version++) {
            Files.delete(folder.resolve(version + ".delta"));
        }

        PartitionState restarted = open(StateRetention.SPARK_DEFAULTS);
        restarted.begin(12);

        assertThat(restarted.get(key("A"))).containsExactly(12L, -0.0);
    }

    @Test
    void filesNoLongerNeededForTheRetainedBatchesAreDeleted() throws IOException {
        PartitionState state = open(new StateRetention(3, 2));

        for (int batch = 0; batch < 10; batch++) {
            addTo(state, batch, "A", 1);
        }

        assertThat(files()).containsExactly("6.delta", "6.snapshot", "7.delta", "8.delta", "9.delta", "9.snapshot",
                "10.delta");
        PartitionState oldest = open(new StateRetention(3, 2));
        oldest.begin(7);
        assertThat(oldest.get(key("A"))).containsExactly(7L, -0.0);
    }

    @Test
    void aVersionTheRetentionRemovedIsNoLongerKeptNotDamaged() {
        PartitionState state = open(new StateRetention(3, 2));
        for (int batch = 0; batch < 10; batch++) {
            addTo(state, batch, "A", 1);
        }

        assertThatThrownBy(() -> open(new StateRetention(3, 2)).begin(3)).isInstanceOf(SluiceException.class)
                .hasMessage("agg: cannot load the state of operator 0 ('agg') partition 0 for batch 3: its version 3 "
                        + "is no longer kept, only versions 6 to 10 are (minBatchesToRetain keeps the state of the "
                        + "last batches only)");
    }

    @Test
    void aTruncatedStateFileIsDamaged() throws IOException {
        PartitionState state = open(StateRetention.SPARK_DEFAULTS);
        addTo(state, 0, "A", 1);
        Path delta = folder.resolve("1.delta");
        byte[] bytes = Files.readAllBytes(delta);
        Files.write(delta, java.util.Arrays.copyOf(bytes, bytes.length - 4));

        assertThatThrownBy(() -> open(StateRetention.SPARK_DEFAULTS).begin(1)).isInstanceOf(SluiceException.class)
                .hasMessage("agg: cannot load the state of operator 0 ('agg') partition 0 for batch 1: file '" + delta
                        + "' is damaged: it ends before its end mark; the checkpoint is damaged");
    }

    @Test
    void aStateRowThatDoesNotDecodeIsDamaged() {
        StateFiles files = new StateFiles(folder, "agg", "operator 0 ('agg') partition 0");
        // A value of three bytes where a BIGINT and a DOUBLE should be.
        files.writeDelta(1, java.util.Map.of(key("A"), new byte[] {0, 1, 2}));

        assertThatThrownBy(() -> open(StateRetention.SPARK_DEFAULTS).begin(1)).isInstanceOf(SluiceException.class)
                .hasMessage("agg: cannot load the state of operator 0 ('agg') partition 0 for batch 1: file '"
                        + folder.resolve("1.delta") + "' is damaged: a state row does not decode; the checkpoint is "
                        + "damaged");
    }

    @Test
    void aStateFileOfAnotherFormatNamesBothFormatsNotDamage() throws IOException {
        PartitionState state = open(StateRetention.SPARK_DEFAULTS);
        addTo(state, 0, "A", 1);
        Path delta = folder.resolve("1.delta");
        byte[] bytes = Files.readAllBytes(delta);
        bytes[7] = 0;
        Files.write(delta, bytes);

        assertThatThrownBy(() -> open(StateRetention.SPARK_DEFAULTS).begin(1)).isInstanceOf(SluiceException.class)
                .hasMessage("agg: cannot load the state of operator 0 ('agg') partition 0 for batch 1: file '" + delta
                        + "' has state format 0, written by an older Sluice, and this one reads format 1; run the "
                        + "query with a new checkpoint folder, or finish it with the Sluice that wrote it");
        bytes[7] = 2;
        Files.write(delta, bytes);

        assertThatThrownBy(() -> open(StateRetention.SPARK_DEFAULTS).begin(1)).isInstanceOf(SluiceException.class)
                .hasMessage("agg: cannot load the state of operator 0 ('agg') partition 0 for batch 1: file '" + delta
                        + "' has state format 2, written by a newer Sluice, and this one reads format 1; run the "
                        + "query with a new checkpoint folder, or finish it with the Sluice that wrote it");
    }
}
