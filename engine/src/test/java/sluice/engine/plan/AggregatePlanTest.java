package sluice.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import sluice.engine.diag.Problem;
import sluice.engine.pipeline.PipelineJson;
import sluice.engine.pipeline.PipelineSpec;

class AggregatePlanTest {
    private static final String SOURCE = """
            {"id": "in", "type": "source.rate"},
            """;

    private final Planner planner = new Planner(NodeCatalog.standard());

    private Planner.Result plan(String nodes) {
        PipelineSpec spec = PipelineJson.parse("{\"format\": \"sluice/1\", \"name\": \"t\", \"nodes\": [" + SOURCE
                + nodes + "]}").spec();
        return planner.plan(spec, new PlanEnvironment(Path.of("."), ZoneOffset.UTC));
    }

    @Test
    void anAggregationGivesItsKeysThenItsAggregatesWithSparksNamesAndTypes() {
        Planner.Result result = plan("""
                {"id": "agg", "type": "transform.aggregate", "inputs": ["in"],
                 "options": {"groupBy": ["value % 3"], "aggregations": ["count(*)", "avg(value) AS a",
                  "max(timestamp)"]}},
                {"id": "out", "type": "sink.memory", "inputs": ["agg"], "options": {"queryName": "q",
                 "outputMode": "update"}}
                """);

        assertThat(result.problems()).isEmpty();
        assertThat(result.schemas().get("agg").toDdl())
                .isEqualTo("`(value % 3)` BIGINT, `count(1)` BIGINT, a DOUBLE, `max(timestamp)` TIMESTAMP");
    }

    @Test
    void appendAfterAnAggregationIsRefusedWithSparksReason() {
        Planner.Result result = plan("""
                {"id": "agg", "type": "transform.aggregate", "inputs": ["in"],
                 "options": {"aggregations": ["count(*)"]}},
                {"id": "out", "type": "sink.memory", "inputs": ["agg"], "options": {"queryName": "q",
                 "outputMode": "append"}}
                """);

        assertThat(result.problems()).extracting(Problem::render).containsExactly(
                "out / outputMode: [STREAMING_OUTPUT_MODE.UNSUPPORTED_OPERATION] Invalid streaming output mode: "
                        + "append. This output mode is not supported for streaming aggregations without watermark on "
                        + "streaming DataFrames/DataSets; use 'update' or 'complete', or group by the event time of a "
                        + "'transform.watermark' above (or a window over it)");
    }

    @Test
    void sinksAfterOneAggregationMustShareAnOutputMode() {
        Planner.Result result = plan("""
                {"id": "agg", "type": "transform.aggregate", "inputs": ["in"],
                 "options": {"aggregations": ["count(*)"]}},
                {"id": "all", "type": "sink.memory", "inputs": ["agg"], "options": {"queryName": "a",
                 "outputMode": "complete"}},
                {"id": "changed", "type": "sink.memory", "inputs": ["agg"], "options": {"queryName": "c",
                 "outputMode": "update"}}
                """);

        assertThat(result.problems()).extracting(Problem::render).containsExactly(
                "changed / outputMode: the sinks after aggregation 'agg' must use one output mode, as they share its "
                        + "state, but one uses 'complete' and this one 'update'");
    }

    @Test
    void problemsOfAnAggregationAreOnItsElementWithTheirPosition() {
        Planner.Result result = plan("""
                {"id": "agg", "type": "transform.aggregate", "inputs": ["in"],
                 "options": {"groupBy": ["valu"], "aggregations": ["count(*)", "median(value)", "sum(value, 1)",
                  "value"]}},
                {"id": "out", "type": "sink.memory", "inputs": ["agg"], "options": {"queryName": "q",
                 "outputMode": "update"}}
                """);

        assertThat(result.problems()).extracting(Problem::render).containsExactly(
                "agg / groupBy #1, 1:1: unknown column 'valu'; did you mean 'value'?",
                "agg / aggregations #2, 1:1: 'median' is not an aggregate function; use one of count, sum, avg, "
                        + "mean, min, max, first, last, max_by, min_by, stddev, std, stddev_samp, stddev_pop, "
                        + "variance, var_samp, var_pop, collect_list, collect_set, approx_count_distinct",
                "agg / aggregations #3, 1:1: [WRONG_NUM_ARGS.WITHOUT_SUGGESTION] function 'sum' takes 1 argument "
                        + "but 2 were given",
                "agg / aggregations #4, 1:1: an aggregation is a call of an aggregate function such as 'avg(Close)' "
                        + "or 'count(*)'; group by a column in 'groupBy' instead");
    }

    @Test
    void aMapCannotBeAGroupingKey() {
        Planner.Result result = plan("""
                {"id": "agg", "type": "transform.aggregate", "inputs": ["in"],
                 "options": {"groupBy": ["map('k', value) AS m"], "aggregations": ["count(*)"]}},
                {"id": "out", "type": "sink.memory", "inputs": ["agg"], "options": {"queryName": "q",
                 "outputMode": "update"}}
                """);

        assertThat(result.problems()).extracting(Problem::render).containsExactly(
                "agg / groupBy #1: [GROUP_EXPRESSION_TYPE_IS_NOT_ORDERABLE] cannot group by 'm' of type "
                        + "MAP<STRING, BIGINT>: maps cannot be compared");
    }
}
