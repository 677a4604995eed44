package sluice.engine.source.file.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sluice.engine.csv.CsvQuoting;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.SluiceException;
import sluice.engine.source.SourceContext;
import sluice.engine.source.file.ParseMode;
import sluice.engine.types.AtomicType;
import sluice.engine.types.DecimalType;
import sluice.engine.types.Field;
import sluice.engine.types.Row;
import sluice.engine.types.Schema;

class CsvFormatTest {
    private static final Schema STOCKS = Schema.of(Field.of("Date", AtomicType.DATE),
            Field.of("Close", AtomicType.DOUBLE), Field.of("Volume", AtomicType.BIGINT),
            Field.of("Name", AtomicType.STRING));
    private static final Schema STOCKS_WITH_CORRUPT = STOCKS.append(Field.of("_corrupt_record", AtomicType.STRING));
    private static final SourceContext CONTEXT =
            new SourceContext("stocks", null, Clock.systemUTC(), ZoneOffset.UTC);

    @TempDir
    Path folder;

    private List<Row> read(Schema schema, CsvOptions options, String text) throws IOException {
        Path file = folder.resolve("AAPL_2015.csv");
        Files.writeString(file, text);
        return new CsvFormat(schema, options).read(file, CONTEXT).rows();
    }

    @Test
    void headerIsSkippedAndValuesParseByColumnType() throws IOException {
        List<Row> rows = read(STOCKS, CsvOptions.DEFAULTS.withHeader(true),
                "Date,Close,Volume,Name\n2015-01-02,109.33,53204626,AAPL\n");

        assertThat(rows).containsExactly(Row.of(LocalDate.of(2015, 1, 2), 109.33, 53204626L, "AAPL"));
    }

    @Test
    void withoutMultiLineEveryLineIsARecordAndADoubledQuoteIsNoEscape() throws IOException {
        Schema schema = Schema.of(Field.of("id", AtomicType.INT), Field.of("text", AtomicType.STRING));

        List<Row> rows = read(schema, CsvOptions.DEFAULTS,
                "1,\"a,b\"\n2,\"line\nbreak\"\n3,\"say \"\"hi\"\"\"\n4,\"back\\\"slash\"\n");

        // Spark's univocity: the quote opened on line 2 ends with the line, and "break\"" is a malformed record.
        assertThat(rows).containsExactly(Row.of(1, "a,b"), Row.of(2, "line"), Row.of(null, null),
                Row.of(3, "\"say \"\"hi\"\"\""), Row.of(4, "back\"slash"));
    }

    @Test
    void multiLineKeepsQuotedNewlinesAndTheQuoteAsEscapeUndoublesQuotes() throws IOException {
        Schema schema = Schema.of(Field.of("id", AtomicType.INT), Field.of("text", AtomicType.STRING));
        CsvOptions options = CsvOptions.DEFAULTS.withQuoting(
                CsvQuoting.DEFAULTS.withQuote('"', '"').withMultiLine(true));

        List<Row> rows = read(schema, options, "1,\"a,b\"\n2,\"line\nbreak\"\n3,\"say \"\"hi\"\"\"\n");

        assertThat(rows).containsExactly(Row.of(1, "a,b"), Row.of(2, "line\nbreak"), Row.of(3, "say \"hi\""));
    }

    @Test
    void aQuoteLateInTheFileStillGivesEveryRecordOnce() throws IOException {
        Schema schema = Schema.of(Field.of("id", AtomicType.INT), Field.of("text", AtomicType.STRING));
        StringBuilder text = new StringBuilder("id,text\n");
        for (int i = 1; i <= 1000; i++) {
            text.append(i).append(i == 1000 ? ",\"last, quoted\"" : ",plain").append('\n');
        }

        List<Row> rows = read(schema, CsvOptions.DEFAULTS.withHeader(true), text.toString());

        assertThat(rows).hasSize(1000);
        assertThat(rows.get(0)).isEqualTo(Row.of(1, "plain"));
        assertThat(rows.get(999)).isEqualTo(Row.of(1000, "last, quoted"));
    }

