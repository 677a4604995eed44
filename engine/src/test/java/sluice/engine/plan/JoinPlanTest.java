package sluice.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sluice.engine.diag.Problem;
import sluice.engine.pipeline.PipelineJson;
import sluice.engine.pipeline.PipelineSpec;

/** transform.join's checks: Spark's streaming join rules and reasons, its columns, and where a static table may go. */
class JoinPlanTest {
    /** A stream (rate: timestamp, value) and a static table (value, label). */
    private static final String SOURCES = """
            {"id": "stream", "type": "source.rate"},
            {"id": "table", "type": "source.file", "options": {"path": "labels.csv", "format": "csv",
             "schema": "value BIGINT, label STRING", "static": "true"}},
            """;

    @TempDir
    Path dir;

    private final Planner planner = new Planner(NodeCatalog.standard());

    @BeforeEach
    void writeTable() throws IOException {
        Files.writeString(dir.resolve("labels.csv"), "1,one\n2,two\n");
    }

    private Planner.Result plan(String nodes) {
        PipelineSpec spec = PipelineJson.parse("{\"format\": \"sluice/1\", \"name\": \"t\", \"nodes\": [" + SOURCES
                + nodes + "]}").spec();
        return planner.plan(spec, new PlanEnvironment(dir, ZoneOffset.UTC));
    }

    private Planner.Result join(String left, String right, String options) {
        return plan("""
                {"id": "j", "type": "transform.join", "inputs": ["%s", "%s"], "options": {%s}},
                {"id": "out", "type": "sink.memory", "inputs": ["j"], "options": {"queryName": "q"}}
                """.formatted(left, right, options));
    }

    @Test
    void aConditionJoinGivesTheLeftColumnsThenTheRightOnes() {
        Planner.Result result = join("stream", "table", "\"on\": \"length(label) > 2\"");

        assertThat(result.problems()).isEmpty();
        assertThat(result.schemas().get("j").toDdl())
                .isEqualTo("timestamp TIMESTAMP, value BIGINT, value BIGINT, label STRING");
    }

    @Test
    void usingColumnsComeOnceAndFirstAndAnOuterSideBecomesNullable() {
        Planner.Result result = join("stream", "table", "\"usingColumns\": [\"VALUE\"], \"how\": \"left\"");

        assertThat(result.problems()).isEmpty();
        assertThat(result.schemas().get("j").fields()).extracting(f -> f.name() + " " + f.nullable())
                .containsExactly("value false", "timestamp false", "label true");
    }

    @Test
    void semiAndAntiJoinsGiveTheLeftColumnsOnly() {
        assertThat(join("stream", "table", "\"usingColumns\": [\"value\"], \"how\": \"left_semi\"").schemas()
                .get("j").toDdl()).isEqualTo("value BIGINT, timestamp TIMESTAMP");
        assertThat(join("stream", "table", "\"on\": \"value > 1\", \"how\": \"anti\"").problems())
                .extracting(Problem::render).containsExactly("j / on, 1:1: ambiguous column 'value'; it matches "
                        + "'value', 'value'");
    }

    @Test
    void aStreamTakesOnlyTheJoinTypesSparkAllowsWithAStaticTable() {
        assertThat(join("stream", "table", "\"usingColumns\": [\"value\"], \"how\": \"right_outer\"").problems())
                .extracting(Problem::render).containsExactly("j / how: RightOuter join with a streaming "
                        + "DataFrame/Dataset on the left and a static DataFrame/DataSet on the right not supported");
        assertThat(join("stream", "table", "\"usingColumns\": [\"value\"], \"how\": \"full\"").problems())
                .extracting(Problem::render).containsExactly("j / how: FullOuter joins with streaming "
                        + "DataFrames/Datasets on the left and a static DataFrame/Dataset on the right is not "
                        + "supported");
        assertThat(join("table", "stream", "\"usingColumns\": [\"value\"], \"how\": \"left_outer\"").problems())
                .extracting(Problem::render).containsExactly("j / how: LeftOuter join with a streaming "
                        + "DataFrame/Dataset on the right and a static DataFrame/Dataset on the left is not supported");
        assertThat(join("table", "stream", "\"usingColumns\": [\"value\"], \"how\": \"left_anti\"").problems())
                .extracting(Problem::render).containsExactly("j / how: LeftAnti joins with a streaming "
                        + "DataFrame/Dataset on the right are not supported");
        for (String allowed : new String[] {"inner", "cross", "left_outer", "left_semi", "left_anti"}) {
            assertThat(join("stream", "table", "\"usingColumns\": [\"value\"], \"how\": \"" + allowed + "\"")
                    .problems()).as(allowed).isEmpty();
        }
        assertThat(join("table", "stream", "\"usingColumns\": [\"value\"], \"how\": \"right_outer\"").problems())
                .isEmpty();
    }

