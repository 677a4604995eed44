package sluice.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.Problem;
import sluice.engine.pipeline.NodeKind;
import sluice.engine.pipeline.PipelineJson;
import sluice.engine.pipeline.Trigger;
import sluice.engine.runtime.EngineEnvironment;
import sluice.engine.runtime.QueryOptions;
import sluice.engine.runtime.StreamingQuery;
import sluice.engine.sink.MemoryTables;
import sluice.engine.types.AtomicType;
import sluice.engine.types.Field;
import sluice.engine.types.Row;
import sluice.engine.types.Schema;

class TransformsTest {
    private static final Schema STOCKS = Schema.of(Field.of("Name", AtomicType.STRING),
            Field.of("Open", AtomicType.DOUBLE), Field.of("Close", AtomicType.DOUBLE));
    private static final List<Row> ROWS = List.of(Row.of("AAPL", 10.0, 12.5), Row.of("MSFT", 20.0, 19.0),
            Row.of("GOOG", null, 30.0));
    private static final NodeKind FIXED = new NodeKind("test.stocks", NodeKind.Category.SOURCE, 0, 0, List.of(),
            "three stock rows");
    private static final NodeKind OTHER = new NodeKind("test.more", NodeKind.Category.SOURCE, 0, 0, List.of(),
            "one more stock row");

    private final MemoryTables memory = new MemoryTables();

    private static NodeCatalog catalog() {
        List<NodeType> types = new ArrayList<>(NodeCatalog.standard().types());
        types.add(new NodeType(FIXED, c -> Optional.of(new PlannedNode.SourceNode(new FixedRowsSource(STOCKS, ROWS)))));
        types.add(new NodeType(OTHER, c -> Optional.of(new PlannedNode.SourceNode(
                new FixedRowsSource(STOCKS, List.of(Row.of("AMZN", 1.0, 2.0)))))));
        return new NodeCatalog(types);
    }

    private Planner.Result plan(String nodes) {
        return new Planner(catalog()).plan(PipelineJson.parse("{\"name\": \"t\", \"nodes\": [" + nodes + "]}").spec(),
                new PlanEnvironment(Path.of("."), ZoneOffset.UTC));
    }

    /** Runs the transforms into a memory sink after {@code lastId}, or as they are when that is null. */
    private MemoryTables.Table run(String transforms, String lastId) {
        Planner.Result result = plan("{\"id\": \"in\", \"type\": \"test.stocks\"}, " + transforms
                + (lastId == null ? "" : ", {\"id\": \"out\", \"type\": \"sink.memory\", \"inputs\": [\""
                + lastId + "\"], \"options\": {\"queryName\": \"out\"}}"));
        assertThat(result.problems()).isEmpty();
        EngineEnvironment environment = new EngineEnvironment(new PrintStream(new ByteArrayOutputStream()), memory,
                Clock.systemUTC(), ZoneOffset.UTC, 2);
        StreamingQuery.create(result.plan(), new QueryOptions(new Trigger.Once(), null, 0), environment).start()
                .awaitTermination();
        return memory.table("out").orElseThrow();
    }

    @Test
    void selectComputesColumnsWithSparkNamesAndAliases() {
        MemoryTables.Table table = run("""
                {"id": "s", "type": "transform.select", "inputs": ["in"],
                 "options": {"expressions": ["name", "Close - Open", "upper(Name) AS shout"]}}""", "s");

        assertThat(table.schema().names()).containsExactly("name", "(Close - Open)", "shout");
        assertThat(table.rows()).containsExactly(Row.of("AAPL", 2.5, "AAPL"), Row.of("MSFT", -1.0, "MSFT"),
                Row.of("GOOG", null, "GOOG"));
    }

    @Test
    void selectStarKeepsEveryColumnAndMayAddMore() {
        MemoryTables.Table table = run("""
                {"id": "s", "type": "transform.select", "inputs": ["in"],
                 "options": {"expressions": ["*", "Close > Open AS up"]}}""", "s");

        assertThat(table.schema().names()).containsExactly("Name", "Open", "Close", "up");
        assertThat(table.rows()).extracting(r -> r.get(3)).containsExactly(true, false, null);
    }

