package sluice.engine.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import sluice.engine.types.ArrayType;
import sluice.engine.types.AtomicType;
import sluice.engine.types.Batch;
import sluice.engine.types.Bytes;
import sluice.engine.types.DecimalType;
import sluice.engine.types.Field;
import sluice.engine.types.MapType;
import sluice.engine.types.MapValue;
import sluice.engine.types.Row;
import sluice.engine.types.Schema;
import sluice.engine.types.StructType;

class ShowTableTest {
    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final Schema NAME_VALUE = Schema.of(Field.of("name", AtomicType.STRING),
            Field.of("value", AtomicType.BIGINT));

    private static Batch batch(Schema schema, Row... rows) {
        return Batch.ofRows(schema, List.of(rows));
    }

    @Test
    void nullsPrintAsUpperCaseNull() {
        Batch data = batch(NAME_VALUE, Row.of("a", 1L), Row.of(null, null));

        String table = ShowTable.render(data, 20, 20, UTC);

        GoldenFile.assertMatches(ShowTableTest.class, "nulls", table);
    }

    @Test
    void narrowColumnsAreAtLeastThreeWide() {
        Batch data = batch(Schema.of(Field.of("x", AtomicType.INT)), Row.of(1));

        String table = ShowTable.render(data, 20, 20, UTC);

        assertThat(table).isEqualTo("+---+\n|  x|\n+---+\n|  1|\n+---+\n");
    }

    @Test
    void longCellsAreCutToSeventeenCharactersAndAnEllipsis() {
        Batch data = batch(NAME_VALUE, Row.of("abcdefghijklmnopqrstuvwxyz", 1L), Row.of("exactly twenty chars", 2L));

        String table = ShowTable.render(data, 20, 20, UTC);

        GoldenFile.assertMatches(ShowTableTest.class, "truncated", table);
    }

    @Test
    void untruncatedCellsAreWholeAndLeftAligned() {
        Batch data = batch(NAME_VALUE, Row.of("abcdefghijklmnopqrstuvwxyz", 1L), Row.of("b", 22L));

        String table = ShowTable.render(data, 20, 0, UTC);

        GoldenFile.assertMatches(ShowTableTest.class, "untruncated", table);
    }

    @Test
    void truncateUnderFourCutsWithoutEllipsis() {
        Batch data = batch(NAME_VALUE, Row.of("abcdef", 123456L));

        String table = ShowTable.render(data, 20, 2, UTC);

        assertThat(table).isEqualTo("+----+-----+\n|name|value|\n+----+-----+\n|  ab|   12|\n+----+-----+\n");
    }

    @Test
    void headerNamesAreNeverTruncated() {
        Batch data = batch(Schema.of(Field.of("a_very_long_column_name_indeed", AtomicType.INT)), Row.of(7));

        String table = ShowTable.render(data, 20, 20, UTC);

        assertThat(table).contains("|a_very_long_column_name_indeed|");
    }

    @Test
    void fullWidthCharactersCountTwiceInColumnWidths() {
        Batch data = batch(NAME_VALUE, Row.of("日本語", 1L), Row.of("한국어 text", 2L), Row.of("ascii", 3L),
                Row.of("ｆｕｌｌｗｉｄｔｈ", 4L));

        String table = ShowTable.render(data, 20, 20, UTC);

        GoldenFile.assertMatches(ShowTableTest.class, "unicode", table);
    }

    @Test
    void controlCharactersPrintAsEscapes() {
        Batch data = batch(NAME_VALUE, Row.of("line1\nline2\ttab", 1L));

        String table = ShowTable.render(data, 20, 0, UTC);

        assertThat(table).contains("|line1\\nline2\\ttab|");
    }

    @Test
    void moreRowsThanNumRowsEndsWithFooter() {
        List<Row> rows = new ArrayList<>();
        for (long i = 0; i < 25; i++) {
            rows.add(Row.of("row " + i, i));
        }

        String table = ShowTable.render(Batch.ofRows(NAME_VALUE, rows), 20, 20, UTC);

        GoldenFile.assertMatches(ShowTableTest.class, "more-rows", table);
    }

    @Test
    void footerSaysRowInTheSingularForOneRow() {
        Batch data = batch(NAME_VALUE, Row.of("a", 1L), Row.of("b", 2L));

        String table = ShowTable.render(data, 1, 20, UTC);

        assertThat(table).endsWith("+----+-----+\nonly showing top 1 row");
    }