    @Test
    void twoStreamsJoinInnerOnAnEqualityInAppendModeOnly() {
        String twoStreams = """
                {"id": "other", "type": "source.rate"},
                {"id": "j", "type": "transform.join", "inputs": ["stream", "other"], "options": {%s}},
                {"id": "out", "type": "sink.memory", "inputs": ["j"], "options": {"queryName": "q", "outputMode": "%s"}}
                """;

        assertThat(plan(twoStreams.formatted("\"usingColumns\": [\"value\"]", "append")).problems()).isEmpty();
        assertThat(plan(twoStreams.formatted("\"usingColumns\": [\"value\"]", "update")).problems())
                .extracting(Problem::render).containsExactly("out / outputMode: Join between two streaming "
                        + "DataFrames/Datasets is not supported in Update output mode, only in Append output mode");
        assertThat(plan(twoStreams.formatted("\"how\": \"inner\"", "append")).problems())
                .extracting(Problem::render).containsExactly("j / how: Stream-stream join without equality predicate "
                        + "is not supported.");
        assertThat(plan(twoStreams.formatted("\"usingColumns\": [\"value\"], \"how\": \"left_outer\"", "append"))
                .problems()).extracting(Problem::render).containsExactly("j / how: Stream-stream LeftOuter join "
                        + "between two streaming DataFrame/Datasets is not supported without a watermark in the join "
                        + "keys, or a watermark on the nullable side and an appropriate range condition");
    }

    @Test
    void outerAndSemiJoinsOfTwoStreamsNeedAWatermarkThatBoundsTheRowsWaitingForAMatch() {
        String twoStreams = """
                {"id": "wl", "type": "transform.watermark", "inputs": ["stream"],
                 "options": {"eventTime": "timestamp", "delayThreshold": "10 seconds"}},
                {"id": "other", "type": "source.rate"},
                {"id": "o", "type": "transform.select", "inputs": ["other"],
                 "options": {"expressions": ["value AS v2", "timestamp AS t2"]}},
                {"id": "wr", "type": "transform.watermark", "inputs": ["o"],
                 "options": {"eventTime": "t2", "delayThreshold": "10 seconds"}},
                {"id": "j", "type": "transform.join", "inputs": ["%s", "wr"], "options": {%s}},
                {"id": "out", "type": "sink.memory", "inputs": ["j"], "options": {"queryName": "q"}}
                """;
        String range = "\"on\": \"value = v2 AND t2 BETWEEN timestamp AND timestamp + INTERVAL 1 MINUTE\"";

        assertThat(plan(twoStreams.formatted("wl", range + ", \"how\": \"left_outer\"")).problems()).isEmpty();
        assertThat(plan(twoStreams.formatted("wl", range + ", \"how\": \"left_semi\"")).problems()).isEmpty();
        assertThat(plan(twoStreams.formatted("wl", "\"on\": \"value = v2 AND timestamp = t2\", \"how\": "
                + "\"full_outer\"")).problems()).isEmpty();
        // The right rows wait for a left match: their bound comes from the left watermark, which is missing.
        assertThat(plan(twoStreams.formatted("stream", range + ", \"how\": \"right_outer\"")).problems())
                .extracting(Problem::render).containsExactly("j / how: Stream-stream RightOuter join between two "
                        + "streaming DataFrame/Datasets is not supported without a watermark in the join keys, or a "
                        + "watermark on the nullable side and an appropriate range condition");
    }

    @Test
    void aUsingColumnMissingOnASideIsNamedWithThatSidesColumns() {
        assertThat(join("stream", "table", "\"usingColumns\": [\"label\"]").problems()).extracting(Problem::render)
                .containsExactly("j / usingColumns: [UNRESOLVED_USING_COLUMN_FOR_JOIN] USING column `label` cannot be "
                        + "resolved on the left side of the join. The left-side columns: [`timestamp`, `value`].");
        assertThat(join("stream", "table", "\"usingColumns\": [\"value\"], \"on\": \"true\"").problems())
                .extracting(Problem::render).containsExactly("j / usingColumns: give either 'on' (a condition) or "
                        + "'usingColumns' (names both inputs have), not both");
    }

    @Test
    void aStaticTableGoesIntoAJoinNotIntoASinkOrAnAggregation() {
        assertThat(plan("""
                {"id": "out", "type": "sink.memory", "inputs": ["table"], "options": {"queryName": "q"}}
                """).problems()).extracting(Problem::render).containsExactly("out / inputs: "
                + "[WRITE_STREAM_NOT_ALLOWED] `writeStream` can be called only on streaming Dataset/DataFrame; input "
                + "'table' is a static table (source.file with static: true): join it with a stream first");
        assertThat(plan("""
                {"id": "s", "type": "transform.select", "inputs": ["stream"], "options": {"expressions": ["value"]}},
                {"id": "t", "type": "transform.select", "inputs": ["table"], "options": {"expressions": ["value"]}},
                {"id": "u", "type": "transform.union", "inputs": ["s", "t"]},
                {"id": "out", "type": "sink.memory", "inputs": ["u"], "options": {"queryName": "q"}}
                """).problems()).extracting(Problem::render).containsExactly("u / inputs: Union between streaming "
                + "and batch "
                + "DataFrames/Datasets is not supported");
        assertThat(plan("""
                {"id": "agg", "type": "transform.aggregate", "inputs": ["table"],
                 "options": {"aggregations": ["count(*)"]}},
                {"id": "j", "type": "transform.join", "inputs": ["stream", "agg"], "options": {}},
                {"id": "out", "type": "sink.memory", "inputs": ["j"], "options": {"queryName": "q"}}
                """).problems()).extracting(Problem::render).containsExactly("agg / inputs: transform.aggregate over "
                + "a static table alone is not supported yet: it would fold the same rows into its state every batch; "
                + "apply it to the stream");
    }
}
