package sluice.engine.source.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sluice.engine.source.InputPartition;
import sluice.engine.source.Source.ReadLimit;
import sluice.engine.source.SourceContext;
import sluice.engine.source.file.text.TextFormat;

/** The file source's log in its checkpoint folder, as Spark's FileStreamSourceLog writes and reads it. */
class FileSourceLogTest {
    @TempDir
    Path folder;
    @TempDir
    Path metadata;

    private void write(String name, long modifiedMillis) throws IOException {
        Path file = folder.resolve(name);
        Files.writeString(file, name);
        Files.setLastModifiedTime(file, FileTime.fromMillis(modifiedMillis));
    }

    private FileSource started() {
        FileSource source = new FileSource(FileSourceOptions.of(folder).withMaxFilesPerTrigger(1), new TextFormat());
        source.start(new SourceContext("files", metadata, Clock.systemUTC(), ZoneOffset.UTC));
        return source;
    }

    /** A log line as Spark 4.1 writes it for a folder given as a local path: {@code file:///…}. */
    private String sparkEntry(String name, long timestamp, long batchId) {
        return "{\"path\":\"" + folder.resolve(name).toUri() + "\",\"timestamp\":" + timestamp
                + ",\"batchId\":" + batchId
                + "}";
    }

    private static List<Object> values(FileSource source, String start, String end) {
        List<Object> values = new ArrayList<>();
        for (InputPartition partition : source.planInputPartitions(start, end)) {
            partition.read().rows().forEach(row -> values.add(row.get(0)));
        }
        return values;
    }

    @Test
    void theTenthBatchIsCompactedAsSparkCompactsIt() throws IOException {
        for (int i = 0; i < 11; i++) {
            write("f" + i + ".txt", 1_000L * (i + 1));
        }
        FileSource source = started();

        String end = null;
        for (int i = 0; i < 11; i++) {
            end = source.latestOffset(end, ReadLimit.SOURCE_DEFAULT);
        }

        assertThat(metadata.resolve("9.compact")).exists();
        assertThat(metadata.resolve("9")).doesNotExist();
        List<String> compact = Files.readAllLines(metadata.resolve("9.compact"));
        assertThat(compact).hasSize(11).startsWith("v1", sparkEntry("f0.txt", 1_000, 0));
        assertThat(compact.get(10)).isEqualTo(sparkEntry("f9.txt", 10_000, 9));
        assertThat(Files.readAllLines(metadata.resolve("10"))).containsExactly("v1", sparkEntry("f10.txt", 11_000, 10));
    }

    @Test
    void aSparkLogWhoseEarlyFilesWereDeletedAfterCompactionIsResumedWithoutRereading() throws IOException {
        List<String> compact = new ArrayList<>(List.of("v1"));
        for (int i = 0; i < 10; i++) {
            write("f" + i + ".txt", 1_000L * (i + 1));
            compact.add(sparkEntry("f" + i + ".txt", 1_000L * (i + 1), i));
        }
        write("f10.txt", 11_000);
        write("new.txt", 12_000);
        Files.writeString(metadata.resolve("9.compact"), String.join("\n", compact));
        Files.writeString(metadata.resolve("10"), "v1\n" + sparkEntry("f10.txt", 11_000, 10));

        FileSource source = started();
        String end = source.latestOffset("{\"logOffset\":10}", ReadLimit.SOURCE_DEFAULT);

        assertThat(end).isEqualTo("{\"logOffset\":11}");
        assertThat(values(source, "{\"logOffset\":10}", end)).containsExactly("new.txt");
        // Which partition reads which file follows their sizes, as in Spark: the order of the rows is not given.
        assertThat(values(source, "{\"logOffset\":8}", "{\"logOffset\":10}"))
                .containsExactlyInAnyOrder("f9.txt", "f10.txt");
    }
}
