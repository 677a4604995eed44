package sluice.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.Problem;
import sluice.engine.pipeline.PipelineJson;
import sluice.engine.pipeline.PipelineSpec;

class PlannerTest {
    private final Planner planner = new Planner(NodeCatalog.standard());

    private Planner.Result plan(String nodes) {
        PipelineSpec spec = PipelineJson.parse("{\"format\": \"sluice/1\", \"name\": \"t\", \"nodes\": ["
                        + nodes + "]}")
                .spec();
        return planner.plan(spec, new PlanEnvironment(Path.of("."), ZoneOffset.UTC));
    }

    @Test
    void validPipelineHasAPlanInTopologicalOrder() {
        Planner.Result result = plan("""
                {"id": "out", "type": "sink.noop", "inputs": ["rate"]},
                {"id": "rate", "type": "source.rate", "options": {"rowsPerSecond": "10"}}
                """);

        assertThat(result.problems()).isEmpty();
        assertThat(result.plan().steps()).extracting(QueryPlan.Step::nodeId).containsExactly("rate", "out");
        assertThat(result.schemas().get("out").toDdl()).isEqualTo("timestamp TIMESTAMP, value BIGINT");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        Planner.Result result = plan("""
                {"id": "rate", "type": "source.rat"},
                {"id": "r2", "type": "source.rate", "options": {"rowsPerSecnd": "5", "rampUpTime": "soon"}},
                {"id": "sock", "type": "source.socket", "options": {"host": "127.0.0.1"}},
                {"id": "a", "type": "sink.noop", "inputs": ["b"]},
                {"id": "b", "type": "sink.noop", "inputs": ["a"]},
                {"id": "lonely", "type": "sink.noop"},
                {"id": "mem", "type": "sink.memory", "inputs": ["r2"], "options": {"queryName": "x",
                 "outputMode": "sometimes"}}
                """);

        assertThat(result.isValid()).isFalse();
        assertThat(result.problems()).extracting(Problem::render).containsExactly(
                "rate / type: unknown node type 'source.rat'; did you mean 'source.rate'?",
                "r2 / rowsPerSecnd: source.rate has no option 'rowsPerSecnd'; did you mean 'rowsPerSecond'?",
                "r2 / rampUpTime: 'rampUpTime' must be a duration such as '10 seconds' or '5s', not 'soon'",
                "sock / port: required option 'port' is missing: Port of the TCP server",
                "lonely / inputs: sink has no input; connect a source or transform to it",
                "mem / outputMode: 'outputMode' must be one of append, update, complete, not 'sometimes'",
                "b / inputs: the pipeline has a cycle: b -> a -> b; data must flow from sources to sinks");
        assertThat(result.problems()).extracting(Problem::code).contains(ErrorCode.CYCLE, ErrorCode.UNKNOWN_OPTION);
    }

    @Test
    void aNodeAfterABrokenOneShowsOnlyWhatItsTextGetsWrong() {
        // The rate source's columns are unknown while it is broken: naming them is no problem yet, a typo in the text
        // is.
        Planner.Result result = plan("""
                {"id": "rate", "type": "source.rate", "options": {"rowsPerSecond": "many"}},
                {"id": "sums", "type": "transform.aggregate", "inputs": ["rate"],
                 "options": {"groupBy": ["value % 2"], "aggregations": ["sum(value) AS s", "max(timestamp"]}},
                {"id": "once", "type": "transform.dropDuplicates", "inputs": ["rate"],
                 "options": {"columns": ["value"]}},
                {"id": "a", "type": "sink.noop", "inputs": ["sums"], "options": {"outputMode": "update"}},
                {"id": "b", "type": "sink.noop", "inputs": ["once"]}
                """);

        assertThat(result.problems()).extracting(Problem::render).containsExactly(
                "rate / rowsPerSecond: 'rowsPerSecond' must be a whole number, not 'many'",
                "sums / aggregations #2, 1:14: expected ')' but found end of input");
    }

    @Test
    void inputCountsAreChecked() {
        Planner.Result result = plan("""
                {"id": "rate", "type": "source.rate"},
                {"id": "both", "type": "transform.union", "inputs": ["rate"]},
                {"id": "out", "type": "sink.noop", "inputs": ["both", "rate"]},
                {"id": "ghost", "type": "sink.noop", "inputs": ["rat"]}
                """);

        assertThat(result.problems()).extracting(Problem::render).containsExactly(
                "both / inputs: transform.union takes at least 2 inputs, but 1 is connected",
                "out / inputs: sink.noop takes exactly 1 input, but 2 are connected",
                "ghost / inputs: input 'rat' is not a node of this pipeline; did you mean 'rate'?");
    }

