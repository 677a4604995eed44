package sluice.engine.source.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongUnaryOperator;
import org.junit.jupiter.api.Test;
import sluice.engine.source.BatchBorrower;
import sluice.engine.source.InputFigures;
import sluice.engine.types.AtomicType;
import sluice.engine.types.Batch;
import sluice.engine.types.DoubleVector;
import sluice.engine.types.Field;
import sluice.engine.types.Row;
import sluice.engine.types.Schema;

/**
 * A collector hands a borrower its batches in the same arrays, batch after batch, and each reads right while it is
 * borrowed (values, strings and nulls of the batch before all gone); a plain consumer gets arrays of its own.
 */
class RowCollectorTest {
    private static final Schema SCHEMA = Schema.of(Field.of("n", AtomicType.BIGINT), Field.of("s", AtomicType.STRING),
            Field.of("x", AtomicType.DOUBLE));
    private static final int ROWS = RowCollector.BATCH_ROWS * 2 + 100;

    @Test
    void aBorrowerGetsEveryBatchInTheSameArraysAndEachReadsRightWhileBorrowed() {
        List<Row> seen = new ArrayList<>();
        List<double[]> arrays = new ArrayList<>();
        collect((BatchBorrower) batch -> {
            seen.addAll(batch.rows());
            arrays.add(((DoubleVector) batch.column(2)).values());
        });

        assertThat(seen).isEqualTo(expectedRows());
        assertThat(arrays).hasSize(3);
        assertThat(arrays.get(1)).isSameAs(arrays.get(0));
        assertThat(arrays.get(2)).isSameAs(arrays.get(0));
    }

    @Test
    void aPlainConsumerKeepsItsBatchesAsTheyWere() {
        List<Batch> kept = new ArrayList<>();
        collect(kept::add);

        List<Row> rows = new ArrayList<>();
        kept.forEach(batch -> rows.addAll(batch.rows()));
        assertThat(rows).isEqualTo(expectedRows());
    }

    /**
     * Row {@code i}: n is i but null at every 1,000th row of the first batch only; s is null at every third row of
     * the second batch only, so a null left over from the batch before would show.
     */
    private static void collect(Consumer<Batch> out) {
        RowCollector collector = new RowCollector(SCHEMA, ParseMode.PERMISSIVE, -1,
                new RowCollector.Origin("in", "CSV", "rows.csv", LongUnaryOperator.identity()), RowCollector.BATCH_ROWS,
                new BitSet(), new InputFigures(1, 1), out);
        for (int i = 0; i < ROWS; i++) {
            if (i >= RowCollector.BATCH_ROWS || i % 1000 != 0) {
                collector.setLong(0, i);
            }
            if (!inSecondBatch(i) || i % 3 != 0) {
                collector.setObject(1, "s" + i % 5);
            }
            collector.setDouble(2, i * 0.5);
            collector.appendRow();
        }
        collector.finish();
    }

    private static boolean inSecondBatch(int row) {
        return row >= RowCollector.BATCH_ROWS && row < 2 * RowCollector.BATCH_ROWS;
    }

    private static List<Row> expectedRows() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            Long n = i >= RowCollector.BATCH_ROWS || i % 1000 != 0 ? (long) i : null;
            String s = !inSecondBatch(i) || i % 3 != 0 ? "s" + i % 5 : null;
            rows.add(new Row(java.util.Arrays.asList(n, s, i * 0.5)));
        }
        return rows;
    }
}