    @Test
    void withColumnReplacesAColumnInPlaceIgnoringCase() {
        MemoryTables.Table table = run("""
                {"id": "w", "type": "transform.withColumn", "inputs": ["in"],
                 "options": {"name": "close", "expression": "Close * 2"}}""", "w");

        assertThat(table.schema().names()).containsExactly("Name", "Open", "close");
        assertThat(table.rows()).extracting(r -> r.get(2)).containsExactly(25.0, 38.0, 60.0);
    }

    @Test
    void withColumnAddsANewColumnAtTheEnd() {
        MemoryTables.Table table = run("""
                {"id": "w", "type": "transform.withColumn", "inputs": ["in"],
                 "options": {"name": "result", "expression": "Open + 1"}}""", "w");

        assertThat(table.schema().names()).containsExactly("Name", "Open", "Close", "result");
        assertThat(table.rows()).extracting(r -> r.get(3)).containsExactly(11.0, 21.0, null);
    }

    @Test
    void filterDropsRowsWhereTheConditionIsFalseOrNull() {
        MemoryTables.Table table = run("""
                {"id": "f", "type": "transform.filter", "inputs": ["in"], "options": {"condition": "Close > Open"}}""",
                "f");

        assertThat(table.rows()).containsExactly(Row.of("AAPL", 10.0, 12.5));
    }

    @Test
    void filterAfterASelectResolvesTheColumnItDroppedAsSparksAnalyzerDoes() {
        MemoryTables.Table table = run("""
                {"id": "s", "type": "transform.select", "inputs": ["in"], "options": {"expressions": ["Name", "Open"]}},
                {"id": "w", "type": "transform.withColumn", "inputs": ["s"],
                 "options": {"name": "shout", "expression": "upper(Name)"}},
                {"id": "s2", "type": "transform.select", "inputs": ["w"], "options": {"expressions": ["shout"]}},
                {"id": "w2", "type": "transform.withColumn", "inputs": ["s2"],
                 "options": {"name": "low", "expression": "lower(shout)"}},
                {"id": "f", "type": "transform.filter", "inputs": ["w2"], "options": {"condition": "Close > Open"}}""",
                "f");

        assertThat(table.schema().names()).containsExactly("shout", "low");
        assertThat(table.rows()).containsExactly(Row.of("AAPL", "aapl"));
    }

    @Test
    void filterAfterASelectKeepsTheSelectsOwnOutputForItsOtherReaders() {
        Planner.Result result = plan("""
                {"id": "in", "type": "test.stocks"},
                {"id": "s", "type": "transform.select", "inputs": ["in"], "options": {"expressions": ["Name"]}},
                {"id": "f", "type": "transform.filter", "inputs": ["s"], "options": {"condition": "Close > 20"}},
                {"id": "out", "type": "sink.noop", "inputs": ["s"]},
                {"id": "out2", "type": "sink.noop", "inputs": ["f"]}
                """);

        assertThat(result.problems()).isEmpty();
        assertThat(result.schemas().get("s").names()).containsExactly("Name");
        assertThat(result.schemas().get("f").names()).containsExactly("Name");
    }

    @Test
    void filterLooksForADroppedColumnThroughDropDuplicatesAsSparksAnalyzerDoes() {
        MemoryTables.Table table = run("""
                {"id": "s", "type": "transform.select", "inputs": ["in"], "options": {"expressions": ["Name",
                 "Close"]}},
                {"id": "d", "type": "transform.dropDuplicates", "inputs": ["s"]},
                {"id": "f", "type": "transform.filter", "inputs": ["d"], "options": {"condition": "Open > 15"}}""",
                "f");

        assertThat(table.schema().fields()).extracting(Field::name).containsExactly("Name", "Close");
        assertThat(table.rows()).containsExactly(Row.of("MSFT", 19.0));
    }

