package sluice.engine.source.file.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sluice.engine.csv.CsvQuoting;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.SluiceException;
import sluice.engine.source.SourceContext;
import sluice.engine.source.file.ParseMode;
import sluice.engine.source.file.TextLayout;
import sluice.engine.types.AtomicType;
import sluice.engine.types.Field;
import sluice.engine.types.Row;
import sluice.engine.types.Schema;

/**
 * CSV files cut at a {@code lineSep} of two characters, as Spark 4.1 reads them (each expectation was read from Spark
 * with the same file and options, see the compatibility cases csv/line-sep-pipes*): univocity takes such a separator
 * for its line end and a line feed for its normalized one.
 */
class SeparatedCsvRecordsTest {
    private static final SourceContext CONTEXT = new SourceContext("in", null, Clock.systemUTC(), ZoneOffset.UTC);
    private static final TextLayout PIPES = new TextLayout(StandardCharsets.UTF_8, "||");
    private static final Schema SCHEMA = Schema.of(Field.of("n", AtomicType.INT), Field.of("s", AtomicType.STRING));
    private static final Schema WITH_CORRUPT = SCHEMA.append(Field.of("_corrupt_record", AtomicType.STRING));
    private static final CsvOptions HEADER = CsvOptions.DEFAULTS.withHeader(true);
    private static final CsvOptions MULTI_LINE = HEADER.withQuoting(CsvQuoting.DEFAULTS.withMultiLine(true));

    @TempDir
    Path folder;

    private List<Row> read(Schema schema, CsvOptions options, String text) throws IOException {
        Path file = folder.resolve("in.csv");
        Files.writeString(file, text);
        return new CsvFormat(schema, options, PIPES).read(file, CONTEXT).rows();
    }

    @Test
    void aQuotedLineFeedStaysInItsValue() throws IOException {
        List<Row> rows = read(WITH_CORRUPT, HEADER, "n,s||1,\"line\nfeed\"||2,b");

        assertThat(rows).containsExactly(Row.of(1, "line\nfeed", null), Row.of(2, "b", null));
    }

    @Test
    void aQuotedSeparatorCutsTheRecordAndItsTailIsMalformed() throws IOException {
        List<Row> rows = read(WITH_CORRUPT, HEADER, "n,s||3,\"x||y\"||4,b");

        assertThat(rows).containsExactly(Row.of(3, "x", null), Row.of(null, null, "y\""), Row.of(4, "b", null));
    }

    @Test
    void anEmptyRecordBetweenSeparatorsIsSkippedAndTheLastNeedsNoSeparator() throws IOException {
        List<Row> rows = read(WITH_CORRUPT, HEADER, "n,s||1,a||||   ||2,b");

        assertThat(rows).containsExactly(Row.of(1, "a", null), Row.of(2, "b", null));
    }

    @Test
    void anUnquotedLineFeedEndsTheRecordAndTheNextIsReadFromWhereItStopped() throws IOException {
        // univocity's parseLine keeps its position: "12,after" is read from its sixth character, as the line before
        // ended at its fifth.
        List<Row> rows = read(WITH_CORRUPT, HEADER, "n,s||11,u\nv||12,after||13,c");

        assertThat(rows).containsExactly(Row.of(11, "u", null), Row.of(null, null, "ter"), Row.of(13, "c", null));
    }

    @Test
    void aRecordsCorruptTextLosesTheLineFeedThatEndedIt() throws IOException {
        List<Row> rows = read(WITH_CORRUPT, HEADER, "n,s||30,a,b\n");

        assertThat(rows).containsExactly(Row.of(30, "a", "30,a,b"));
    }

    @Test
    void aLineUnivocityReadsNothingFromIsMalformedWithoutText() throws IOException {
        List<Row> rows = read(WITH_CORRUPT, HEADER, "n,s||20,a\n\n||xy||21,b");

        assertThat(rows).containsExactly(Row.of(20, "a", null), Row.of(null, null, null), Row.of(21, "b", null));
    }

    @Test
    void aLineUnivocityReadsNothingFromIsDroppedByDropMalformed() throws IOException {
        List<Row> rows = read(SCHEMA, HEADER.withMode(ParseMode.DROPMALFORMED), "n,s||20,a\n\n||xy||21,b");

        assertThat(rows).containsExactly(Row.of(20, "a"), Row.of(21, "b"));
    }

    @Test
    void aLineUnivocityReadsNothingFromFailsFailFast() {
        assertThatThrownBy(() -> read(SCHEMA, HEADER.withMode(ParseMode.FAILFAST), "n,s||20,a\n\n||xy||21,b"))
                .isInstanceOfSatisfying(SluiceException.class, e -> {
                    assertThat(e.problem().code()).isEqualTo(ErrorCode.MALFORMED_RECORD);
                    assertThat(e.getMessage()).isEqualTo("in: malformed CSV record in 'in.csv' line 3: "
                            + "no values could be read from the record");
                });
    }

    @Test
    void multiLineRunsAQuotedValueFollowedByTheSeparatorOnIntoTheNextRecord() throws IOException {
        // univocity, reading the whole file, takes the quote before "||" for an unescaped one (STOP_AT_DELIMITER).
        List<Row> rows = read(WITH_CORRUPT, MULTI_LINE, "n,s||1,plain||7,\"q\"||8,last");

        assertThat(rows).containsExactly(Row.of(1, "plain", null), Row.of(7, "\"q\"||8", "7,\"q\"||8,last"));
    }

    @Test
    void multiLineKeepsUnquotedLineFeedsAndDropsTheLastLineEndFromCorruptText() throws IOException {
        List<Row> rows = read(WITH_CORRUPT, MULTI_LINE, "n,s||20,a\n\n||30,a,b\n");

        assertThat(rows).containsExactly(Row.of(20, "a\n\n", null), Row.of(30, "a", "30,a,b"));
    }
}
