package sluice.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.SluiceException;
import sluice.engine.pipeline.PipelineJson;
import sluice.engine.pipeline.PipelineSpec;
import sluice.engine.pipeline.Trigger;
import sluice.engine.plan.NodeCatalog;
import sluice.engine.plan.PlanEnvironment;
import sluice.engine.plan.Planner;
import sluice.engine.sink.MemoryTables;

/**
 * A batch of an empty file still plans its operators: a constant that fails (as Spark's optimizer folds it while
 * planning) fails the batch, though no row reaches it.
 */
class EmptyBatchFoldingTest {
    @TempDir
    Path dir;

    private final MemoryTables memory = new MemoryTables();

    /** The failure of a query over one empty file, or null when it ends well. */
    private SluiceException runOverEmptyFile(String transform) throws Exception {
        Files.createDirectories(dir.resolve("in"));
        Files.writeString(dir.resolve("in/empty.csv"), "");
        PipelineSpec spec = PipelineJson.parse("""
                {"format": "sluice/1", "name": "t", "nodes": [
                  {"id": "files", "type": "source.file", "options": {"path": "in", "format": "csv",
                   "schema": "n INT, name STRING"}},
                  %s,
                  {"id": "out", "type": "sink.memory", "inputs": ["t"], "options": {"queryName": "out"}}
                ]}
                """.formatted(transform)).spec();
        Planner.Result plan = new Planner(NodeCatalog.standard()).plan(spec, new PlanEnvironment(dir, ZoneOffset.UTC));
        EngineEnvironment environment = new EngineEnvironment(new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8), memory, Clock.systemUTC(), ZoneOffset.UTC, 2);
        StreamingQuery query = StreamingQuery.create(plan.plan(),
                new QueryOptions(new Trigger.AvailableNow(), null, 0), environment);
        try {
            query.start().awaitTermination();
            return null;
        } catch (SluiceException failure) {
            return failure;
        }
    }

    @Test
    void failingConstantInASelectFailsTheEmptyBatch() throws Exception {
        SluiceException failure = runOverEmptyFile("""
                {"id": "t", "type": "transform.select", "inputs": ["files"],
                 "options": {"expressions": ["n", "CAST(1E38F AS DECIMAL(10, 2)) AS d"]}}""");

        assertThat(failure.problem().code()).isEqualTo(ErrorCode.ARITHMETIC_OVERFLOW);
        assertThat(failure.getMessage()).isEqualTo("t / expressions #2, 1:1: "
                + "[NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION] 99999996802856920000000000000000000000 cannot be "
                + "represented as Decimal(10, 2). If necessary set \"spark.sql.ansi.enabled\" to \"false\" to "
                + "bypass this error, and return NULL instead.");
        assertThat(memory.table("out")).isEmpty();
    }

    @Test
    void failingConstantInAFilterFailsTheEmptyBatch() throws Exception {
        SluiceException failure = runOverEmptyFile("""
                {"id": "t", "type": "transform.filter", "inputs": ["files"],
                 "options": {"condition": "n > 1 / 0"}}""");

        assertThat(failure.problem().code()).isEqualTo(ErrorCode.DIVIDE_BY_ZERO);
        assertThat(failure.getMessage()).isEqualTo("t / condition, 1:5: [DIVIDE_BY_ZERO] Division by zero. Use "
                + "`try_divide` to tolerate divisor being 0 and return NULL instead. If necessary set "
                + "\"spark.sql.ansi.enabled\" to \"false\" to bypass this error.");
    }

    @Test
    void failingConstantInABranchWaitsForARow() throws Exception {
        SluiceException failure = runOverEmptyFile("""
                {"id": "t", "type": "transform.select", "inputs": ["files"],
                 "options": {"expressions": ["CASE WHEN n > 0 THEN 1 / 0 END AS x"]}}""");

        assertThat(failure).isNull();
        assertThat(memory.table("out")).hasValueSatisfying(table -> assertThat(table.rows()).isEmpty());
    }
}
