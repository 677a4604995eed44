package sluice.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import sluice.engine.diag.Problem;
import sluice.engine.operator.WatermarkOperator;
import sluice.engine.pipeline.PipelineJson;
import sluice.engine.pipeline.PipelineSpec;

/** transform.watermark and window() in groupBy: their schemas, Spark's checks, and the append-mode rule. */
class WatermarkPlanTest {
    private static final String SOURCE = """
            {"id": "in", "type": "source.rate"},
            """;

    private final Planner planner = new Planner(NodeCatalog.standard());

    private Planner.Result plan(String nodes) {
        PipelineSpec spec = PipelineJson.parse("{\"format\": \"sluice/1\", \"name\": \"t\", \"nodes\": [" + SOURCE
                + nodes + "]}").spec();
        return planner.plan(spec, new PlanEnvironment(Path.of("."), ZoneOffset.UTC));
    }

    private static String watermark(String eventTime, String delay) {
        return """
                {"id": "wm", "type": "transform.watermark", "inputs": ["in"],
                 "options": {"eventTime": "%s", "delayThreshold": "%s"}},
                """.formatted(eventTime, delay);
    }

    private static String aggregate(String groupBy, String mode) {
        return """
                {"id": "agg", "type": "transform.aggregate", "inputs": ["wm"],
                 "options": {"groupBy": [%s], "aggregations": ["count(*)"]}},
                {"id": "out", "type": "sink.memory", "inputs": ["agg"], "options": {"queryName": "q",
                 "outputMode": "%s"}}
                """.formatted(groupBy, mode);
    }

    @Test
    void aWindowKeyIsSparksWindowStructAndAppendIsAllowedOnTheWatermarkedTime() {
        Planner.Result result = plan(watermark("timestamp", "10 seconds")
                + aggregate("\"window(timestamp, '10 minutes', '5 minutes')\"", "append"));

        assertThat(result.problems()).isEmpty();
        assertThat(result.schemas().get("wm").toDdl()).isEqualTo("timestamp TIMESTAMP, value BIGINT");
        assertThat(result.schemas().get("agg").toDdl())
                .isEqualTo("window STRUCT<start: TIMESTAMP, end: TIMESTAMP>, `count(1)` BIGINT");
    }

    @Test
    void appendWithoutTheEventTimeAmongTheKeysIsRefusedWithSparksReason() {
        Planner.Result result = plan(watermark("timestamp", "10 seconds") + aggregate("\"value % 2\"", "append"));

        assertThat(result.problems()).extracting(Problem::render).containsExactly(
                "out / outputMode: [STREAMING_OUTPUT_MODE.UNSUPPORTED_OPERATION] Invalid streaming output mode: "
                        + "append. This output mode is not supported for streaming aggregations without watermark on "
                        + "streaming DataFrames/DataSets; use 'update' or 'complete', or group by the event time of a "
                        + "'transform.watermark' above (or a window over it)");
    }

    @Test
    void theEventTimeMustBeATimestampColumn() {
        Planner.Result result = plan(watermark("value", "10 seconds") + aggregate("\"value\"", "update"));

        assertThat(result.problems()).extracting(Problem::render).containsExactly(
                "wm / eventTime: [EVENT_TIME_IS_NOT_ON_TIMESTAMP_TYPE] The event time 'value' has the invalid type "
                        + "BIGINT, but expected \"TIMESTAMP\"; cast it first, as in 'CAST(value AS TIMESTAMP) AS "
                        + "value' in a select");
    }

    @Test
    void theDelayMustBeADuration() {
        Planner.Result result = plan(watermark("timestamp", "soon") + aggregate("\"value\"", "update"));

        assertThat(result.problems()).extracting(Problem::render).containsExactly(
                "wm / delayThreshold: 'delayThreshold' must be a duration such as '10 seconds' or '5s', not 'soon'");
    }

