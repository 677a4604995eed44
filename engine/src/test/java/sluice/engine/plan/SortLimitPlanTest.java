package sluice.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import sluice.engine.diag.Problem;
import sluice.engine.expr.parse.SortOrder;
import sluice.engine.operator.LimitOperator;
import sluice.engine.operator.StreamingLimitOperator;
import sluice.engine.pipeline.PipelineJson;
import sluice.engine.pipeline.PipelineSpec;

/** Spark's rules for sorts and limits on a stream, and how a limit is planned in each output mode. */
class SortLimitPlanTest {
    private static final String SOURCE = """
            {"id": "in", "type": "source.rate"},
            {"id": "agg", "type": "transform.aggregate", "inputs": ["in"],
             "options": {"groupBy": ["value % 3 AS k"], "aggregations": ["count(*) AS n"]}},
            """;

    private final Planner planner = new Planner(NodeCatalog.standard());

    private Planner.Result plan(String nodes) {
        PipelineSpec spec = PipelineJson.parse("{\"format\": \"sluice/1\", \"name\": \"t\", \"nodes\": [" + SOURCE
                + nodes + "]}").spec();
        return planner.plan(spec, new PlanEnvironment(Path.of("."), ZoneOffset.UTC));
    }

    @Test
    void aSortKeyTakesSparksDirectionAndNullOrdering() {
        assertThat(SortOrder.parse("n")).isEqualTo(new SortOrder("n", true, true));
        assertThat(SortOrder.parse("upper(s) DESC")).isEqualTo(new SortOrder("upper(s)", false, false));
        assertThat(SortOrder.parse("n asc nulls last")).isEqualTo(new SortOrder("n", true, false));
        assertThat(SortOrder.parse("desc")).isEqualTo(new SortOrder("desc", true, true));
    }

    @Test
    void aSortOfAnAggregationInUpdateModeIsRefusedWithSparksReasonOnTheSink() {
        Planner.Result result = plan("""
                {"id": "sorted", "type": "transform.sort", "inputs": ["agg"], "options": {"orderBy": ["n DESC"]}},
                {"id": "out", "type": "sink.memory", "inputs": ["sorted"],
                 "options": {"queryName": "q", "outputMode": "update"}}
                """);

        assertThat(result.problems()).extracting(Problem::render).containsExactly("out / outputMode: Sorting is not "
                + "supported on streaming DataFrames/Datasets, unless it is on aggregated DataFrame/Dataset in "
                + "Complete output mode; 'sorted' sorts the rows of this update sink");
    }

    @Test
    void aLimitInUpdateModeIsRefusedWithSparksReasonOnTheSink() {
        Planner.Result result = plan("""
                {"id": "top", "type": "transform.limit", "inputs": ["agg"], "options": {"n": "2"}},
                {"id": "out", "type": "sink.memory", "inputs": ["top"],
                 "options": {"queryName": "q", "outputMode": "update"}}
                """);

        assertThat(result.problems()).extracting(Problem::render).containsExactly("out / outputMode: Limits are not "
                + "supported on streaming DataFrames/Datasets in Update output mode; 'top' limits the rows of this "
                + "sink");
    }

    @Test
    void aLimitIsOfEachResultTableAfterAnAggregationAndOfTheStreamWithout() {
        Planner.Result result = plan("""
                {"id": "top", "type": "transform.limit", "inputs": ["agg"], "options": {"n": "2"}},
                {"id": "out", "type": "sink.memory", "inputs": ["top"],
                 "options": {"queryName": "q", "outputMode": "complete"}},
                {"id": "first", "type": "transform.limit", "inputs": ["in"], "options": {"n": "2"}},
                {"id": "rows", "type": "sink.memory", "inputs": ["first"],
                 "options": {"queryName": "r", "outputMode": "append"}}
                """);

        assertThat(result.problems()).isEmpty();
        assertThat(operator(result, "top")).isInstanceOf(LimitOperator.class);
        assertThat(operator(result, "first")).isInstanceOf(StreamingLimitOperator.class);
    }

    private static Object operator(Planner.Result result, String nodeId) {
        return result.plan().steps().stream().filter(step -> step.nodeId().equals(nodeId))
                .map(step -> ((PlannedNode.TransformNode) step.node()).operator()).findFirst().orElseThrow();
    }
}