    @Test
    void duplicateIdsAndMissingSinkAreProblems() {
        assertThat(plan("""
                {"id": "rate", "type": "source.rate"},
                {"id": "rate", "type": "source.rate"},
                {"id": "out", "type": "sink.noop", "inputs": ["rate"]}
                """).problems()).extracting(Problem::render)
                .containsExactly("rate: two nodes have the id 'rate'; ids must be unique");
        assertThat(plan("{\"id\": \"rate\", \"type\": \"source.rate\"}").problems()).extracting(Problem::render)
                .containsExactly("the pipeline has no sink; add one (such as sink.console) so its rows go somewhere");
    }

    @Test
    void completeModeNeedsAnAggregationAsInSpark() {
        Planner.Result result = plan("""
                {"id": "rate", "type": "source.rate"},
                {"id": "out", "type": "sink.memory", "inputs": ["rate"],
                 "options": {"queryName": "q", "outputMode": "complete"}}
                """);

        assertThat(result.problems()).extracting(Problem::render).containsExactly(
                "out / outputMode: [STREAMING_OUTPUT_MODE.UNSUPPORTED_OPERATION] Invalid streaming output mode: "
                        + "complete. This output mode is not supported for no streaming aggregations on streaming "
                        + "DataFrames/DataSets; use 'append' or 'update'");
    }

    @Test
    void optionNamesMatchIgnoringCaseAsSparkOptionsDo() {
        Planner.Result result = plan("""
                {"id": "rate", "type": "source.rate", "options": {"rowspersecond": "7"}},
                {"id": "out", "type": "sink.noop", "inputs": ["rate"]}
                """);

        assertThat(result.problems()).isEmpty();
    }

    @Test
    void chartColumnsMustExistAndBeNumeric() {
        Planner.Result result = plan("""
                {"id": "rate", "type": "source.rate"},
                {"id": "chart", "type": "sink.chart", "inputs": ["rate"],
                 "options": {"x": "timestamp", "y": ["valu", "timestamp"], "kind": "pie"}}
                """);

        assertThat(result.problems()).extracting(Problem::render).containsExactly(
                "chart / kind: 'kind' must be one of line, bar, scatter, not 'pie'");
        Planner.Result columns = plan("""
                {"id": "rate", "type": "source.rate"},
                {"id": "chart", "type": "sink.chart", "inputs": ["rate"],
                 "options": {"x": "timestamp", "y": ["valu", "timestamp"]}}
                """);
        assertThat(columns.problems()).extracting(Problem::render).containsExactly(
                "chart / y: unknown column 'valu'; did you mean 'value'?",
                "chart / y: column 'timestamp' is TIMESTAMP; a chart draws numeric columns");
    }

    @Test
    void tableAndChartSinksPlanLikeAnyOtherSink() {
        Planner.Result result = plan("""
                {"id": "rate", "type": "source.rate"},
                {"id": "table", "type": "sink.table", "inputs": ["rate"]},
                {"id": "chart", "type": "sink.chart", "inputs": ["rate"], "options": {"x": "timestamp", "y": "value"}}
                """);

        assertThat(result.problems()).isEmpty();
        assertThat(result.plan().sinks()).extracting(QueryPlan.Step::nodeId).containsExactly("table", "chart");
    }

    @Test
    void anIdWithAControlCharacterIsRefusedAndShownEscaped() {
        Planner.Result result = plan("""
                {"id": "rate\\nout: valid", "type": "source.rate"},
                {"id": "out", "type": "sink.noop", "inputs": ["rate\\nout: valid"]}
                """);

        assertThat(result.problems()).extracting(Problem::render).containsExactly(
                "rate\\nout: valid: node id 'rate\\nout: valid' holds a control character; use letters, digits and "
                        + "signs such as '-'");
        assertThat(result.problems()).extracting(Problem::code).containsExactly(ErrorCode.INVALID_NODE_ID);
        assertThat(result.problems().get(0).where().nodeId()).isEqualTo("rate\nout: valid");
    }

