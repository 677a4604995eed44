package sluice.engine.source.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sluice.engine.source.InputPartition;
import sluice.engine.source.Source.ReadLimit;
import sluice.engine.source.SourceContext;
import sluice.engine.source.file.csv.CsvFormat;
import sluice.engine.source.file.csv.CsvOptions;
import sluice.engine.source.file.json.JsonFormat;
import sluice.engine.source.file.json.JsonOptions;
import sluice.engine.source.file.text.TextFormat;
import sluice.engine.types.AtomicType;
import sluice.engine.types.Field;
import sluice.engine.types.Row;
import sluice.engine.types.Schema;

/**
 * A file read in splits of any size gives exactly the rows of the file read whole, in order: records that straddle
 * a split's end, CR LF line ends, a header, a quoted value that sends a block to univocity, a multi-byte character on
 * every possible boundary.
 */
class FileSourceSplitTest {
    private static final Schema ID_TEXT = Schema.of(Field.of("id", AtomicType.INT), Field.of("text", AtomicType.STRING),
            Field.of("_corrupt_record", AtomicType.STRING));

    @TempDir
    Path folder;

    private void write(String name, String text) throws IOException {
        Files.writeString(folder.resolve(name), text, StandardCharsets.UTF_8);
    }

    /** The rows of every file in the folder, read with {@code partitioning}, and how many partitions that made. */
    private record Read(List<Row> rows, int partitions) {}

    private Read read(FileFormat format, FilePartitioning partitioning) {
        FileSource source = new FileSource(FileSourceOptions.of(folder), format, partitioning);
        source.start(new SourceContext("in", null, Clock.systemUTC(), ZoneOffset.UTC, 1));
        String end = source.latestOffset(null, ReadLimit.ALL_AVAILABLE);
        List<InputPartition> partitions = source.planInputPartitions(null, end);
        List<Row> rows = new ArrayList<>();
        for (InputPartition partition : partitions) {
            partition.read(batch -> rows.addAll(batch.rows()));
        }
        return new Read(rows, partitions.size());
    }

    /** Reads whole, then in splits of every size from one byte to the file's length. */
    private List<Row> assertEverySplitSizeReadsTheSameRows(FileFormat format) throws IOException {
        long length = Files.size(folder.resolve("a"));
        Read whole = read(format, FilePartitioning.of(1));
        assertThat(whole.partitions()).isEqualTo(1);
        for (long bytes = 1; bytes < length; bytes++) {
            Read split = read(format, new FilePartitioning(bytes, 0, 1));

            assertThat(split.partitions()).as("splits of %d bytes", bytes).isGreaterThan(1);
            assertThat(split.rows()).as("splits of %d bytes", bytes).isEqualTo(whole.rows());
        }
        return whole.rows();
    }

    @Test
    void csvSplitsReadTheRowsOfTheWholeFile() throws IOException {
        write("a", "id,text\r\n1,é€\r\n2,\"quoted, with comma\"\r\n\r\n3,x𝄞y\n4,plain\r5,not a number\n"
                + "x,6\n7,\"a\"\"b\"\n8,last");

        List<Row> rows = assertEverySplitSizeReadsTheSameRows(
                new CsvFormat(ID_TEXT, CsvOptions.DEFAULTS.withHeader(true)));

        assertThat(rows).containsExactly(Row.of(1, "é€", null), Row.of(2, "quoted, with comma", null),
                Row.of(3, "x𝄞y", null), Row.of(4, "plain", null), Row.of(5, "not a number", null),
                Row.of(null, "6", "x,6"), Row.of(7, "\"a\"\"b\"", null), Row.of(8, "last", null));
    }

    @Test
    void jsonLinesSplitsReadTheRowsOfTheWholeFile() throws IOException {
        write("a", "{\"id\":1,\"text\":\"é€\"}\r\n\r\n[{\"id\":2},{\"id\":3,\"text\":\"𝄞\"}]\n{\"id\":\"x\"}\r"
                + "not json\n{\"id\":4,\n\"text\":\"split\"}\n{\"id\":5}");

        List<Row> rows = assertEverySplitSizeReadsTheSameRows(new JsonFormat(ID_TEXT, JsonOptions.DEFAULTS));

        assertThat(rows).containsExactly(Row.of(1, "é€", null), Row.of(2, null, null), Row.of(3, "𝄞", null),
                Row.of(null, null, "{\"id\":\"x\"}"), Row.of(null, null, "not json"), Row.of(null, null, "{\"id\":4,"),
                Row.of(null, null, "\"text\":\"split\"}"), Row.of(5, null, null));
    }

    @Test
    void textSplitsReadTheRowsOfTheWholeFile() throws IOException {
        write("a", "é€\r\n\r\nx𝄞y\rplain\n\nlast");

        List<Row> rows = assertEverySplitSizeReadsTheSameRows(new TextFormat());

        assertThat(rows).containsExactly(Row.of("é€"), Row.of(""), Row.of("x𝄞y"), Row.of("plain"), Row.of(""),
                Row.of("last"));
    }

    @Test
    void onlyTheSplitAtTheStartOfAFileHasTheHeader() throws IOException {
        write("a", "id,text\n1,a\n2,b\n3,c\n");

        Read split = read(new CsvFormat(ID_TEXT, CsvOptions.DEFAULTS.withHeader(true)), new FilePartitioning(8, 0, 1));

        assertThat(split.partitions()).isEqualTo(3);
        assertThat(split.rows()).containsExactly(Row.of(1, "a", null), Row.of(2, "b", null), Row.of(3, "c", null));
    }

    @Test
    void aFailFastMessageNamesTheLineInTheFileFromAnySplit() throws IOException {
        write("a", "1,a\n2,b\n3,c\nx,d\n5,e\n");
        CsvFormat format = new CsvFormat(Schema.of(Field.of("id", AtomicType.INT), Field.of("text", AtomicType.STRING)),
                CsvOptions.DEFAULTS.withMode(ParseMode.FAILFAST));

        assertThatThrownBy(() -> read(format, new FilePartitioning(5, 0, 1)))
                .hasMessage("in: malformed CSV record in 'a' line 4: cannot parse 'x' as INT for column 'id'");
    }
}
