package sluice.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sluice.engine.types.Row;

/**
 * A windowed aggregation of a windowed aggregation in append mode, as Spark 4.1 runs it (the shape of its
 * MultiStatefulOperatorsSuite's "window agg -> window agg", here one file per batch, available-now): both operators
 * take the one watermark, the second gets the first one's windows in the batch they are emitted, each drops its own
 * late groups, and progress lists the second operator first, as Spark lists the operators of its plan.
 */
class ChainedAggregationTest {
    /** The chain, with the second aggregation ("ten") and any node before it in place of {@code %s}. */
    private static final String PIPELINE = """
            {"format": "sluice/1", "name": "chain", "nodes": [
              {"id": "in", "type": "source.file", "options": {"path": "in", "format": "csv", "header": "true",
               "schema": "Name STRING, Close DOUBLE", "maxFilesPerTrigger": "1"}},
              {"id": "times", "type": "transform.select", "inputs": ["in"],
               "options": {"expressions": ["timestamp_seconds(CAST(Close AS BIGINT)) AS eventTime"]}},
              {"id": "wm", "type": "transform.watermark", "inputs": ["times"],
               "options": {"eventTime": "eventTime", "delayThreshold": "0 seconds"}},
              {"id": "five", "type": "transform.aggregate", "inputs": ["wm"],
               "options": {"groupBy": ["window(eventTime, '5 seconds') AS window"],
                           "aggregations": ["count(*) AS count"]}},
              %s,
              {"id": "fields", "type": "transform.select", "inputs": ["ten"],
               "options": {"expressions": ["CAST(window.start AS BIGINT) AS start", "count", "sum"]}},
              {"id": "out", "type": "sink.memory", "inputs": ["fields"],
               "options": {"queryName": "tens", "outputMode": "append"}}
            ]}
            """;

    @TempDir
    Path dir;

    @Test
    void theSecondAggregationEmitsAWindowOnceTheWatermarkPassesItsEnd() throws IOException {
        NameCloseRuns runs = new NameCloseRuns(dir, PIPELINE.formatted("""
                {"id": "ten", "type": "transform.aggregate", "inputs": ["five"],
                 "options": {"groupBy": ["window(window, '10 seconds')"],
                             "aggregations": ["count(*) AS count", "sum(count) AS sum"]}}"""));
        runs.writeInput("1.csv", seconds(10, 21));
        runs.writeInput("2.csv", seconds(10, 29));
        runs.writeInput("3.csv", seconds(30, 31));
        runs.writeInput("4.csv", "x,12", "x,13", "x,22");

        NameCloseRuns.Run run = runs.run(dir.resolve("checkpoint"));

        // Batch 1 (watermark 21) closes [10, 15) and [15, 20), 10 rows each, and so [10, 20); the batch without data
        // after batch 2 (watermark 31) closes [20, 30), of [20, 25) with 7 rows and [25, 30) with 5.
        assertThat(run.rows("tens")).extracting(Row::values).containsExactly(
                List.of(10L, 2L, 20L), List.of(20L, 2L, 12L));
        // The last file's rows fall in two windows the first aggregation closed: two late groups there, none after.
        QueryProgress late = run.progress().stream().filter(p -> p.numInputRows() == 3).findFirst().orElseThrow();
        assertThat(late.stateOperators()).extracting(QueryProgress.StateOperatorProgress::nodeId,
                QueryProgress.StateOperatorProgress::numRowsDroppedByWatermark)
                .containsExactly(tuple("ten", 0L), tuple("five", 2L));
        assertThat(late.stateOperators()).extracting(operator -> operator.metrics().numRowsTotal())
                .containsExactly(0L, 1L);
    }

    @Test
    void aSelectedWindowTimeIsEventTimeForTheNextWindowAsInSpark() throws IOException {
        // Spark's window_time keeps the window's watermark metadata, and so does its alias: the second aggregation
        // windows `wt` in append mode and emits what it emits windowing `window` directly.
        NameCloseRuns runs = new NameCloseRuns(dir, PIPELINE.formatted("""
                {"id": "times5", "type": "transform.select", "inputs": ["five"],
                 "options": {"expressions": ["window_time(window) AS wt", "count"]}},
                {"id": "ten", "type": "transform.aggregate", "inputs": ["times5"],
                 "options": {"groupBy": ["window(wt, '10 seconds')"],
                             "aggregations": ["count(*) AS count", "sum(count) AS sum"]}}"""));
        runs.writeInput("1.csv", seconds(10, 21));
        runs.writeInput("2.csv", seconds(10, 29));
        runs.writeInput("3.csv", seconds(30, 31));

        NameCloseRuns.Run run = runs.run(dir.resolve("checkpoint"));

        assertThat(run.rows("tens")).extracting(Row::values).containsExactly(
                List.of(10L, 2L, 20L), List.of(20L, 2L, 12L));
    }

    /** CSV lines {@code x,<s>} for the seconds {@code from} to {@code to}. */
    private static String[] seconds(int from, int to) {
        String[] lines = new String[to - from + 1];
        for (int s = from; s <= to; s++) {
            lines[s - from] = "x," + s;
        }
        return lines;
    }
}
