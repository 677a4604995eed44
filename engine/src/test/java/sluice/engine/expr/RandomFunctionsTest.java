package sluice.engine.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static sluice.engine.expr.ExpressionFixture.UTC;
import static sluice.engine.expr.ExpressionFixture.compileProblem;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.Position;
import sluice.engine.types.Batch;
import sluice.engine.types.ColumnVector;
import sluice.engine.types.Schema;

/**
 * rand and its kin draw Spark's numbers: with a micro-batch seed of 0 the values below are Spark 4.1's for the same
 * seed in partition 0 (its first task) of a batch query; every partition starts its own generator at seed + index,
 * and a stream's micro-batch adds its own random seed, as Spark gives every micro-batch new seeds.
 */
class RandomFunctionsTest {
    private static final ExpressionCompiler COMPILER = new ExpressionCompiler(UTC);

    private static List<Object> values(String expression, int rows, int partition) {
        return values(expression, rows, partition, 0L);
    }

    private static List<Object> values(String expression, int rows, int partition, long batchSeed) {
        CompiledExpression compiled = COMPILER.compile(expression, Schema.EMPTY, Position.NOWHERE);
        ColumnVector column = compiled.evaluate(new Batch(Schema.EMPTY, List.of(), rows),
                new EvalContext(0L, UTC, partition, batchSeed));
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            values.add(column.get(i));
        }
        return values;
    }

    @Test
    void seededFunctionsDrawSparksFirstValues() {
        assertThat(values("rand(0)", 1, 0)).containsExactly(0.7604953758285915);
        assertThat(values("randn(0)", 1, 0)).containsExactly(1.6034991609278433);
        assertThat(values("uniform(10, 20, 0)", 1, 0)).containsExactly(17);
        assertThat(values("randstr(5, 0)", 1, 0)).containsExactly("ceV0P");
    }

    @Test
    void eachPartitionSeedsWithItsIndexAndEveryBatchStartsAgain() {
        List<Object> first = values("rand(7)", 3, 0);

        assertThat(values("rand(7)", 3, 0)).isEqualTo(first);
        assertThat(values("rand(8)", 3, 0)).isEqualTo(values("rand(7)", 3, 1));
        assertThat(first).doesNotHaveDuplicates();
    }

    @Test
    void aMicroBatchSeedChangesTheNumbersAsSparkReseedsEveryMicroBatch() {
        assertThat(values("rand(42)", 3, 0, 12345L)).isEqualTo(values("rand(12387)", 3, 0))
                .isNotEqualTo(values("rand(42)", 3, 0));
    }

    @Test
    void partitionIdIsThePartitionsIndex() {
        assertThat(values("spark_partition_id()", 2, 3)).containsExactly(3, 3);
    }

    @Test
    void monotonicallyIncreasingIdIsRefusedAsSparkRefusesItInStreams() {
        assertThat(compileProblem("monotonically_increasing_id()").message()).isEqualTo("Spark's function "
                + "'monotonically_increasing_id' is not in Sluice: Spark refuses it in streaming queries, and every "
                + "Sluice pipeline is one");
    }

    @Test
    void theSeedMustBeAConstant() {
        assertThat(compileProblem("rand(i)").code()).isEqualTo(ErrorCode.TYPE_MISMATCH);
    }
}