    @Test
    void blankLinesAreSkippedWithOrWithoutQuotesInTheFile() throws IOException {
        Schema schema = Schema.of(Field.of("id", AtomicType.INT), Field.of("text", AtomicType.STRING));

        assertThat(read(schema, CsvOptions.DEFAULTS.withHeader(true), "\n  \nid,text\n1,a\n \t\n2,b\n"))
                .containsExactly(Row.of(1, "a"), Row.of(2, "b"));
        assertThat(read(schema, CsvOptions.DEFAULTS.withHeader(true), "\n  \n\"id\",text\n1,\"a\"\n \t\n2,b\n"))
                .containsExactly(Row.of(1, "a"), Row.of(2, "b"));
    }

    @Test
    void aLineOfSeparatorsThatAreWhiteSpaceIsBlankAsSparkTrimsItBeforeSplitting() throws IOException {
        Schema schema = Schema.of(Field.of("id", AtomicType.INT), Field.of("text", AtomicType.STRING));

        assertThat(read(schema, CsvOptions.DEFAULTS.withSeparator("\t"), "\t\n1\ta\n \t \t\n2\tb\n"))
                .containsExactly(Row.of(1, "a"), Row.of(2, "b"));
        assertThat(read(schema, CsvOptions.DEFAULTS.withSeparator("\t"), "1\ta\n\t\u00e9\n"))
                .containsExactly(Row.of(1, "a"), Row.of(null, "\u00e9"));
        assertThat(read(schema, CsvOptions.DEFAULTS, " , \n1,a\n"))
                .containsExactly(Row.of(null, " "), Row.of(1, "a"));
    }

    @Test
    void aRecordTheTokenizerRefusesFailsTheReadNamingFileAndLine() {
        Schema schema = Schema.of(Field.of("id", AtomicType.INT), Field.of("text", AtomicType.STRING));
        CsvOptions options = CsvOptions.DEFAULTS.withQuoting(
                new CsvQuoting('"', '\\', '\0', "RAISE_ERROR", false));

        assertThatThrownBy(() -> read(schema, options, "1,\"ok\"\n2,\"x\"y\n"))
                .hasMessageContaining("stocks")
                .hasMessageContaining("cannot read CSV file 'AAPL_2015.csv' line 2: Unescaped quote character")
                .hasMessageNotContaining("parseUnescapedQuotes");
    }

    @Test
    void separatorAndQuoteOptionsAreUsed() throws IOException {
        Schema schema = Schema.of(Field.of("a", AtomicType.STRING), Field.of("b", AtomicType.STRING));

        List<Row> rows = read(schema, CsvOptions.DEFAULTS.withSeparator(";").withQuote('\'', '\''), "'x;y';z\n");

        assertThat(rows).containsExactly(Row.of("x;y", "z"));
    }

    @Test
    void aSeparatorOfTwoCharactersSplitsLines() throws IOException {
        Schema schema = Schema.of(Field.of("a", AtomicType.STRING), Field.of("b", AtomicType.INT));

        List<Row> rows = read(schema, CsvOptions.DEFAULTS.withSeparator("||"), "x||1\ny|z||2\n");

        assertThat(rows).containsExactly(Row.of("x", 1), Row.of("y|z", 2));
    }

    @Test
    void textAfterAClosingQuoteAtASeparatorOfTwoCharactersStaysInTheValueAsUnivocityReadsIt() throws IOException {
        Schema schema = Schema.of(Field.of("a", AtomicType.INT), Field.of("b", AtomicType.STRING));

        List<Row> rows = read(schema, CsvOptions.DEFAULTS.withSeparator("||"), "1||x\n2||\"ab\"cd\n3||\"q\"\n");

        assertThat(rows).containsExactly(Row.of(1, "x"), Row.of(2, "\"ab\"cd"), Row.of(3, "q"));
    }

    @Test
    void emptyFieldsAndNullValueAreNull() throws IOException {
        Schema schema = Schema.of(Field.of("a", AtomicType.INT), Field.of("b", AtomicType.STRING),
                Field.of("c", AtomicType.DOUBLE));

        List<Row> empty = read(schema, CsvOptions.DEFAULTS, ",,\n1,\"\",2\n");
        List<Row> na = read(schema, CsvOptions.DEFAULTS.withNullValue("NA"), "NA,NA,NA\n,,\n");

        assertThat(empty).containsExactly(Row.of(null, null, null), Row.of(1, null, 2.0));
        assertThat(na).containsExactly(Row.of(null, null, null), Row.of(null, null, null));
    }

