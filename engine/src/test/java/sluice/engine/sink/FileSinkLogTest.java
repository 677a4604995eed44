package sluice.engine.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSinkLogTest {
    @TempDir
    Path out;

    private Path metadata() throws IOException {
        return Files.createDirectories(out.resolve("_spark_metadata"));
    }

    private static String entry(String path, String action) {
        return "{\"path\":\"" + path + "\",\"size\":10,\"isDir\":false,\"modificationTime\":1700000000000,"
                + "\"blockReplication\":1,\"blockSize\":33554432,\"action\":\"" + action + "\"}";
    }

    @Test
    void readsSparkWrittenCompactFileAndLaterBatches() throws IOException {
        Path log = metadata();
        Files.writeString(log.resolve("8"), "v1\n" + entry("file:/old/part-8.csv", "add"));
        Files.writeString(log.resolve("9.compact"), "v1\n" + entry("file:/data/part-a.csv", "add") + "\n"
                + entry("file:/data/part-b.csv", "add"));
        Files.writeString(log.resolve("10"), "v1\n" + entry("file:/data/part-c.csv", "add"));
        Files.writeString(log.resolve(".10.crc"), "ignored");
        Files.writeString(log.resolve(".11.5f2c.tmp"), "ignored");

        List<Path> files = FileSinkLog.committedFiles(out);

        assertThat(files).containsExactly(Path.of("/data/part-a.csv"), Path.of("/data/part-b.csv"),
                Path.of("/data/part-c.csv"));
    }

    @Test
    void deletedFilesAreNotCommittedFiles() throws IOException {
        Path log = metadata();
        Files.writeString(log.resolve("0"), "v1\n" + entry("file:///data/a.csv", "add") + "\n"
                + entry("file:///data/b.csv", "add"));
        Files.writeString(log.resolve("1"), "v1\n" + entry("file:///data/a.csv", "delete"));

        assertThat(FileSinkLog.committedFiles(out)).containsExactly(Path.of("/data/b.csv"));
    }

    @Test
    void folderWithoutLogHasNoMetadata() {
        assertThat(FileSinkLog.hasMetadata(out)).isFalse();
        assertThat(new FileSinkLog(out).latestBatchId()).isEmpty();
    }

    @Test
    void addingAnExistingBatchIdIsRefused() {
        FileSinkLog log = new FileSinkLog(out);
        log.add(0, List.of());

        boolean added = log.add(0, List.of(SinkFileStatus.added("file:/x", 1, 2)));

        assertThat(added).isFalse();
        assertThat(log.allFiles()).isEmpty();
    }
}
