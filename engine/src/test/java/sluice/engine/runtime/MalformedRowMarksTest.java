package sluice.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sluice.engine.pipeline.PipelineJson;
import sluice.engine.pipeline.PipelineSpec;
import sluice.engine.pipeline.Trigger;
import sluice.engine.plan.NodeCatalog;
import sluice.engine.plan.PlanEnvironment;
import sluice.engine.plan.Planner;
import sluice.engine.sink.MemoryTables;
import sluice.engine.types.PartitionedBatch;

/**
 * The rows PERMISSIVE mode keeps for malformed records carry a mark with their file and line through a batch: out of
 * the source, through filters, projections and unions (the same rows), but not out of an aggregation (groups).
 */
class MalformedRowMarksTest {
    @TempDir
    Path dir;

    private Map<String, BatchSnapshot> firstBatch(String mode) throws Exception {
        Files.createDirectories(dir.resolve("in"));
        Files.writeString(dir.resolve("in/a.csv"), "1,one\nnot a number,two\n3,three\n");
        Files.setLastModifiedTime(dir.resolve("in/a.csv"), java.nio.file.attribute.FileTime.fromMillis(1_000));
        Files.writeString(dir.resolve("in/b.csv"), "x,four\n5,five\n");
        Files.setLastModifiedTime(dir.resolve("in/b.csv"), java.nio.file.attribute.FileTime.fromMillis(2_000));
        // The query reads 'n': a reader parses only the columns a query reads, so a bad value elsewhere makes no
        // malformed record (as in Spark).
        PipelineSpec spec = PipelineJson.parse("""
                {"format": "sluice/1", "name": "t", "nodes": [
                  {"id": "files", "type": "source.file", "options": {"path": "in", "format": "csv",
                   "schema": "n INT, name STRING", "mode": "%s"}},
                  {"id": "keep", "type": "transform.filter", "inputs": ["files"],
                   "options": {"condition": "name <> 'one'"}},
                  {"id": "upper", "type": "transform.select", "inputs": ["keep"],
                   "options": {"expressions": ["n", "upper(name) AS name"]}},
                  {"id": "named", "type": "transform.select", "inputs": ["files"],
                   "options": {"expressions": ["n", "name"]}},
                  {"id": "both", "type": "transform.union", "inputs": ["named", "upper"]},
                  {"id": "counts", "type": "transform.aggregate", "inputs": ["both"],
                   "options": {"groupBy": ["name IS NULL"], "aggregations": ["count(*) AS n"]}},
                  {"id": "out", "type": "sink.noop", "inputs": ["both"]},
                  {"id": "totals", "type": "sink.noop", "inputs": ["counts"], "options": {"outputMode": "complete"}}
                ]}
                """.formatted(mode)).spec();
        Planner.Result plan = new Planner(NodeCatalog.standard()).plan(spec, new PlanEnvironment(dir, ZoneOffset.UTC));
        EngineEnvironment environment = new EngineEnvironment(new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8), new MemoryTables(), Clock.systemUTC(), ZoneOffset.UTC, 2);
        Map<String, BatchSnapshot> first = new LinkedHashMap<>();
        StreamingQuery query = StreamingQuery.create(plan.plan(),
                new QueryOptions(new Trigger.AvailableNow(), null, 0), environment);
        query.addListener(new QueryListener() {
            @Override
            public boolean wantsBatchData() {
                return true;
            }

            @Override
            public void onBatchData(long batchId, Map<String, PartitionedBatch> outputs) {
                if (batchId == 0) {
                    outputs.forEach((id, data) -> first.put(id, BatchSnapshot.of(batchId, id, data, 100)));
                }
            }
        });
        query.start().awaitTermination();
        return first;
    }

    /** Each marked row of {@code snapshot} as {@code value of column 'name' @ file:line}. */
    private static List<String> marked(BatchSnapshot snapshot) {
        int name = snapshot.schema().indexOf("name");
        return snapshot.malformed().stream()
                .map(m -> snapshot.rows().get(m.row()).get(name) + " @ " + m.file() + ":" + m.line()).sorted().toList();
    }

    @Test
    void theSourceMarksEachMalformedRowWithItsFileAndLine() throws Exception {
        Map<String, BatchSnapshot> batch = firstBatch("PERMISSIVE");

        assertThat(marked(batch.get("files"))).containsExactly("four @ b.csv:1", "two @ a.csv:2");
    }

    @Test
    void filtersProjectionsAndUnionsKeepTheMarksOfTheRowsTheyPassOn() throws Exception {
        Map<String, BatchSnapshot> batch = firstBatch("PERMISSIVE");

        assertThat(marked(batch.get("keep"))).containsExactly("four @ b.csv:1", "two @ a.csv:2");
        assertThat(marked(batch.get("upper"))).containsExactly("FOUR @ b.csv:1", "TWO @ a.csv:2");
        assertThat(marked(batch.get("both"))).containsExactly("FOUR @ b.csv:1", "TWO @ a.csv:2", "four @ b.csv:1",
                "two @ a.csv:2");
        assertThat(batch.get("both").totalRows()).isEqualTo(9);
    }

    @Test
    void anAggregationsGroupsCarryNoMark() throws Exception {
        Map<String, BatchSnapshot> batch = firstBatch("PERMISSIVE");

        assertThat(batch.get("counts").totalRows()).isEqualTo(1);
        assertThat(batch.get("counts").malformed()).isEmpty();
    }

    @Test
    void droppedRecordsLeaveNoMark() throws Exception {
        Map<String, BatchSnapshot> batch = firstBatch("DROPMALFORMED");

        assertThat(batch.get("files").totalRows()).isEqualTo(3);
        assertThat(batch.get("files").malformed()).isEmpty();
    }
}