    @Test
    void numbersDecimalsBooleansAndTimestampsParseAsSpark() throws IOException {
        Schema schema = Schema.of(Field.of("d", AtomicType.DOUBLE), Field.of("m", new DecimalType(10, 2)),
                Field.of("b", AtomicType.BOOLEAN), Field.of("t", AtomicType.TIMESTAMP), Field.of("i", AtomicType.INT));

        List<Row> rows = read(schema, CsvOptions.DEFAULTS,
                "1.5e3,\"1,234.567\",TRUE,2015-01-02 10:30:00,-7\nNaN,-0.5,false,2015-01-02T10:30:00.25Z,+7\n");

        assertThat(rows).containsExactly(
                Row.of(1500.0, new BigDecimal("1234.57"), true, Instant.parse("2015-01-02T10:30:00Z"), -7),
                Row.of(Double.NaN, new BigDecimal("-0.50"), false, Instant.parse("2015-01-02T10:30:00.250Z"), 7));
    }

    @Test
    void permissiveKeepsGoodFieldsAndPutsTheRawLineInTheCorruptColumn() throws IOException {
        List<Row> rows = read(STOCKS_WITH_CORRUPT, CsvOptions.DEFAULTS,
                "2015-01-02,abc,1,AAPL\n2015-01-05,106.25,2,AAPL\n");

        assertThat(rows).containsExactly(
                Row.of(LocalDate.of(2015, 1, 2), null, 1L, "AAPL", "2015-01-02,abc,1,AAPL"),
                Row.of(LocalDate.of(2015, 1, 5), 106.25, 2L, "AAPL", null));
    }

    @Test
    void tooFewAndTooManyFieldsAreMalformedButStillParsed() throws IOException {
        List<Row> rows = read(STOCKS_WITH_CORRUPT, CsvOptions.DEFAULTS, "2015-01-02,1.0\n2015-01-02,1.0,3,X,extra\n");

        assertThat(rows).containsExactly(
                Row.of(LocalDate.of(2015, 1, 2), 1.0, null, null, "2015-01-02,1.0"),
                Row.of(LocalDate.of(2015, 1, 2), 1.0, 3L, "X", "2015-01-02,1.0,3,X,extra"));
    }

    @Test
    void dropMalformedDropsOnlyTheBadRows() throws IOException {
        List<Row> rows = read(STOCKS, CsvOptions.DEFAULTS.withMode(ParseMode.DROPMALFORMED),
                "2015-01-02,1.0,1,A\n2015-01-03,x,2,B\n2015-01-04,3.0,3,C\n");

        assertThat(rows).extracting(r -> r.get(3)).containsExactly("A", "C");
    }

    @Test
    void failFastNamesNodeFileLineValueTypeAndColumn() {
        String text = "Date,Close,Volume,Name\n2015-01-02,1.0,1,A\n2015-01-05,abc,2,A\n";

        assertThatThrownBy(() -> read(STOCKS, CsvOptions.DEFAULTS.withHeader(true).withMode(ParseMode.FAILFAST), text))
                .isInstanceOfSatisfying(SluiceException.class, e -> {
                    assertThat(e.problem().code()).isEqualTo(ErrorCode.MALFORMED_RECORD);
                    assertThat(e.getMessage()).isEqualTo("stocks: malformed CSV record in 'AAPL_2015.csv' line 3: "
                            + "cannot parse 'abc' as DOUBLE for column 'Close'");
                });
    }

    @Test
    void plainDoublesMatchJavaParsing() throws IOException {
        Schema schema = Schema.of(Field.of("d", AtomicType.DOUBLE));
        String[] texts = {"0.1", "109.33", "-2.675", "123456789012345", "0.000000000000000000001", "1.", ".5",
            "9007199254740993", "3.141592653589793", "-0.0", "+1.5", "-109.33"};

        List<Row> rows = read(schema, CsvOptions.DEFAULTS, String.join("\n", texts) + "\n");

        for (int i = 0; i < texts.length; i++) {
            assertThat(rows.get(i).get(0)).as(texts[i]).isEqualTo(Double.parseDouble(texts[i]));
        }
    }

