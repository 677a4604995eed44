package sluice.engine.source.file.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sluice.engine.csv.CsvQuoting;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.SluiceException;
import sluice.engine.source.SourceContext;
import sluice.engine.types.AtomicType;
import sluice.engine.types.Field;
import sluice.engine.types.Row;
import sluice.engine.types.Schema;

/** Long values, long lines and many columns, and Spark's maxColumns and maxCharsPerColumn, on both tokenizers. */
class CsvLimitsTest {
    private static final Schema S_N = Schema.of(Field.of("s", AtomicType.STRING), Field.of("n", AtomicType.INT));
    private static final SourceContext CONTEXT = new SourceContext("in", null, Clock.systemUTC(), ZoneOffset.UTC);
    private static final CsvOptions HEADER = CsvOptions.DEFAULTS.withHeader(true);
    private static final CsvOptions MULTI_LINE = HEADER.withQuoting(CsvQuoting.DEFAULTS.withMultiLine(true));

    @TempDir
    Path folder;

    private List<Row> read(Schema schema, CsvOptions options, String text) throws IOException {
        Path file = folder.resolve("a.csv");
        Files.writeString(file, text);
        return new CsvFormat(schema, options).read(file, CONTEXT).rows();
    }

    private static String repeat(char c, int times) {
        return String.valueOf(c).repeat(times);
    }

    @Test
    void aValueLongerThan256CharactersIsReadWithoutQuotes() throws IOException {
        String longValue = repeat('x', 300);

        List<Row> rows = read(S_N, HEADER, "s,n\n" + longValue + ",1\ny,2\n");

        assertThat(rows).containsExactly(Row.of(longValue, 1), Row.of("y", 2));
    }

    @Test
    void aQuotedValueLongerThan256CharactersIsRead() throws IOException {
        String longValue = repeat('x', 300);

        List<Row> rows = read(S_N, HEADER, "s,n\n\"" + longValue + "\",1\ny,2\n");

        assertThat(rows).containsExactly(Row.of(longValue, 1), Row.of("y", 2));
    }

    @Test
    void longValuesAreReadWithMultiLine() throws IOException {
        String longValue = repeat('x', 300);

        List<Row> unquoted = read(S_N, MULTI_LINE, "s,n\n" + longValue + ",1\ny,2\n");
        List<Row> quoted = read(S_N, MULTI_LINE, "s,n\n\"" + longValue + "\nz\",1\ny,2\n");

        assertThat(unquoted).containsExactly(Row.of(longValue, 1), Row.of("y", 2));
        assertThat(quoted).containsExactly(Row.of(longValue + "\nz", 1), Row.of("y", 2));
    }

    @Test
    void aValueLongerThanFastcsvsOwnLimitIsRead() throws IOException {
        // fastcsv refuses fields over 16 M characters by default; Spark's maxCharsPerColumn is unlimited.
        String longValue = repeat('v', (1 << 24) + 10);

        List<Row> rows = read(S_N, HEADER, "s,n\n" + longValue + ",1\ny,2\n");

        assertThat(rows).hasSize(2);
        assertThat((String) rows.get(0).get(0)).hasSize(longValue.length());
        assertThat(rows.get(1)).isEqualTo(Row.of("y", 2));
    }

    @Test
    void twentyThousandFourHundredEightyColumnsAreRead() throws IOException {
        List<Field> fields = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < CsvOptions.DEFAULT_MAX_COLUMNS; c++) {
            fields.add(Field.of("c" + c, AtomicType.INT));
            line.append(c == 0 ? "" : ",").append(c);
        }

        List<Row> rows = read(new Schema(fields), CsvOptions.DEFAULTS, line + "\n");

        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get(CsvOptions.DEFAULT_MAX_COLUMNS - 1)).isEqualTo(CsvOptions.DEFAULT_MAX_COLUMNS - 1);
    }

    @Test
    void moreValuesThanMaxColumnsStopTheReadAsSparkDoes() {
        CsvOptions options = CsvOptions.DEFAULTS.withLimits(3, -1);

        assertThatThrownBy(() -> read(S_N, options, "a,1\nb,2,3,4\n"))
                .isInstanceOfSatisfying(SluiceException.class,
                        e -> assertThat(e.problem().code()).isEqualTo(ErrorCode.SOURCE_FAILED))
                .hasMessage("in: cannot read CSV file 'a.csv' line 2: [MALFORMED_CSV_RECORD] the record has more "
                        + "than 3 "
                        + "values (maxColumns)");
    }

    @Test
    void aValueLongerThanMaxCharsPerColumnStopsTheReadQuotedOrNot() {
        CsvOptions options = CsvOptions.DEFAULTS.withLimits(CsvOptions.DEFAULT_MAX_COLUMNS, 5);

        assertThatThrownBy(() -> read(S_N, options, "abcde,1\nabcdef,2\n"))
                .hasMessage("in: cannot read CSV file 'a.csv' line 2: [MALFORMED_CSV_RECORD] a value is longer than 5 "
                        + "characters (maxCharsPerColumn)");
        assertThatThrownBy(() -> read(S_N, options, "abcde,1\n\"abcdef\",2\n"))
                .hasMessage("in: cannot read CSV file 'a.csv' line 2: [MALFORMED_CSV_RECORD] a value is longer than 5 "
                        + "characters (maxCharsPerColumn)");
    }

    @Test
    void withMultiLineABrokenLimitIsAFailedReadWithoutSparksRecordError() {
        CsvOptions options = MULTI_LINE.withLimits(CsvOptions.DEFAULT_MAX_COLUMNS, 5);

        assertThatThrownBy(() -> read(S_N, options, "s,n\nabcde,1\nabcdef,2\n"))
                .hasMessage("in: cannot read CSV file 'a.csv' line 3: a value is longer than 5 characters "
                        + "(maxCharsPerColumn)");
    }

    @Test
    void valuesUpToTheLimitsAreRead() throws IOException {
        CsvOptions options = CsvOptions.DEFAULTS.withLimits(2, 5);

        List<Row> rows = read(S_N, options, "abcde,1\n\"vwxyz\",2\n");

        assertThat(rows).containsExactly(Row.of("abcde", 1), Row.of("vwxyz", 2));
    }
}
