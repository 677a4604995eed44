package sluice.engine.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import sluice.engine.types.AtomicType;
import sluice.engine.types.Batch;
import sluice.engine.types.Bytes;
import sluice.engine.types.DecimalType;
import sluice.engine.types.Field;
import sluice.engine.types.Row;
import sluice.engine.types.Schema;

class CsvRowFormatTest {
    private static final CsvRowFormat DEFAULTS = CsvRowFormat.defaults();

    private static String written(CsvRowFormat format, Batch rows, ZoneId zone) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        format.write(rows, zone, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void plainValuesAreNotQuoted() {
        assertThat(DEFAULTS.field("hello world")).isEqualTo("hello world");
    }

    @Test
    void valuesWithSeparatorOrLineBreakAreQuoted() {
        assertThat(DEFAULTS.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(DEFAULTS.field("a\nb")).isEqualTo("\"a\nb\"");
    }

    @Test
    void quotesAreEscapedWithBackslashInsideQuotes() {
        assertThat(DEFAULTS.field("say \"hi\"")).isEqualTo("\"say \\\"hi\\\"\"");
    }

    @Test
    void backslashAloneIsWrittenAsItIs() {
        assertThat(DEFAULTS.field("a\\b")).isEqualTo("a\\b");
    }

    @Test
    void backslashInsideQuotedValueIsDoubled() {
        assertThat(DEFAULTS.field("a\\b,c")).isEqualTo("\"a\\\\b,c\"");
    }

    @Test
    void leadingAndTrailingWhitespaceIsDropped() {
        assertThat(DEFAULTS.field("  padded\t")).isEqualTo("padded");
    }

    @Test
    void nullIsEmptyAndEmptyStringIsTwoQuotes() {
        assertThat(DEFAULTS.field(null)).isEmpty();
        assertThat(DEFAULTS.field("")).isEqualTo("\"\"");
    }

    @Test
    void quoteAllQuotesEveryValueAndNullsAsTwoQuotes() {
        CsvRowFormat quoteAll = new CsvRowFormat(false, ',', '"', '\\', "", "\"\"", true, true,
                CsvRowFormat.DEFAULT_DATE_FORMAT, CsvRowFormat.DEFAULT_TIMESTAMP_FORMAT,
                CsvRowFormat.DEFAULT_TIMESTAMP_NTZ_FORMAT);

        assertThat(quoteAll.field("plain")).isEqualTo("\"plain\"");
        assertThat(quoteAll.field(null)).isEqualTo("\"\"");
        assertThat(quoteAll.field("")).isEqualTo("\"\"");
    }

    @Test
    void rowsUseSparkDefaultDateAndTimestampFormats() throws IOException {
        Schema schema = Schema.of(Field.of("d", AtomicType.DATE), Field.of("ts", AtomicType.TIMESTAMP),
                Field.of("x", AtomicType.DOUBLE), Field.of("n", AtomicType.BIGINT),
                Field.of("dec", new DecimalType(10, 2)), Field.of("iv", AtomicType.INTERVAL),
                Field.of("b", AtomicType.BOOLEAN));
        Batch rows = Batch.ofRows(schema, List.of(
                Row.of(LocalDate.of(2024, 3, 1), Instant.parse("2024-03-01T12:00:00.5Z"), 1.0E10, 7L,
                        new BigDecimal("3.14"), Duration.ofMinutes(90), true),
                Row.of(null, null, null, null, null, null, null)));

        String text = written(DEFAULTS, rows, ZoneId.of("UTC"));

        assertThat(text).isEqualTo("2024-03-01,2024-03-01T12:00:00.500Z,1.0E10,7,3.14,"
                + "INTERVAL '0 01:30:00' DAY TO SECOND,true\n,,,,,,\n");
    }

    @Test
    void timestampsAreWrittenInTheSessionZone() throws IOException {
        Batch rows = Batch.ofRows(Schema.of(Field.of("ts", AtomicType.TIMESTAMP)),
                List.of(Row.of(Instant.parse("2024-03-01T12:00:00Z"))));

        String text = written(DEFAULTS, rows, ZoneId.of("Europe/Paris"));

        assertThat(text).isEqualTo("2024-03-01T13:00:00.000+01:00\n");
    }

    @Test
    void writesTimestampNtzByTimestampNtzFormatAndNotTimestampFormat() throws IOException {
        CsvRowFormat formatted = new CsvRowFormat(false, ',', '"', '\\', "", "\"\"", false, true,
                CsvRowFormat.DEFAULT_DATE_FORMAT, "yyyy", "dd/MM/yyyy HH:mm:ss.SSS");
        Batch rows = Batch.ofRows(Schema.of(Field.of("t", AtomicType.TIMESTAMP_NTZ)),
                List.of(Row.of(LocalDateTime.of(2024, 2, 29, 10, 30, 0, 500_000_000))));

        assertThat(written(DEFAULTS, rows, ZoneId.of("Europe/Paris"))).isEqualTo("2024-02-29T10:30:00.500\n");
        assertThat(written(formatted, rows, ZoneId.of("Europe/Paris"))).isEqualTo("29/02/2024 10:30:00.500\n");
    }

    @Test
    void headerComesFirstWhenAsked() throws IOException {
        CsvRowFormat withHeader = new CsvRowFormat(true, ';', '"', '\\', "NA", "\"\"", false, true,
                CsvRowFormat.DEFAULT_DATE_FORMAT, CsvRowFormat.DEFAULT_TIMESTAMP_FORMAT,
                CsvRowFormat.DEFAULT_TIMESTAMP_NTZ_FORMAT);
        Batch rows = Batch.ofRows(Schema.of(Field.of("name", AtomicType.STRING), Field.of("v", AtomicType.INT)),
                List.of(Row.of("a;b", 1), Row.of(null, 2)));

        String text = written(withHeader, rows, ZoneId.of("UTC"));

        assertThat(text).isEqualTo("name;v\n\"a;b\";1\nNA;2\n");
    }

    @Test
    void smallIntegersAsNumbersAndBinaryAsSparksHexText() throws IOException {
        Schema schema = Schema.of(Field.of("t", AtomicType.TINYINT), Field.of("s", AtomicType.SMALLINT),
                Field.of("b", AtomicType.BINARY));
        Batch rows = Batch.ofRows(schema, List.of(Row.of((byte) -128, (short) 32767,
                Bytes.of((byte) 0x41, (byte) 0xFF)), Row.of(null, null, Bytes.EMPTY)));

        String text = written(DEFAULTS, rows, ZoneId.of("UTC"));

        assertThat(text).isEqualTo("-128,32767,[41 FF]\n,,[]\n");
    }

    @Test
    void lineSepEndsEveryLineAndQuotesAValueHoldingIt() throws IOException {
        CsvRowFormat semicolons = new CsvRowFormat(true, ',', '"', '\\', "", "\"\"", false, true,
                CsvRowFormat.DEFAULT_DATE_FORMAT, CsvRowFormat.DEFAULT_TIMESTAMP_FORMAT,
                CsvRowFormat.DEFAULT_TIMESTAMP_NTZ_FORMAT, ";", StandardCharsets.UTF_8);
        Batch rows = Batch.ofRows(Schema.of(Field.of("name", AtomicType.STRING), Field.of("v", AtomicType.INT)),
                List.of(Row.of("a;b", 1), Row.of("c", 2)));

        String text = written(semicolons, rows, ZoneId.of("UTC"));

        assertThat(text).isEqualTo("name,v;\"a;b\",1;c,2;");
    }

    @Test
    void aTwoCharacterLineSepQuotesAValueHoldingAnyOfItsCharactersAndReplacesLineFeeds() throws IOException {
        CsvRowFormat pipes = new CsvRowFormat(false, ',', '"', '\\', "", "\"\"", false, true,
                CsvRowFormat.DEFAULT_DATE_FORMAT, CsvRowFormat.DEFAULT_TIMESTAMP_FORMAT,
                CsvRowFormat.DEFAULT_TIMESTAMP_NTZ_FORMAT, "||", StandardCharsets.UTF_8);
        Batch rows = Batch.ofRows(Schema.of(Field.of("name", AtomicType.STRING)),
                List.of(Row.of("a||b"), Row.of("a|b"), Row.of("line\nfeed"), Row.of("ends\n"), Row.of("plain")));

        String text = written(pipes, rows, ZoneId.of("UTC"));

        // As Spark's writer (univocity): the line feed is written as the separator, so reading the file back with
        // the same lineSep cuts those values.
        assertThat(text).isEqualTo("\"a||b\"||\"a|b\"||\"line||feed\"||\"ends||\"||plain||");
    }

    @Test
    void encodingNamesTheCharsetWritten() throws IOException {
        CsvRowFormat latin = new CsvRowFormat(false, ',', '"', '\\', "", "\"\"", false, true,
                CsvRowFormat.DEFAULT_DATE_FORMAT, CsvRowFormat.DEFAULT_TIMESTAMP_FORMAT,
                CsvRowFormat.DEFAULT_TIMESTAMP_NTZ_FORMAT, "\n", StandardCharsets.ISO_8859_1);
        Batch rows = Batch.ofRows(Schema.of(Field.of("name", AtomicType.STRING)), List.of(Row.of("caf\u00e9")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        latin.write(rows, ZoneId.of("UTC"), out);

        assertThat(out.toByteArray()).isEqualTo("caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    }
}
