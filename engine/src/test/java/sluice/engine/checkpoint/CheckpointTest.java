package sluice.engine.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sluice.engine.diag.SluiceException;

class CheckpointTest {
    // An offsets entry as Spark 4.1 writes it (conf shortened to two of its settings).
    private static final String SPARK_ENTRY = "v1\n{\"batchWatermarkMs\":0,\"batchTimestampMs\":1700000000000,\"conf\":"
            + "{\"spark.sql.streaming.stateStore.providerClass\":\"org.apache.spark.sql.execution.streaming.state."
            + "HDFSBackedStateStoreProvider\",\"spark.sql.shuffle.partitions\":\"200\"}}\n{\"logOffset\":4}";

    @TempDir
    Path root;

    @Test
    void readsAnOffsetsEntrySparkWrote() throws IOException {
        Checkpoint checkpoint = Checkpoint.open(root);
        Files.createDirectories(root.resolve("offsets"));
        Files.writeString(root.resolve("offsets/4"), SPARK_ENTRY);

        OffsetEntry entry = checkpoint.offsets(4).orElseThrow();

        assertThat(entry.batchTimestampMs()).isEqualTo(1_700_000_000_000L);
        assertThat(entry.offsets()).containsExactly("{\"logOffset\":4}");
        assertThat(entry.conf()).containsEntry("spark.sql.shuffle.partitions", "200");
    }

    @Test
    void entriesAfterAResumeKeepTheSettingsOfTheEntryResumedFrom() throws IOException {
        Checkpoint checkpoint = Checkpoint.open(root);
        Files.createDirectories(root.resolve("offsets"));
        Files.writeString(root.resolve("offsets/4"), SPARK_ENTRY);

        checkpoint.resumeFrom(checkpoint.offsets(4).orElseThrow());
        checkpoint.writeOffsets(5, new OffsetEntry(1_700_000_001_000L, 0, Arrays.asList("{\"logOffset\":5}")));

        assertThat(root.resolve("offsets/5")).hasContent(SPARK_ENTRY.replace("1700000000000", "1700000001000")
                .replace("\"logOffset\":4", "\"logOffset\":5"));
    }

    @Test
    void aNewCheckpointWritesNoSettings() {
        Checkpoint checkpoint = Checkpoint.open(root);

        checkpoint.writeOffsets(0, new OffsetEntry(5, 0, Arrays.asList("{\"logOffset\":0}", null)));

        assertThat(root.resolve("offsets/0")).hasContent(
                "v1\n{\"batchWatermarkMs\":0,\"batchTimestampMs\":5,\"conf\":{}}\n{\"logOffset\":0}\n-");
    }

    @Test
    void anEntryThatExistsAlreadyMeansAnotherQueryWritesTheSameCheckpoint() {
        Checkpoint checkpoint = Checkpoint.open(root);
        checkpoint.writeCommit(0, 0);

        assertThatThrownBy(() -> checkpoint.writeCommit(0, 0)).isInstanceOf(SluiceException.class)
                .hasMessage("checkpointLocation: file '" + root.resolve("commits/0") + "' exists already: another "
                        + "query is running on the same checkpoint folder; run one query per checkpoint folder");
    }

    @Test
    void theQueryIdIsWrittenOnceAndReadBack() throws IOException {
        Checkpoint checkpoint = Checkpoint.open(root);

        java.util.UUID id = checkpoint.queryId();

        assertThat(root.resolve("metadata")).hasContent("{\"id\":\"" + id + "\"}");
        assertThat(Checkpoint.open(root).queryId()).isEqualTo(id);
    }

    @Test
    void metadataThatIsNotJsonIsAProblem() throws IOException {
        Files.writeString(root.resolve("metadata"), "{\"id\":");

        assertThatThrownBy(() -> Checkpoint.open(root).queryId()).isInstanceOf(SluiceException.class)
                .hasMessage("checkpointLocation: file '" + root.resolve("metadata") + "' is damaged: it holds no "
                        + "query id");
    }

    @Test
    void aMalformedOffsetLineIsAProblem() throws IOException {
        Files.createDirectories(root.resolve("offsets"));
        Files.writeString(root.resolve("offsets/0"), "v1\n{}\n{\"logOffset\":");

        assertThatThrownBy(() -> Checkpoint.open(root).offsets(0)).isInstanceOf(SluiceException.class)
                .hasMessage("checkpointLocation: file '" + root.resolve("offsets/0") + "' is damaged: line 3 is not an "
                        + "offset (JSON): '{\"logOffset\":'");
    }
}
