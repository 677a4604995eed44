package sluice.engine.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.Position;
import sluice.engine.diag.SluiceException;
import sluice.engine.expr.EvalContext;
import sluice.engine.expr.ExpressionCompiler;
import sluice.engine.expr.SchemaParser;
import sluice.engine.expr.CompiledExpression;
import sluice.engine.types.Batch;
import sluice.engine.types.ColumnVector;
import sluice.engine.types.Row;
import sluice.engine.types.Schema;
import sluice.engine.types.VectorBuilder;

/** One group of one aggregation run batch by batch as the aggregate operator runs it: update, end of batch, result. */
class AggregateFunctionsTest {
    private static final Schema INPUT = SchemaParser.parse("s STRING, x DOUBLE, d DECIMAL(10,2), i INT",
            Position.NOWHERE);

    private final AggregateCompiler compiler = new AggregateCompiler(new ExpressionCompiler(ZoneOffset.UTC));

    @Test
    void collectListKeepsTheValuesInArrivalOrderAcrossBatchesWithoutNulls() {
        List<Object> results = run("collect_list(s)", List.of(rows("b", null, "a"), rows(), rows("b", "c")));

        assertThat(results).containsExactly(List.of("b", "a"), List.of("b", "a"), List.of("b", "a", "b", "c"));
    }

    @Test
    void collectListOfOnlyNullsIsAnEmptyArray() {
        assertThat(run("collect_list(s)", List.of(rows((String) null)))).containsExactly(List.of());
    }

    @Test
    void collectSetKeepsEachValueOnceAcrossBatches() {
        List<Object> results = run("collect_set(s)", List.of(rows("b", "a", "b"), rows("c", "a", null)));

        assertThat(results).containsExactly(List.of("b", "a"), List.of("b", "a", "c"));
    }

    @Test
    void collectSetTakesMinusZeroForZeroAndKeepsEveryNaNAsSparksSetDoes() {
        List<Object> results = run("collect_set(x)", List.of(doubles(-0.0, Double.NaN), doubles(0.0, Double.NaN)));

        assertThat(results).containsExactly(List.of(-0.0, Double.NaN), List.of(-0.0, Double.NaN, Double.NaN));
    }

    @Test
    void avgOfDecimalsIsSparksDecimalDivisionRoundedHalfUpToScaleFour() {
        Row one = new Row(Arrays.asList(null, null, new BigDecimal("1.00"), null));
        Row two = new Row(Arrays.asList(null, null, new BigDecimal("2.00"), null));
        Row nothing = new Row(Arrays.asList(null, null, null, null));

        List<Object> results = run("avg(d)", List.of(List.of(nothing), List.of(one, two, two)));

        assertThat(results).containsExactly(null, new BigDecimal("1.666667"));
    }

    @Test
    void sumOfDoublesAddsABatchApartThenMergesItAsSparkDoes() {
        // Added one by one into 1e16 each 1.0 is lost to rounding; Spark sums the batch first (2.0), then merges.
        List<Object> results = run("sum(x)", List.of(doubles(1e16), doubles(1.0, 1.0)));

        assertThat(results).containsExactly(1e16, 1.0000000000000002e16);
    }

    @Test
    void avgOfDoublesAddsABatchApartThenMergesItAsSparkDoes() {
        List<Object> results = run("avg(x)", List.of(doubles(1e16), doubles(1.0, 1.0)));

        assertThat(results).containsExactly(1e16, 1.0000000000000002e16 / 3);
    }

    @Test
    void approxCountDistinctGivesSparksEstimateAcrossBatches() {
        // Spark's own example: approx_count_distinct over 1, 1, 2, 2, 3 is 3.
        List<Row> first = ints(1, 1, 2);
        List<Row> second = new ArrayList<>(ints(2, 3));
        second.add(new Row(Arrays.asList(null, null, null, null)));

        List<Object> results = run("approx_count_distinct(i)", List.of(List.of(), first, second));

        assertThat(results).containsExactly(0L, 2L, 3L);
    }

    @Test
    void approxCountDistinctTakesARelativeStandardDeviationAsADoubleLiteral() {
        AggregateCall call = compiler.compile("approx_count_distinct(s, 0.01)", INPUT, Position.NOWHERE);

        assertThat(call.name()).isEqualTo("approx_count_distinct(s)");
        assertThat(call.function()).isEqualTo(new ApproxCountDistinctFunction(INPUT.fields().get(0).type(), 14));
        assertThatThrownBy(() -> compiler.compile("approx_count_distinct(s, 1)", INPUT, Position.NOWHERE))
                .hasMessage("1:26: The second argument should be a double literal");
    }

    @Test
    void distinctAggregationsAreRefusedWithSparksReason() {
        assertThatThrownBy(() -> compiler.compile("count(DISTINCT s) AS n", INPUT, Position.NOWHERE))
                .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.problem().code())
                        .isEqualTo(ErrorCode.UNSUPPORTED_IN_STREAMING))
                .hasMessage("1:7: Distinct aggregations are not supported on streaming DataFrames/Datasets. Consider "
                        + "using approx_count_distinct() instead");
        assertThatThrownBy(() -> compiler.compile("sum(distinct x)", INPUT, Position.NOWHERE))
                .hasMessageStartingWith("1:5: Distinct aggregations are not supported");
    }

    @Test
    void aColumnNamedDistinctIsStillAnArgument() {
        Schema input = SchemaParser.parse("distinct INT", Position.NOWHERE);

        assertThat(compiler.compile("count(distinct)", input, Position.NOWHERE).name()).isEqualTo("count(distinct)");
    }

    /** The group's result after each batch. */
    private List<Object> run(String aggregation, List<List<Row>> batches) {
        AggregateCall call = compiler.compile(aggregation, INPUT, Position.NOWHERE);
        AggregateFunction function = call.function();
        Object[] buffer = new Object[function.bufferTypes().size()];
        function.initialize(buffer, 0);
        List<Object> results = new ArrayList<>();
        for (List<Row> rows : batches) {
            Batch batch = Batch.ofRows(INPUT, rows);
            List<ColumnVector> args = new ArrayList<>();
            for (CompiledExpression arg : call.arguments()) {
                args.add(arg.evaluate(batch, new EvalContext(0L, ZoneOffset.UTC)));
            }
            for (int r = 0; r < rows.size(); r++) {
                function.update(buffer, 0, args, r);
            }
            function.endBatch(buffer, 0);
            VectorBuilder out = new VectorBuilder(function.resultType(), 1);
            function.result(buffer, 0, out);
            results.add(out.build().get(0));
        }
        return results;
    }

    private static List<Row> rows(String... names) {
        return Arrays.stream(names).map(name -> new Row(Arrays.asList(name, null, null, null))).toList();
    }

    private static List<Row> ints(int... values) {
        return Arrays.stream(values).mapToObj(i -> new Row(Arrays.asList(null, null, null, i))).toList();
    }

    private static List<Row> doubles(double... values) {
        return Arrays.stream(values).mapToObj(x -> new Row(Arrays.asList(null, x, null, null))).toList();
    }
}