    @Test
    void sortAfterASelectOfAnAggregationSortsByTheGroupingColumnItDropped() {
        MemoryTables.Table table = run("""
                {"id": "a", "type": "transform.aggregate", "inputs": ["in"],
                 "options": {"groupBy": ["Name"], "aggregations": ["sum(Close) AS total"]}},
                {"id": "s", "type": "transform.select", "inputs": ["a"], "options": {"expressions": ["total"]}},
                {"id": "o", "type": "transform.sort", "inputs": ["s"], "options": {"orderBy": ["Name"]}},
                {"id": "out", "type": "sink.memory", "inputs": ["o"],
                 "options": {"queryName": "out", "outputMode": "complete"}}""", null);

        assertThat(table.schema().names()).containsExactly("total");
        assertThat(table.rows()).containsExactly(Row.of(12.5), Row.of(30.0), Row.of(19.0));
    }

    @Test
    void filterAfterAnAggregationCannotReachAColumnThatIsNoGroupingColumn() {
        Planner.Result result = plan("""
                {"id": "in", "type": "test.stocks"},
                {"id": "a", "type": "transform.aggregate", "inputs": ["in"],
                 "options": {"groupBy": ["Name"], "aggregations": ["count(*) AS n"]}},
                {"id": "s", "type": "transform.select", "inputs": ["a"], "options": {"expressions": ["n"]}},
                {"id": "f", "type": "transform.filter", "inputs": ["s"], "options": {"condition": "Close > 1"}},
                {"id": "out", "type": "sink.noop", "inputs": ["f"], "options": {"outputMode": "complete"}}
                """);

        assertThat(result.problems()).extracting(Problem::code).containsExactly(ErrorCode.UNKNOWN_COLUMN);
        assertThat(result.problems().get(0).where().nodeId()).isEqualTo("f");
    }

    @Test
    void unionAppendsTheRowsOfEveryInputInOrder() {
        MemoryTables.Table table = run("""
                {"id": "more", "type": "test.more"},
                {"id": "u", "type": "transform.union", "inputs": ["in", "more"]}""", "u");

        assertThat(table.rows()).extracting(r -> r.get(0)).containsExactly("AAPL", "MSFT", "GOOG", "AMZN");
    }

    @Test
    void unionCastsEachColumnToTheWiderTypeOfItsInputs() {
        MemoryTables.Table table = run("""
                {"id": "more", "type": "test.more"},
                {"id": "a", "type": "transform.select", "inputs": ["in"],
                 "options": {"expressions": ["Name", "CAST(Close AS INT) AS c"]}},
                {"id": "b", "type": "transform.select", "inputs": ["more"], "options": {"expressions": ["Name",
                 "Close"]}},
                {"id": "u", "type": "transform.union", "inputs": ["a", "b"]}""", "u");

        assertThat(table.rows()).extracting(r -> r.get(1)).containsExactly(12.0, 19.0, 30.0, 2.0);
    }

    @Test
    void unionOfColumnsWithoutAWiderTypeIsAProblem() {
        Planner.Result result = plan("""
                {"id": "in", "type": "test.stocks"},
                {"id": "more", "type": "test.more"},
                {"id": "a", "type": "transform.select", "inputs": ["in"], "options": {"expressions": ["Name",
                 "Open > 1"]}},
                {"id": "b", "type": "transform.select", "inputs": ["more"], "options": {"expressions": ["Name",
                 "Close"]}},
                {"id": "u", "type": "transform.union", "inputs": ["a", "b"]},
                {"id": "out", "type": "sink.noop", "inputs": ["u"]}
                """);

        assertThat(result.problems()).extracting(Problem::render).containsExactly(
                "u / inputs: [INCOMPATIBLE_COLUMN_TYPE] UNION can only be performed on inputs with compatible column "
                        + "types; the second column of the second input is \"DOUBLE\" type which is not compatible "
                        + "with \"BOOLEAN\" at the same column of the first input; cast it first");
    }

