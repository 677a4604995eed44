package sluice.engine.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import sluice.engine.aggregate.AggregateCall;
import sluice.engine.aggregate.AggregateCompiler;
import sluice.engine.diag.Position;
import sluice.engine.expr.EvalContext;
import sluice.engine.expr.ExpressionCompiler;
import sluice.engine.expr.SchemaParser;
import sluice.engine.sink.OutputMode;
import sluice.engine.types.Batch;
import sluice.engine.types.PartitionedBatch;
import sluice.engine.types.Row;
import sluice.engine.types.Schema;

/**
 * An aggregation over several input partitions folds each partition's rows per group first, as Spark's partial
 * aggregation does, and merges those partial aggregates into the state in input partition order: the groups'
 * results are those of all their rows in that order, and a sum of doubles adds the partitions' partial sums.
 */
class PartialAggregationTest {
    private static final Schema INPUT = SchemaParser.parse("k STRING, x DOUBLE", Position.NOWHERE);
    private static final List<String> AGGREGATIONS = List.of("count(*) AS n", "sum(x) AS s", "first(x) AS f",
            "last(x) AS l", "collect_list(x) AS xs", "avg(x) AS m", "min(x) AS lo");

    @Test
    void groupsSpreadOverInputPartitionsAggregateAllTheirRowsInPartitionOrder() {
        AggregateOperator aggregate = aggregate(AGGREGATIONS);

        List<Row> first = run(aggregate, 0, List.of(row("a", 1.0), row("b", 2.0), row("a", 3.0)),
                List.of(row("a", 4.0), row("b", null), row("c", 5.0)));
        List<Row> second = run(aggregate, 1, List.of(row("a", 0.5)), List.of());

        assertThat(first).containsExactlyInAnyOrder(
                Row.of("a", 3L, 8.0, 1.0, 4.0, List.of(1.0, 3.0, 4.0), 8.0 / 3, 1.0),
                new Row(Arrays.asList("b", 2L, 2.0, 2.0, null, List.of(2.0), 2.0, 2.0)),
                Row.of("c", 1L, 5.0, 5.0, 5.0, List.of(5.0), 5.0, 5.0));
        assertThat(second).contains(Row.of("a", 4L, 8.5, 1.0, 0.5, List.of(1.0, 3.0, 4.0, 0.5), 2.125, 0.5));
    }

    @Test
    void aSumOfDoublesAddsThePartitionsPartialSums() {
        AggregateOperator aggregate = aggregate(List.of("sum(x) AS s"));

        // Row by row, 1e16 + 1.0 rounds back to 1e16 three times; the partial sums 1e16 and 2.0 add up exactly.
        List<Row> result = run(aggregate, 0, List.of(row("a", 1e16), row("a", 1.0)),
                List.of(row("a", 1.0), row("a", 1.0)));

        assertThat(result).containsExactly(Row.of("a", 1e16 + 2.0));
    }

    @Test
    void aPartitionFoldedChunkByChunkInItsTaskGivesWhatItGivesInOneBatch() {
        AggregateOperator whole = aggregate(AGGREGATIONS);
        AggregateOperator chunked = aggregate(AGGREGATIONS);
        List<Row> first = List.of(row("a", 1e16), row("b", 2.0), row("a", 1.0), row("a", -0.0), row("c", null),
                row("a", 1.0), row("b", 0.0));
        List<Row> second = List.of(row("b", 1.5), row("a", 3.0));

        List<Row> expected = run(whole, 0, first, second);
        List<Row> folded;
        try (PartitionTasks tasks = new PartitionTasks(2, "partial-aggregation-test")) {
            TaskContext context = new TaskContext(0, new EvalContext(0L, ZoneOffset.UTC), tasks,
                    EventTimeWatermarks.NONE);
            AggregateOperator.PartitionFold one = chunked.newPartitionFold(context.forPartition(0));
            one.add(Batch.ofRows(INPUT, first.subList(0, 2)));
            one.add(Batch.ofRows(INPUT, List.of()));
            one.add(Batch.ofRows(INPUT, first.subList(2, 5)));
            one.add(Batch.ofRows(INPUT, first.subList(5, 7)));
            AggregateOperator.PartitionFold two = chunked.newPartitionFold(context.forPartition(1));
            two.add(Batch.ofRows(INPUT, second));
            chunked.useFolds(0, List.of(one, two));
            PartitionedBatch output = chunked.execute(List.of(new PartitionedBatch(INPUT, List.of())), context);
            folded = new ArrayList<>();
            output.partitions().forEach(partition -> folded.addAll(partition.rows()));
        }

        assertThat(folded).containsExactlyElementsOf(expected);
    }