    @Test
    void twoMemorySinksCannotShareAQueryNameAsTwoSparkQueriesCannot() {
        Planner.Result result = plan("""
                {"id": "rate", "type": "source.rate"},
                {"id": "first", "type": "sink.memory", "inputs": ["rate"], "options": {"queryName": "rows"}},
                {"id": "other", "type": "sink.memory", "inputs": ["rate"], "options": {"queryName": "others"}},
                {"id": "second", "type": "sink.memory", "inputs": ["rate"], "options": {"QUERYNAME": "rows"}}
                """);

        assertThat(result.problems()).extracting(Problem::render).containsExactly(
                "second / QUERYNAME: Cannot start query with name 'rows' as a query with that name is already active "
                        + "(sink 'first'); give each sink its own queryName");
    }

    @Test
    void anOptionSetTwiceInDifferentCaseIsAProblem() {
        Planner.Result result = plan("""
                {"id": "rate", "type": "source.rate", "options": {"rowsPerSecond": "1", "ROWSPERSECOND": "2"}},
                {"id": "out", "type": "sink.noop", "inputs": ["rate"]}
                """);

        assertThat(result.problems()).extracting(Problem::render).containsExactly(
                "rate / ROWSPERSECOND: option 'ROWSPERSECOND' is set twice, also as 'rowsPerSecond'; option names "
                        + "ignore case");
    }

    @Test
    void aLongCycleIsShownByItsEnds() {
        StringBuilder nodes = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            nodes.append(i == 0 ? "" : ",").append("{\"id\": \"n").append(i).append("\", \"type\": \"sink.noop\", ")
                    .append("\"inputs\": [\"n").append((i + 29) % 30).append("\"]}");
        }

        Planner.Result result = plan(nodes.toString());

        assertThat(result.problems()).extracting(Problem::render).containsExactly("n1 / inputs: the pipeline has a "
                + "cycle: n1 -> n2 -> n3 -> n4 -> n5 -> ... 21 more ... -> n27 -> n28 -> n29 -> n0 -> n1; data must "
                + "flow from sources to sinks");
    }

    @Test
    void onlyTheFirstHundredUnknownInputsGetASuggestion() {
        StringBuilder nodes = new StringBuilder("{\"id\": \"source\", \"type\": \"source.rate\"}");
        for (int i = 0; i < InputSuggestions.LIMIT + 1; i++) {
            nodes.append(",{\"id\": \"out").append(i).append("\", \"type\": \"sink.noop\", \"inputs\": [\"sourse\"]}");
        }

        Planner.Result result = plan(nodes.toString());

        assertThat(result.problems()).hasSize(InputSuggestions.LIMIT + 1);
        assertThat(result.problems().get(InputSuggestions.LIMIT - 1).render())
                .isEqualTo("out99 / inputs: input 'sourse' is not a node of this pipeline; did you mean 'source'?");
        assertThat(result.problems().get(InputSuggestions.LIMIT).render())
                .isEqualTo("out100 / inputs: input 'sourse' is not a node of this pipeline");
    }

    @Test
    void aChainOfFortyThousandNodesPlansInOrder() {
        Planner.Result result = plan(chain(40_000));

        assertThat(result.problems()).isEmpty();
        assertThat(result.plan().steps()).hasSize(40_002);
        assertThat(result.plan().steps().get(40_001).nodeId()).isEqualTo("out");
    }

    @Test
    void aChainFourTimesAsLongPlansToo() {
        // Nothing walks the graph by recursion, so the depth of a chain cannot overflow the stack.
        Planner.Result result = plan(chain(160_000));

        assertThat(result.problems()).isEmpty();
        assertThat(result.plan().steps()).hasSize(160_002);
    }

    /** A rate source, {@code length} filters one after the other (written last to first), and a sink. */
    static String chain(int length) {
        StringBuilder nodes = new StringBuilder("{\"id\": \"out\", \"type\": \"sink.noop\", \"inputs\": [\"f")
                .append(length).append("\"]}");
        for (int i = length; i >= 1; i--) {
            nodes.append(",{\"id\": \"f").append(i).append("\", \"type\": \"transform.filter\", \"inputs\": [\"")
                    .append(i == 1 ? "rate" : "f" + (i - 1))
                    .append("\"], \"options\": {\"condition\": \"value > 0\"}}");
        }
        return nodes.append(",{\"id\": \"rate\", \"type\": \"source.rate\"}").toString();
    }
}
