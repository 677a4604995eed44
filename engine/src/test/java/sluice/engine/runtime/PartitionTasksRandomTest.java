package sluice.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sluice.engine.pipeline.Trigger;
import sluice.engine.plan.NodeCatalog;
import sluice.engine.plan.PipelineLoader;
import sluice.engine.sink.MemoryTables;
import sluice.engine.source.file.RowCollector;
import sluice.engine.types.Row;

/**
 * Every partition of a micro-batch is one task, as in Spark: a random function draws from one generator through all
 * of the partition's rows, however many chunks the source reads them in, and spark_partition_id() is the partition's
 * index also behind a node that is not fused to a source.
 */
class PartitionTasksRandomTest {
    @TempDir
    Path dir;

    private final MemoryTables memory = new MemoryTables();

    @Test
    void aPartitionReadInChunksDrawsOnFromOneGenerator() throws IOException {
        int lines = RowCollector.BATCH_ROWS * 2 + 10;
        writeLines("a", "a.txt", lines);

        List<Row> rows = run("""
                {"id": "in", "type": "source.file", "options": {"path": "a", "format": "text"}},
                {"id": "pick", "type": "transform.select", "inputs": ["in"],
                  "options": {"expressions": ["rand(7) AS r", "randstr(12, 7) AS s"]}},
                """, "pick");

        assertThat(rows).hasSize(lines);
        // Restarted per chunk, the second chunk's numbers would repeat the first's.
        assertThat(rows.stream().map(r -> r.get(0)).toList()).doesNotHaveDuplicates();
        assertThat(rows.stream().map(r -> r.get(1)).toList()).doesNotHaveDuplicates();
    }

    @Test
    void partitionsBehindAUnionKeepTheirIndex() throws IOException {
        writeLines("a", "a.txt", 3);
        writeLines("b", "b.txt", 2);

        List<Row> rows = run("""
                {"id": "a", "type": "source.file", "options": {"path": "a", "format": "text"}},
                {"id": "b", "type": "source.file", "options": {"path": "b", "format": "text"}},
                {"id": "both", "type": "transform.union", "inputs": ["a", "b"]},
                {"id": "pick", "type": "transform.select", "inputs": ["both"],
                  "options": {"expressions": ["value", "spark_partition_id() AS p"]}},
                """, "pick");

        assertThat(rows.stream().map(r -> r.get(0) + "@" + r.get(1)).sorted().toList())
                .containsExactly("line 0@0", "line 0@1", "line 1@0", "line 1@1", "line 2@0");
    }

    private List<Row> run(String nodes, String last) throws IOException {
        Path pipeline = dir.resolve("p.sluice.json");
        Files.writeString(pipeline, """
                {"format": "sluice/1", "name": "p", "nodes": [
                %s
                  {"id": "out", "type": "sink.memory", "inputs": ["%s"], "options": {"queryName": "out"}}
                ]}
                """.formatted(nodes, last), StandardCharsets.UTF_8);
        PipelineLoader.Loaded loaded = new PipelineLoader(NodeCatalog.standard()).load(pipeline);
        assertThat(loaded.problems()).isEmpty();
        EngineEnvironment environment = new EngineEnvironment(new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8), memory, Clock.systemUTC(), ZoneOffset.UTC, 2);

        StreamingQuery.create(loaded.plan(), new QueryOptions(new Trigger.AvailableNow(), null, 0), environment)
                .start().awaitTermination();

        return memory.table("out").orElseThrow().rows();
    }

    private void writeLines(String folder, String name, int count) throws IOException {
        Path file = Files.createDirectories(dir.resolve(folder)).resolve(name);
        Files.writeString(file, IntStream.range(0, count).mapToObj(i -> "line " + i + "\n")
                .collect(Collectors.joining()), StandardCharsets.UTF_8);
    }
}
