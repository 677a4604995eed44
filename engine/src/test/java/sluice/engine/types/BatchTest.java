package sluice.engine.types;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchTest {
    private static final Schema SCHEMA = Schema.of(
            Field.of("Date", AtomicType.DATE), Field.of("Close", AtomicType.DOUBLE),
            Field.of("Name", AtomicType.STRING), Field.of("Amount", new DecimalType(10, 2)));

    @Test
    void rowsRoundTripThroughColumnsWithNulls() {
        List<Row> rows = List.of(
                Row.of(LocalDate.of(2015, 1, 2), 109.33, "AAPL", new BigDecimal("1.50")),
                Row.of(null, null, null, null));

        Batch batch = Batch.ofRows(SCHEMA, rows);

        assertThat(batch.rows()).isEqualTo(rows);
        assertThat(batch.column(1).hasNulls()).isTrue();
        assertThat(((LongVector) batch.column(0)).getLong(0)).isEqualTo(LocalDate.of(2015, 1, 2).toEpochDay());
    }

    @Test
    void selectKeepsRowsInTheGivenOrder() {
        Batch batch = Batch.ofRows(SCHEMA, List.of(
                Row.of(null, 1.0, "a", null), Row.of(null, 2.0, "b", null), Row.of(null, 3.0, "c", null)));

        Batch picked = batch.select(new int[] {2, 0}, 2);

        assertThat(picked.rows()).extracting(r -> r.get(2)).containsExactly("c", "a");
    }

    @Test
    void concatAppendsPartsInOrder() {
        Batch first = Batch.ofRows(SCHEMA, List.of(Row.of(null, 1.0, "a", null)));
        Batch second = Batch.ofRows(SCHEMA, List.of(Row.of(null, null, "b", null), Row.of(null, 3.0, "c", null)));

        Batch all = Batch.concat(SCHEMA, List.of(first, second));

        assertThat(all.rowCount()).isEqualTo(3);
        assertThat(all.rows()).extracting(r -> r.get(1)).containsExactly(1.0, null, 3.0);
    }

    @Test
    void aNullVectorIsNullInEveryRowOfEveryStorage() {
        for (DataType type : List.of(AtomicType.BIGINT, AtomicType.DOUBLE, AtomicType.BOOLEAN,
                AtomicType.STRING)) {
            for (int size : new int[] {0, 1, 63, 64, 65, 130}) {
                ColumnVector nulls = ColumnVector.nulls(type, size);
                assertThat(nulls.size()).isEqualTo(size);
                for (int row = 0; row < size; row++) {
                    assertThat(nulls.isNull(row)).as("%s row %d of %d", type, row, size).isTrue();
                }
                ColumnVector some = nulls.select(new int[] {size / 2}, size == 0 ? 0 : 1);
                assertThat(some.size()).isEqualTo(size == 0 ? 0 : 1);
                if (size > 0) {
                    assertThat(some.get(0)).isNull();
                }
            }
        }
    }

    private static Batch lettersWithMalformed(String... letters) {
        List<Row> rows = new java.util.ArrayList<>();
        List<MalformedRows.Mark> marks = new java.util.ArrayList<>();
        for (int i = 0; i < letters.length; i++) {
            rows.add(Row.of(null, null, letters[i], null));
            if (letters[i].startsWith("bad")) {
                marks.add(new MalformedRows.Mark(i, "in.csv", i + 1));
            }
        }
        Batch plain = Batch.ofRows(SCHEMA, rows);
        return new Batch(SCHEMA, plain.columns(), plain.rowCount(), MalformedRows.ofOrNull(marks));
    }

    /** The name of each marked row and the line its mark names. */
    private static List<String> marked(Batch batch) {
        return batch.malformed() == null ? List.of() : batch.malformed().marks().stream()
                .map(m -> batch.row(m.row()).get(2) + "@" + m.line()).toList();
    }

    @Test
    void selectSliceAndConcatMoveTheMarksOfMalformedRowsWithTheirRows() {
        Batch batch = lettersWithMalformed("a", "bad b", "c", "bad d");

        assertThat(marked(batch.select(new int[] {3, 0, 1}, 3))).containsExactly("bad d@4", "bad b@2");
        assertThat(marked(batch.slice(2, 4))).containsExactly("bad d@4");
        assertThat(batch.slice(0, 1).malformed()).isNull();
        assertThat(marked(Batch.concat(SCHEMA, List.of(batch.slice(2, 4), lettersWithMalformed("bad e")))))
                .containsExactly("bad d@4", "bad e@1");
        assertThat(marked(batch.withSchema(SCHEMA))).containsExactly("bad b@2", "bad d@4");
    }
}