    @Test
    void aDelayOfMonthsCountsAMonthAsThirtyOneDaysAsSparkDoes() {
        Planner.Result result = plan(watermark("timestamp", "1 month 2 days")
                + aggregate("\"window(timestamp, '10 minutes')\"", "append"));

        assertThat(result.problems()).isEmpty();
        WatermarkOperator watermark = result.plan().steps().stream().filter(step -> step.nodeId().equals("wm"))
                .map(step -> (WatermarkOperator) ((PlannedNode.TransformNode) step.node()).operator())
                .findFirst().orElseThrow();
        assertThat(watermark.delayMs()).isEqualTo(Duration.ofDays(33).toMillis());
    }

    @Test
    void aSlideLongerThanTheWindowIsRefusedWithSparksMessage() {
        Planner.Result result = plan(watermark("timestamp", "10 seconds")
                + aggregate("\"window(timestamp, '1 minute', '2 minutes')\"", "update"));

        assertThat(result.problems()).extracting(Problem::render).containsExactly(
                "agg / groupBy #1, 1:31: The slide duration (120000000) must be less than or equal to the "
                        + "windowDuration (60000000).");
    }

    @Test
    void aWindowOfMonthsIsRefusedAsSparkRefusesIt() {
        Planner.Result result = plan(watermark("timestamp", "10 seconds")
                + aggregate("\"window(timestamp, '1 month')\"", "update"));

        assertThat(result.problems()).extracting(Problem::render).containsExactly(
                "agg / groupBy #1, 1:19: Intervals greater than a month is not supported (1 month).");
    }

    /** A second aggregation windowing the first one's windows, over the watermark on the rate source's timestamp. */
    private static String chain(String secondKey, String mode) {
        return watermark("timestamp", "10 seconds") + """
                {"id": "agg", "type": "transform.aggregate", "inputs": ["wm"],
                 "options": {"groupBy": ["window(timestamp, '10 seconds')"], "aggregations": ["count(*) AS c"]}},
                {"id": "agg2", "type": "transform.aggregate", "inputs": ["agg"],
                 "options": {"groupBy": ["%s"], "aggregations": ["sum(c)"]}},
                {"id": "out", "type": "sink.memory", "inputs": ["agg2"],
                 "options": {"queryName": "q", "outputMode": "%s"}}
                """.formatted(secondKey, mode);
    }

    @Test
    void aWindowOfAnAggregationsWindowsRunsInAppendModeAsSparkRunsIt() {
        Planner.Result viaWindowTime = plan(chain("window(window_time(window), '1 minute')", "append"));
        Planner.Result viaWindow = plan(chain("window(window, '1 minute')", "append"));

        assertThat(viaWindowTime.problems()).isEmpty();
        assertThat(viaWindow.problems()).isEmpty();
        assertThat(viaWindow.schemas().get("agg2").toDdl())
                .isEqualTo("window STRUCT<start: TIMESTAMP, end: TIMESTAMP>, `sum(c)` BIGINT");
    }

    @Test
    void anAggregationAfterAnAggregationInUpdateModeIsRefusedWithSparksReason() {
        Planner.Result result = plan(chain("window(window_time(window), '1 minute')", "update"));

        assertThat(result.problems()).extracting(Problem::render).containsExactly("out / outputMode: Detected "
                + "pattern of possible 'correctness' issue due to global watermark. The query contains stateful "
                + "operation which can emit rows older than the current watermark plus allowed late record delay, "
                + "which are \"late rows\" in downstream stateful operations and these rows can be discarded; "
                + "'agg2' follows aggregation 'agg' in update mode (only append mode lets a stateful operator follow "
                + "an aggregation)");
    }

    @Test
    void aRenamedEventTimeKeepsItsWatermark() {
        Planner.Result result = plan(watermark("timestamp", "10 seconds") + """
                {"id": "names", "type": "transform.select", "inputs": ["wm"],
                 "options": {"expressions": ["timestamp AS t", "value"]}},
                {"id": "agg", "type": "transform.aggregate", "inputs": ["names"],
                 "options": {"groupBy": ["window(t, '10 seconds')"], "aggregations": ["count(*)"]}},
                {"id": "out", "type": "sink.memory", "inputs": ["agg"],
                 "options": {"queryName": "q", "outputMode": "append"}}
                """);

        assertThat(result.problems()).isEmpty();
    }
}