    @Test
    void inspectorsSeeEveryNodesRowsAndProgressCountsThem() {
        Planner.Result result = plan("""
                {"id": "in", "type": "test.stocks"},
                {"id": "s", "type": "transform.select", "inputs": ["in"], "options": {"expressions": ["Name",
                 "Close"]}},
                {"id": "f", "type": "transform.filter", "inputs": ["s"], "options": {"condition": "Close > 20"}},
                {"id": "out", "type": "sink.noop", "inputs": ["f"]}
                """);
        java.util.Map<String, Long> seen = new java.util.LinkedHashMap<>();
        java.util.List<sluice.engine.runtime.QueryProgress> progress = new java.util.ArrayList<>();
        EngineEnvironment environment = new EngineEnvironment(new PrintStream(new ByteArrayOutputStream()), memory,
                Clock.systemUTC(), ZoneOffset.UTC, 2);

        StreamingQuery.create(result.plan(), new QueryOptions(new Trigger.Once(), null, 0), environment)
                .addListener(new sluice.engine.runtime.QueryListener() {
                    @Override
                    public boolean wantsBatchData() {
                        return true;
                    }

                    @Override
                    public void onBatchData(long batchId,
                                            java.util.Map<String, sluice.engine.types.PartitionedBatch> outputs) {
                        outputs.forEach((id, data) -> seen.put(id, data.rowCount()));
                    }

                    @Override
                    public void onProgress(sluice.engine.runtime.QueryProgress event) {
                        progress.add(event);
                    }
                }).start().awaitTermination();

        assertThat(seen).containsExactly(java.util.Map.entry("in", 3L), java.util.Map.entry("s", 3L),
                java.util.Map.entry("f", 1L), java.util.Map.entry("out", 1L));
        assertThat(progress.get(0).numRowsByNode()).isEqualTo(seen);
        assertThat(progress.get(0).numInputRows()).isEqualTo(3);
        assertThat(progress.get(0).sinks().get(0).numOutputRows()).isEqualTo(1);
    }

    @Test
    void progressCountsEveryNodesRowsWhenNobodyKeepsThem() {
        Planner.Result result = plan("""
                {"id": "in", "type": "test.stocks"},
                {"id": "s", "type": "transform.select", "inputs": ["in"], "options": {"expressions": ["Name",
                 "Close"]}},
                {"id": "f", "type": "transform.filter", "inputs": ["s"], "options": {"condition": "Close > 20"}},
                {"id": "out", "type": "sink.noop", "inputs": ["f"]}
                """);
        EngineEnvironment environment = new EngineEnvironment(new PrintStream(new ByteArrayOutputStream()), memory,
                Clock.systemUTC(), ZoneOffset.UTC, 2);

        StreamingQuery query = StreamingQuery.create(result.plan(), new QueryOptions(new Trigger.Once(), null, 0),
                environment).start();
        query.awaitTermination();

        assertThat(query.lastProgress().orElseThrow().numRowsByNode()).containsExactly(
                java.util.Map.entry("in", 3L), java.util.Map.entry("s", 3L), java.util.Map.entry("f", 1L),
                java.util.Map.entry("out", 1L));
    }

    @Test
    void expressionProblemsNameTheNodeOptionAndColumn() {
        Planner.Result result = plan("""
                {"id": "in", "type": "test.stocks"},
                {"id": "s", "type": "transform.select", "inputs": ["in"],
                 "options": {"expressions": ["Name", "Close - Opn"]}},
                {"id": "f", "type": "transform.filter", "inputs": ["in"], "options": {"condition": "upper(Name)"}},
                {"id": "out", "type": "sink.noop", "inputs": ["s"]},
                {"id": "out2", "type": "sink.noop", "inputs": ["f"]}
                """);

        assertThat(result.problems()).extracting(Problem::render).containsExactly(
                "s / expressions #2, 1:9: unknown column 'Opn'; did you mean 'Open'?",
                "f / condition: the condition must be BOOLEAN, but 'upper(Name)' is STRING");
    }

    @Test
    void unionOfDifferentColumnCountsIsAProblem() {
        Planner.Result result = plan("""
                {"id": "in", "type": "test.stocks"},
                {"id": "more", "type": "test.more"},
                {"id": "narrow", "type": "transform.select", "inputs": ["more"], "options": {"expressions": ["Name"]}},
                {"id": "u", "type": "transform.union", "inputs": ["in", "narrow"]},
                {"id": "out", "type": "sink.noop", "inputs": ["u"]}
                """);

        assertThat(result.problems()).extracting(Problem::render).containsExactly(
                "u / inputs: [NUM_COLUMNS_MISMATCH] UNION can only be performed on inputs with the same number of "
                        + "columns, but the first input has 3 columns and the second input has 1 columns");
    }
}
