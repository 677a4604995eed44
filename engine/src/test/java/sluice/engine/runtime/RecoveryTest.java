package sluice.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sluice.engine.checkpoint.Checkpoint;
import sluice.engine.checkpoint.OffsetEntry;
import sluice.engine.diag.SluiceException;
import sluice.engine.pipeline.Trigger;

class RecoveryTest {
    @TempDir
    Path checkpoint;

    @Test
    void restartResumesAfterTheLastCommittedBatch() throws Exception {
        Queries first = new Queries();
        first.start(first.sourceToMemory(new ScriptedSource().add(1, 2, 3, 4).maxPerBatch(2)),
                new Trigger.AvailableNow(), checkpoint).awaitTermination();

        Queries second = new Queries();
        ScriptedSource source = new ScriptedSource().add(1, 2, 3, 4, 5).maxPerBatch(2);
        StreamingQuery query = second.start(second.sourceToMemory(source), new Trigger.AvailableNow(), checkpoint);
        query.awaitTermination();

        assertThat(first.output()).containsExactly(1L, 2L, 3L, 4L);
        assertThat(source.reads()).containsExactly("4..5");
        assertThat(second.output()).containsExactly(5L);
        assertThat(query.lastBatchId()).isEqualTo(2);
        assertThat(Files.readString(checkpoint.resolve("commits/2"))).isEqualTo("v1\n{\"nextBatchWatermarkMs\":0}");
        assertThat(Files.readString(checkpoint.resolve("offsets/2"))).startsWith("v1\n{\"batchWatermarkMs\":0,")
                .endsWith("}\n5");
    }

    @Test
    void anUncommittedBatchIsRunAgainWithItsLoggedOffsets() {
        Queries first = new Queries();
        first.start(first.sourceToMemory(new ScriptedSource().add(1, 2).maxPerBatch(2)),
                new Trigger.AvailableNow(), checkpoint).awaitTermination();
        // A crash after logging batch 1's offsets (rows 3..3) but before its commit.
        Checkpoint.open(checkpoint).writeOffsets(1, new OffsetEntry(1_000, 0, Arrays.asList("3")));

        Queries second = new Queries();
        ScriptedSource source = new ScriptedSource().add(1, 2, 3, 4, 5).maxPerBatch(10);
        second.start(second.sourceToMemory(source), new Trigger.AvailableNow(), checkpoint).awaitTermination();

        assertThat(source.reads()).containsExactly("2..3", "3..5");
        assertThat(second.output()).containsExactly(3L, 4L, 5L);
    }

    @Test
    void aCheckpointOfAnotherPipelineIsRefused() {
        Checkpoint.open(checkpoint).writeOffsets(0, new OffsetEntry(1_000, 0, Arrays.asList("1", "2")));

        Queries queries = new Queries();
        StreamingQuery query = queries.start(queries.sourceToMemory(new ScriptedSource().add(1)),
                new Trigger.AvailableNow(), checkpoint);

        assertThatThrownBy(query::awaitTermination).isInstanceOf(SluiceException.class)
                .hasMessage("checkpointLocation: the checkpoint in '" + checkpoint
                        + "' belongs to a pipeline with 2 sources, but this one has 1; use a new checkpoint folder");
    }

    @Test
    void theQueryIdSurvivesARestart() {
        Queries first = new Queries();
        StreamingQuery one = first.start(first.sourceToMemory(new ScriptedSource().add(1)),
                new Trigger.AvailableNow(), checkpoint);
        one.awaitTermination();
        Queries second = new Queries();
        StreamingQuery two = second.start(second.sourceToMemory(new ScriptedSource().add(1)),
                new Trigger.AvailableNow(), checkpoint);
        two.awaitTermination();

        assertThat(two.id()).isEqualTo(one.id());
        assertThat(two.runId()).isNotEqualTo(one.runId());
    }
}
