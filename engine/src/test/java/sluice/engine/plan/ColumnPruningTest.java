package sluice.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sluice.engine.diag.SluiceException;
import sluice.engine.pipeline.PipelineJson;
import sluice.engine.pipeline.Trigger;
import sluice.engine.runtime.EngineEnvironment;
import sluice.engine.runtime.QueryOptions;
import sluice.engine.runtime.StreamingQuery;
import sluice.engine.sink.MemoryTables;
import sluice.engine.types.Row;

/** CSV column pruning as Spark does it: only the columns a query reads are parsed. */
class ColumnPruningTest {
    @TempDir
    Path folder;

    private final MemoryTables memory = new MemoryTables();

    private List<Row> run(String expressions, boolean prune) throws Exception {
        Files.createDirectories(folder.resolve("in"));
        Files.writeString(folder.resolve("in/a.csv"), "name,price,qty\nx,1.5,2\ny,abc,3\nz,2.5\n");
        String pipeline = """
                {"name": "p", "nodes": [
                  {"id": "in", "type": "source.file", "options": {"path": "in", "format": "csv", "header": "true",
                   "schema": "name STRING, price DOUBLE, qty INT", "mode": "FAILFAST"}},
                  {"id": "s", "type": "transform.select", "inputs": ["in"], "options": {"expressions": [%s]}},
                  {"id": "out", "type": "sink.memory", "inputs": ["s"], "options": {"queryName": "out"}}]}
                """.formatted(expressions);
        PlanEnvironment environment = new PlanEnvironment(folder, ZoneOffset.UTC);
        Planner.Result result = new Planner(NodeCatalog.standard()).plan(PipelineJson.parse(pipeline).spec(),
                prune ? environment : environment.withoutColumnPruning());
        assertThat(result.problems()).isEmpty();
        StreamingQuery.create(result.plan(), new QueryOptions(new Trigger.Once(), null, 0),
                new EngineEnvironment(new PrintStream(new ByteArrayOutputStream()), memory, Clock.systemUTC(),
                        ZoneOffset.UTC, 2)).start().awaitTermination();
        return memory.table("out").orElseThrow().rows();
    }

    @Test
    void aBadValueInAColumnTheQueryDoesNotReadIsNoMalformedRecord() throws Exception {
        List<Row> rows = run("\"upper(name) AS name\"", true);

        assertThat(rows).containsExactly(Row.of("X"), Row.of("Y"), Row.of("Z"));
    }

    @Test
    void theSameFileFailsWhenTheQueryReadsTheBadColumn() {
        assertThatThrownBy(() -> run("\"name\", \"price\"", true)).isInstanceOf(SluiceException.class)
                .hasMessageContaining("malformed CSV record in 'a.csv' line 3");
    }

    @Test
    void withoutPruningEveryColumnIsParsed() {
        assertThatThrownBy(() -> run("\"upper(name) AS name\"", false)).isInstanceOf(SluiceException.class)
                .hasMessageContaining("malformed CSV record in 'a.csv'");
    }
}