    @Test
    void exactlyNumRowsHasNoFooter() {
        Batch data = batch(NAME_VALUE, Row.of("a", 1L), Row.of("b", 2L));

        String table = ShowTable.render(data, 2, 20, UTC);

        assertThat(table).doesNotContain("only showing");
    }

    @Test
    void emptyBatchPrintsHeaderOnly() {
        String table = ShowTable.render(Batch.empty(NAME_VALUE), 20, 20, UTC);

        assertThat(table).isEqualTo("+----+-----+\n|name|value|\n+----+-----+\n+----+-----+\n");
    }

    @Test
    void everyTypePrintsAsSparkPrettyString() {
        Schema schema = Schema.of(
                Field.of("b", AtomicType.BOOLEAN), Field.of("i", AtomicType.INT), Field.of("l", AtomicType.BIGINT),
                Field.of("f", AtomicType.FLOAT), Field.of("d", AtomicType.DOUBLE), Field.of("s", AtomicType.STRING),
                Field.of("date", AtomicType.DATE), Field.of("ts", AtomicType.TIMESTAMP),
                Field.of("iv", AtomicType.INTERVAL), Field.of("dec", new DecimalType(20, 10)),
                Field.of("arr", new ArrayType(AtomicType.INT, true)),
                Field.of("st", new StructType(List.of(Field.of("x", AtomicType.STRING),
                        Field.of("y", AtomicType.DOUBLE)))));
        Batch data = batch(schema,
                Row.of(true, 1, 10_000_000_000L, 1.5f, 1.0E10, "text", LocalDate.of(2024, 2, 29),
                        Instant.parse("2024-02-29T12:34:56.120Z"), Duration.ofSeconds(93_784, 500_000_000),
                        new BigDecimal("0.0000000100"), Arrays.asList(1, null, 3), Row.of(null, 2.5)),
                Row.of(false, -1, 0L, 0.1f, 1.0E-5, "", LocalDate.of(1970, 1, 1),
                        Instant.parse("1970-01-01T00:00:00Z"), Duration.ZERO, new BigDecimal("12.0000000000"),
                        List.of(), Row.of("a", null)));

        String table = ShowTable.render(data, 20, 20, ZoneId.of("America/Los_Angeles"));

        GoldenFile.assertMatches(ShowTableTest.class, "all-types", table);
    }

    @Test
    void binaryPrintsAsUpperCaseHexBytesAndSmallIntegersAsNumbers() {
        Schema schema = Schema.of(Field.of("t", AtomicType.TINYINT), Field.of("b", AtomicType.BINARY),
                Field.of("bs", new ArrayType(AtomicType.BINARY, true)));
        Batch data = batch(schema, Row.of((byte) -5, Bytes.of((byte) 0x41, (byte) 0x0A), List.of(Bytes.EMPTY)),
                Row.of(null, null, null));

        String table = ShowTable.render(data, 20, 20, UTC);

        assertThat(table).isEqualTo("+----+-------+----+\n|   t|      b|  bs|\n+----+-------+----+\n"
                + "|  -5|[41 0A]|[[]]|\n|NULL|   NULL|NULL|\n+----+-------+----+\n");
    }

    @Test
    void mapsPrintWithArrowsAndNestedNullsAsNull() {
        Schema schema = Schema.of(Field.of("m", MapType.of(AtomicType.STRING, new ArrayType(AtomicType.INT, true))),
                Field.of("s", new StructType(List.of(Field.of("a", AtomicType.INT),
                        Field.of("b", MapType.of(AtomicType.INT, AtomicType.STRING))))));
        Batch data = batch(schema,
                Row.of(new MapValue(List.of("a", "b"), Arrays.asList(Arrays.asList(1, null), null)),
                        Row.of(null, new MapValue(List.of(1), List.of("x")))),
                Row.of(MapValue.EMPTY, null));

        String table = ShowTable.render(data, 20, 40, UTC);

        assertThat(table).isEqualTo("+---------------------------+----------------+\n"
                + "|                          m|               s|\n"
                + "+---------------------------+----------------+\n"
                + "|{a -> [1, NULL], b -> NULL}|{NULL, {1 -> x}}|\n"
                + "|                         {}|            NULL|\n"
                + "+---------------------------+----------------+\n");
    }
}