    @Test
    void keysOfOneHashInOneChunkStayApart() {
        // "Aa" and "BB" have one String hash: rows find their key by its hash first, then each column checks its
        // values and, finding two keys under one hash, has the chunk's rows compared one by one.
        AggregateOperator aggregate = aggregate(List.of("count(*) AS n", "sum(x) AS s"));

        List<Row> result = run(aggregate, 0, List.of(row("Aa", 1.0), row("BB", 2.0), row(null, 4.0), row("Aa", 3.0)),
                List.of(row("BB", 5.0), row("Aa", null)));

        assertThat(result).containsExactlyInAnyOrder(Row.of("Aa", 3L, 4.0), Row.of("BB", 2L, 7.0),
                new Row(Arrays.asList(null, 1L, 4.0)));
    }

    @Test
    void keysSeenInEarlierChunksFindTheirGroupsByTheirValues() {
        // Grouped by k and x: "Aa" and "BB" share a String hash, -0.0 and 0.0 differ yet group as one (Spark's
        // grouping normalizes zeros), NaN equals NaN; each comes back in a later chunk, after other keys.
        List<String> calls = List.of("count(*) AS n", "collect_list(k) AS ks");
        List<List<Row>> chunks = List.of(List.of(row("Aa", -0.0), row(null, Double.NaN)),
                List.of(row("BB", -0.0), row("Aa", 0.0), row(null, null)),
                List.of(row("BB", -0.0), row(null, Double.NaN), row("Aa", -0.0), row("BB", 1.0), row(null, null)));
        List<Row> all = new ArrayList<>();
        chunks.forEach(all::addAll);

        List<Row> expected = run(aggregate(calls, "k", "x"), 0, all, List.of());
        List<Row> folded;
        AggregateOperator chunked = aggregate(calls, "k", "x");
        try (PartitionTasks tasks = new PartitionTasks(2, "partial-aggregation-test")) {
            TaskContext context = new TaskContext(0, new EvalContext(0L, ZoneOffset.UTC), tasks,
                    EventTimeWatermarks.NONE);
            AggregateOperator.PartitionFold one = chunked.newPartitionFold(context.forPartition(0));
            chunks.forEach(chunk -> one.add(Batch.ofRows(INPUT, chunk)));
            chunked.useFolds(0, List.of(one, chunked.newPartitionFold(context.forPartition(1))));
            PartitionedBatch output = chunked.execute(List.of(new PartitionedBatch(INPUT, List.of())), context);
            folded = new ArrayList<>();
            output.partitions().forEach(partition -> folded.addAll(partition.rows()));
        }

        assertThat(folded).containsExactlyElementsOf(expected).hasSize(5);
    }

    private static AggregateOperator aggregate(List<String> aggregations) {
        return aggregate(aggregations, "k");
    }

    private static AggregateOperator aggregate(List<String> aggregations, String... groupBy) {
        ExpressionCompiler expressions = new ExpressionCompiler(ZoneOffset.UTC);
        AggregateCompiler compiler = new AggregateCompiler(expressions);
        List<AggregateCall> calls = new ArrayList<>();
        aggregations.forEach(text -> calls.add(compiler.compile(text, INPUT, Position.NOWHERE)));
        List<GroupingKey> keys = new ArrayList<>();
        for (String key : groupBy) {
            keys.add(new GroupingKey.Expression(expressions.compile(key, INPUT, Position.NOWHERE), key));
        }
        AggregateOperator operator = new AggregateOperator(keys, calls);
        operator.openState(new StateContext(null, 0, "agg", 2, OutputMode.COMPLETE, List.of()));
        return operator;
    }

    /** Runs batch {@code batchId} of two input partitions; the rows of every state partition. */
    private static List<Row> run(AggregateOperator aggregate, long batchId, List<Row> first, List<Row> second) {
        try (PartitionTasks tasks = new PartitionTasks(2, "partial-aggregation-test")) {
            PartitionedBatch input = new PartitionedBatch(INPUT,
                    List.of(Batch.ofRows(INPUT, first), Batch.ofRows(INPUT, second)));
            PartitionedBatch output = aggregate.execute(List.of(input), new TaskContext(batchId,
                    new EvalContext(0L, ZoneOffset.UTC), tasks, EventTimeWatermarks.NONE));
            List<Row> rows = new ArrayList<>();
            output.partitions().forEach(partition -> rows.addAll(partition.rows()));
            return rows;
        }
    }

    private static Row row(String k, Double x) {
        return new Row(Arrays.asList(k, x));
    }
}