    @Test
    void asciiBlocksReadFromBytesAsOtherBlocksFromCharacters() throws IOException {
        Schema schema = Schema.of(Field.of("i", AtomicType.INT), Field.of("l", AtomicType.BIGINT),
                Field.of("d", AtomicType.DATE), Field.of("s", AtomicType.STRING), Field.of("x", AtomicType.DOUBLE));
        String ascii = "2147483647,-9223372036854775808,2015-01-02,AAPL,-0.5\n"
                + "2147483648,+7,2015-01-02,IBM,1e3\n# comment\n   \n,,,NA,NA\n";
        String other = "7,8,2015-01-03,Zürich,٣\n";
        // About 300 KB: blocks of 64 KB, all ASCII but one, which is read from characters.
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            text.append(i == 1500 ? other : ascii);
        }

        List<Row> rows = read(schema.append(Field.of("_corrupt_record", AtomicType.STRING)),
                new CsvOptions(false, ",", CsvQuoting.DEFAULTS, '#', "NA", "", "NaN", "Inf", "-Inf", null, null,
                        ParseMode.PERMISSIVE, "_corrupt_record", false, false, CsvOptions.DEFAULT_MAX_COLUMNS,
                        CsvOptions.DEFAULT_MAX_CHARS_PER_COLUMN, null), text.toString());

        assertThat(rows).hasSize(2999 * 3 + 1);
        assertThat(rows.get(0)).isEqualTo(Row.of(Integer.MAX_VALUE, Long.MIN_VALUE, LocalDate.of(2015, 1, 2),
                "AAPL", -0.5, null));
        assertThat(rows.get(1)).isEqualTo(Row.of(null, 7L, LocalDate.of(2015, 1, 2), "IBM", 1000.0,
                "2147483648,+7,2015-01-02,IBM,1e3"));
        assertThat(rows.get(2)).isEqualTo(Row.of(null, null, null, null, null, null));
        assertThat(rows.get(1500 * 3)).isEqualTo(Row.of(7, 8L, LocalDate.of(2015, 1, 3), "Zürich", null,
                "7,8,2015-01-03,Zürich,٣"));
        assertThat(rows.subList(1500 * 3 + 1, rows.size())).containsOnly(rows.get(0), rows.get(1), rows.get(2));
    }

    @Test
    void aLineThatIsNotAsciiHasTheRestOfItsBlockReadFromCharactersAtTheSameLines() {
        String text = "Date,Close,Volume,Name\n2015-01-02,1.0,1,A\n2015-01-03,2.0,2,Zürich\n2015-01-05,abc,3,A\n";

        assertThatThrownBy(() -> read(STOCKS, CsvOptions.DEFAULTS.withHeader(true).withMode(ParseMode.FAILFAST), text))
                .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.getMessage()).isEqualTo(
                        "stocks: malformed CSV record in 'AAPL_2015.csv' line 4: "
                                + "cannot parse 'abc' as DOUBLE for column 'Close'"));
    }

    @Test
    void aDroppedRowLeavesNoValueBehindForTheNextRow() throws IOException {
        // Pruned to Close and Name, a record of two fields is not malformed: its Name is null, not the dropped B.
        java.util.BitSet read = new java.util.BitSet();
        read.set(1);
        read.set(3);
        Path file = folder.resolve("AAPL_2015.csv");
        Files.writeString(file, "2015-01-02,1.0,1,A\n2015-01-03,x,2,B\n2015-01-04,3.0\n");

        List<Row> rows = new CsvFormat(STOCKS, CsvOptions.DEFAULTS.withMode(ParseMode.DROPMALFORMED)).pruned(read)
                .read(file, CONTEXT).rows();

        assertThat(rows).containsExactly(Row.of(null, 1.0, null, "A"), Row.of(null, 3.0, null, null));
    }
}
