package sluice.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import sluice.engine.diag.Problem;
import sluice.engine.pipeline.NodeKind;
import sluice.engine.pipeline.PipelineJson;
import sluice.engine.pipeline.Trigger;
import sluice.engine.runtime.EngineEnvironment;
import sluice.engine.runtime.QueryOptions;
import sluice.engine.runtime.StreamingQuery;
import sluice.engine.sink.MemoryTables;
import sluice.engine.types.ArrayType;
import sluice.engine.types.AtomicType;
import sluice.engine.types.Field;
import sluice.engine.types.MapType;
import sluice.engine.types.MapValue;
import sluice.engine.types.Row;
import sluice.engine.types.Schema;

/** Generators in transform.select and transform.withColumn: the rows they make, their names, and where they fail. */
class GeneratorsTest {
    private static final Schema INPUT = Schema.of(Field.of("id", AtomicType.INT),
            Field.of("tags", new ArrayType(AtomicType.STRING, true)),
            Field.of("m", MapType.of(AtomicType.STRING, AtomicType.INT)), Field.of("json", AtomicType.STRING));
    private static final List<Row> ROWS = List.of(
            Row.of(1, List.of("a", "b"), new MapValue(List.of("x", "y"), List.of(1, 2)), "{\"a\": 1, \"b\": \"s\"}"),
            Row.of(2, List.of(), MapValue.EMPTY, "{\"a\": [1, 2], \"a\": {\"c\": null}, \"b\": null}"),
            Row.of(3, null, null, "not json"),
            Row.of(4, Arrays.asList("c", null), new MapValue(List.of("z"), Arrays.asList((Object) null)), null));
    private static final NodeKind FIXED = new NodeKind("test.rows", NodeKind.Category.SOURCE, 0, 0, List.of(),
            "four rows with arrays and maps");

    private final MemoryTables memory = new MemoryTables();

    private static Planner.Result plan(String transform) {
        List<NodeType> types = new ArrayList<>(NodeCatalog.standard().types());
        types.add(new NodeType(FIXED, c -> Optional.of(new PlannedNode.SourceNode(new FixedRowsSource(INPUT, ROWS)))));
        return new Planner(new NodeCatalog(types)).plan(PipelineJson.parse("{\"name\": \"t\", \"nodes\": ["
                + "{\"id\": \"in\", \"type\": \"test.rows\"}, " + transform + ", {\"id\": \"out\", \"type\": "
                + "\"sink.memory\", \"inputs\": [\"g\"], \"options\": {\"queryName\": \"out\"}}]}").spec(),
                new PlanEnvironment(Path.of("."), ZoneOffset.UTC));
    }

    private MemoryTables.Table select(String... expressions) {
        return run("{\"id\": \"g\", \"type\": \"transform.select\", \"inputs\": [\"in\"], \"options\": "
                + "{\"expressions\": [" + String.join(", ", Arrays.stream(expressions).map(GeneratorsTest::quoted)
                .toList()) + "]}}");
    }

    private MemoryTables.Table run(String transform) {
        Planner.Result result = plan(transform);
        assertThat(result.problems()).isEmpty();
        EngineEnvironment environment = new EngineEnvironment(new PrintStream(new ByteArrayOutputStream()), memory,
                Clock.systemUTC(), ZoneOffset.UTC, 2);
        StreamingQuery.create(result.plan(), new QueryOptions(new Trigger.Once(), null, 0), environment).start()
                .awaitTermination();
        return memory.table("out").orElseThrow();
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static List<String> problems(String transform) {
        return plan(transform).problems().stream().map(Problem::render).toList();
    }

    @Test
    void explodeGivesARowPerElementWithTheOtherColumnsRepeated() {
        MemoryTables.Table table = select("id", "explode(tags)", "id * 10 AS tens");

        assertThat(table.schema().names()).containsExactly("id", "col", "tens");
        assertThat(table.rows()).containsExactly(Row.of(1, "a", 10), Row.of(1, "b", 10), Row.of(4, "c", 40),
                Row.of(4, null, 40));
    }

    @Test
    void explodeOuterGivesARowOfNullsForANullOrEmptyArray() {
        MemoryTables.Table table = select("explode_outer(tags) AS tag", "id");

        assertThat(table.schema().names()).containsExactly("tag", "id");
        assertThat(table.rows()).containsExactly(Row.of("a", 1), Row.of("b", 1), Row.of(null, 2), Row.of(null, 3),
                Row.of("c", 4), Row.of(null, 4));
    }

    @Test
    void posexplodeOfAMapGivesPositionKeyAndValueUnderTheAliasesGiven() {
        MemoryTables.Table table = select("id", "posexplode(m) AS (p, k, v)");

        assertThat(table.schema().names()).containsExactly("id", "p", "k", "v");
        assertThat(table.rows()).containsExactly(Row.of(1, 0, "x", 1), Row.of(1, 1, "y", 2), Row.of(4, 0, "z", null));
    }

    @Test
    void twoGeneratorsMultiplyTheirRowsTheFirstOutermost() {
        MemoryTables.Table table = select("id", "explode(tags)", "explode(m)");

        assertThat(table.schema().names()).containsExactly("id", "col", "key", "value");
        assertThat(table.rows()).containsExactly(Row.of(1, "a", "x", 1), Row.of(1, "a", "y", 2),
                Row.of(1, "b", "x", 1), Row.of(1, "b", "y", 2), Row.of(4, "c", "z", null),
                Row.of(4, null, "z", null));
    }

    @Test
    void inlineGivesTheFieldsOfEveryStruct() {
        MemoryTables.Table table = select("id", "inline(array(named_struct('n', id, 's', 'x'), NULL))");

        assertThat(table.schema().names()).containsExactly("id", "n", "s");
        assertThat(table.rows()).containsExactly(Row.of(1, 1, "x"), Row.of(1, null, null), Row.of(2, 2, "x"),
                Row.of(2, null, null), Row.of(3, 3, "x"), Row.of(3, null, null), Row.of(4, 4, "x"),
                Row.of(4, null, null));
    }

    @Test
    void stackLaysTheValuesOutInRowsPaddingWithNulls() {
        MemoryTables.Table table = select("stack(2, id, 'a', NULL)", "id");

        assertThat(table.schema().names()).containsExactly("col0", "col1", "id");
        assertThat(table.rows()).startsWith(Row.of(1, "a", 1), Row.of(null, null, 1), Row.of(2, "a", 2));
        assertThat(table.rows()).hasSize(8);
    }

    @Test
    void jsonTupleReadsTopLevelFieldsAsTextTheLastOfANameWinning() {
        MemoryTables.Table table = select("id", "json_tuple(json, 'a', 'b', 'a')");

        assertThat(table.schema().names()).containsExactly("id", "c0", "c1", "c2");
        assertThat(table.rows()).containsExactly(Row.of(1, "1", "s", "1"), Row.of(2, "{\"c\":null}", null,
                "{\"c\":null}"), Row.of(3, null, null, null), Row.of(4, null, null, null));
    }

    @Test
    void withColumnTakesAGeneratorOfOneColumn() {
        MemoryTables.Table table = run("""
                {"id": "g", "type": "transform.withColumn", "inputs": ["in"],
                 "options": {"name": "tags", "expression": "explode(tags)"}}""");

        assertThat(table.schema().names()).containsExactly("id", "tags", "m", "json");
        assertThat(table.rows()).extracting(r -> r.get(1)).containsExactly("a", "b", "c", null);
    }

    @Test
    void aGeneratorInsideAnotherExpressionIsAProblem() {
        assertThat(problems("""
                {"id": "g", "type": "transform.select", "inputs": ["in"],
                 "options": {"expressions": ["id", "size(explode(tags))"]}}""")).containsExactly(
                "g / expressions #2, 1:6: [UNSUPPORTED_GENERATOR.NESTED_IN_EXPRESSIONS] the generator 'explode' is "
                        + "not supported nested in expressions 'size(explode(tags))'; it must be a whole expression "
                        + "of transform.select or transform.withColumn");
    }

    @Test
    void aGeneratorInAFilterIsAProblem() {
        assertThat(problems("""
                {"id": "g", "type": "transform.filter", "inputs": ["in"],
                 "options": {"condition": "explode(tags) = 'a'"}}""")).containsExactly(
                "g / condition, 1:1: [UNSUPPORTED_GENERATOR.OUTSIDE_SELECT] the generator 'explode' is not "
                        + "supported outside a select; it may be a whole expression of transform.select or "
                        + "transform.withColumn only");
    }

    @Test
    void aGeneratorInsideAnAggregationIsNestedAsInSpark() {
        assertThat(problems("""
                {"id": "g", "type": "transform.aggregate", "inputs": ["in"],
                 "options": {"groupBy": ["id"], "aggregations": ["count(explode(tags)) AS n"]}}""")).containsExactly(
                "g / aggregations #1, 1:7: [UNSUPPORTED_GENERATOR.NESTED_IN_EXPRESSIONS] the generator 'explode' is "
                        + "not supported nested in expressions 'count(explode(tags)) AS n'; it must be a whole "
                        + "expression of transform.select or transform.withColumn");
    }

    @Test
    void stackRefusesARowCountThatReadsAColumn() {
        assertThat(problems("""
                {"id": "g", "type": "transform.select", "inputs": ["in"],
                 "options": {"expressions": ["stack(id, 1, 2)"]}}""")).containsExactly(
                "g / expressions #1, 1:7: [DATATYPE_MISMATCH.NON_FOLDABLE_INPUT] stack's row count must be a "
                        + "constant INT, but 'id' reads a column");
    }

    @Test
    void namedArgumentsTakeTheirPlacesAsInSpark() {
        MemoryTables.Table table = run("""
                {"id": "g", "type": "transform.select", "inputs": ["in"],
                 "options": {"expressions": ["id", "explode(collection => tags) AS tag"]}}""");

        assertThat(table.schema().names()).containsExactly("id", "tag");
        assertThat(table.rows()).extracting(r -> r.get(1)).containsExactly("a", "b", "c", null);
    }

    @Test
    void aliasesMustNameEveryColumnOfTheGenerator() {
        assertThat(problems("""
                {"id": "g", "type": "transform.select", "inputs": ["in"],
                 "options": {"expressions": ["posexplode(tags) AS x"]}}""")).containsExactly(
                "g / expressions #1, 1:1: posexplode makes 2 columns but 1 name was given: x");
    }

    @Test
    void withColumnRefusesAGeneratorOfTwoColumns() {
        assertThat(problems("""
                {"id": "g", "type": "transform.withColumn", "inputs": ["in"],
                 "options": {"name": "x", "expression": "posexplode(tags)"}}""")).containsExactly(
                "g / expression: posexplode(tags) makes 2 columns but withColumn names one; use transform.select "
                        + "with AS (...) instead");
    }

    @Test
    void stackRefusesValuesOfDifferentTypesInAColumn() {
        assertThat(problems("""
                {"id": "g", "type": "transform.select", "inputs": ["in"],
                 "options": {"expressions": ["stack(2, id, 'a')"]}}""")).containsExactly(
                "g / expressions #1, 1:14: stack's column 0 has type INT, but 'a' has type STRING");
    }

    @Test
    void aListOfNamesOnAnExpressionThatIsNoGeneratorIsAProblem() {
        assertThat(problems("""
                {"id": "g", "type": "transform.select", "inputs": ["in"],
                 "options": {"expressions": ["id AS (a, b)"]}}""")).containsExactly(
                "g / expressions #1, 1:3: a list of names, AS (a, b), names the columns of a generator such as "
                        + "posexplode; give this expression one name");
    }

    @Test
    void aListOfNamesOnAnAggregationIsAProblemAsInSpark() {
        assertThat(problems("""
                {"id": "g", "type": "transform.aggregate", "inputs": ["in"],
                 "options": {"groupBy": ["id"], "aggregations": ["count(*) AS n", "max(id) AS (a, b)"]}}"""))
                .containsExactly("g / aggregations #2, 1:8: a list of names, AS (a, b), names the columns of a "
                        + "generator such as posexplode; give this expression one name");
    }

    @Test
    void aListOfNamesOnAWindowGroupingIsAProblemAsInSpark() {
        assertThat(problems("""
                {"id": "g", "type": "transform.aggregate", "inputs": ["in"],
                 "options": {"groupBy": ["window(id, '1 minute') AS (s, e)"], "aggregations": ["count(*)"]}}"""))
                .containsExactly("g / groupBy #1, 1:23: a list of names, AS (s, e), names the columns of a "
                        + "generator such as posexplode; give this expression one name");
    }
}
