package sluice.engine.source.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.SluiceException;
import sluice.engine.source.InputPartition;
import sluice.engine.source.Source.ReadLimit;
import sluice.engine.source.SourceContext;
import sluice.engine.source.file.text.TextFormat;

class FileSourceTest {
    @TempDir
    Path folder;
    @TempDir
    Path checkpoint;

    private Path write(String name, String text, long modifiedMillis) throws IOException {
        Path file = folder.resolve(name);
        Files.writeString(file, text);
        Files.setLastModifiedTime(file, FileTime.fromMillis(modifiedMillis));
        return file;
    }

    private FileSource started(FileSourceOptions options, Path metadataDir) {
        FileSource source = new FileSource(options, new TextFormat());
        source.start(new SourceContext("files", metadataDir, Clock.systemUTC(), ZoneOffset.UTC));
        return source;
    }

    private static List<Object> values(FileSource source, String start, String end) {
        List<Object> values = new ArrayList<>();
        for (InputPartition partition : source.planInputPartitions(start, end)) {
            partition.read().rows().forEach(row -> values.add(row.get(0)));
        }
        return values;
    }

    @Test
    void readsFilesOldestFirstThenByPath() throws IOException {
        write("c.txt", "c", 1_000);
        write("b.txt", "b", 2_000);
        write("a.txt", "a", 2_000);
        FileSource source = started(FileSourceOptions.of(folder), null);

        String end = source.latestOffset(null, ReadLimit.SOURCE_DEFAULT);

        assertThat(end).isEqualTo("{\"logOffset\":0}");
        assertThat(values(source, null, end)).containsExactly("c", "a", "b");
    }

    @Test
    void maxFilesPerTriggerCutsTheNewFilesIntoBatches() throws IOException {
        write("a.txt", "a", 1_000);
        write("b.txt", "b", 2_000);
        write("c.txt", "c", 3_000);
        FileSource source = started(FileSourceOptions.of(folder).withMaxFilesPerTrigger(2), null);

        String first = source.latestOffset(null, ReadLimit.SOURCE_DEFAULT);
        String second = source.latestOffset(first, ReadLimit.SOURCE_DEFAULT);
        String third = source.latestOffset(second, ReadLimit.SOURCE_DEFAULT);

        assertThat(values(source, null, first)).containsExactly("a", "b");
        assertThat(values(source, first, second)).containsExactly("c");
        assertThat(third).isEqualTo(second);
    }

    @Test
    void maxBytesPerTriggerTakesTheFirstFileAlwaysThenFilesWhileTheyFit() throws IOException {
        write("a.txt", "aaaaaaaaaa", 1_000);
        write("b.txt", "bbb", 2_000);
        write("c.txt", "cc", 3_000);
        write("d.txt", "d", 4_000);
        FileSource source = started(FileSourceOptions.of(folder).withMaxBytesPerTrigger(4), null);

        String first = source.latestOffset(null, ReadLimit.SOURCE_DEFAULT);
        String second = source.latestOffset(first, ReadLimit.SOURCE_DEFAULT);
        String third = source.latestOffset(second, ReadLimit.SOURCE_DEFAULT);

        assertThat(values(source, null, first)).containsExactly("aaaaaaaaaa");
        assertThat(values(source, first, second)).containsExactly("bbb");
        assertThat(values(source, second, third)).containsExactly("cc", "d");
    }

    @Test
    void modifiedAfterAndModifiedBeforeKeepOnlyFilesInBetween() throws IOException {
        write("a.txt", "a", 1_000);
        write("b.txt", "b", 2_000);
        write("c.txt", "c", 3_000);
        ModifiedTimeFilter between = new ModifiedTimeFilter(1_000_000L, 3_000_000L, ZoneOffset.UTC);
        FileSource source = started(new FileSourceOptions(folder, 0, 0, false, false,
                FileSourceOptions.DEFAULT_MAX_FILE_AGE, null, between, SourceCleaner.OFF), null);

        String end = source.latestOffset(null, ReadLimit.SOURCE_DEFAULT);

        assertThat(values(source, null, end)).containsExactly("b");
    }

    @Test
    void allAvailableLimitIgnoresMaxFilesPerTrigger() throws IOException {
        write("a.txt", "a", 1_000);
        write("b.txt", "b", 2_000);
        FileSource source = started(FileSourceOptions.of(folder).withMaxFilesPerTrigger(1), null);

        String end = source.latestOffset(null, ReadLimit.ALL_AVAILABLE);

        assertThat(values(source, null, end)).containsExactly("a", "b");
    }

    @Test
    void latestFirstTakesTheNewestFilesFirst() throws IOException {
        write("a.txt", "a", 1_000);
        write("b.txt", "b", 2_000);
        write("c.txt", "c", 3_000);
        FileSource source = started(FileSourceOptions.of(folder).withMaxFilesPerTrigger(2).withLatestFirst(true), null);

        String first = source.latestOffset(null, ReadLimit.SOURCE_DEFAULT);
        String second = source.latestOffset(first, ReadLimit.SOURCE_DEFAULT);

        assertThat(values(source, null, first)).containsExactly("c", "b");
        assertThat(values(source, first, second)).containsExactly("a");
    }

    @Test
    void noFilesMeansNoOffset() {
        FileSource source = started(FileSourceOptions.of(folder), null);

        assertThat(source.latestOffset(null, ReadLimit.SOURCE_DEFAULT)).isNull();
    }

    @Test
    void newFilesArePickedUpByALaterOffsetAndOldOnesNotAgain() throws IOException {
        write("a.txt", "a", 1_000);
        FileSource source = started(FileSourceOptions.of(folder), null);
        String first = source.latestOffset(null, ReadLimit.SOURCE_DEFAULT);

        write("b.txt", "b", 500);
        String second = source.latestOffset(first, ReadLimit.SOURCE_DEFAULT);

        assertThat(second).isEqualTo("{\"logOffset\":1}");
        assertThat(values(source, first, second)).containsExactly("b");
    }

    @Test
    void readingTheSameOffsetsTwiceGivesTheSameRows() throws IOException {
        write("a.txt", "a1\na2", 1_000);
        write("b.txt", "b1", 2_000);
        FileSource source = started(FileSourceOptions.of(folder), null);
        String end = source.latestOffset(null, ReadLimit.SOURCE_DEFAULT);

        List<Object> once = values(source, null, end);
        List<Object> twice = values(source, null, end);

        assertThat(twice).isEqualTo(once).containsExactly("a1", "a2", "b1");
    }

    @Test
    void restartRecoversTheFileLogFromTheMetadataFolder() throws IOException {
        Path metadata = checkpoint.resolve("sources").resolve("0");
        write("a.txt", "a", 1_000);
        write("b.txt", "b", 2_000);
        FileSource before = started(FileSourceOptions.of(folder).withMaxFilesPerTrigger(1), metadata);
        String first = before.latestOffset(null, ReadLimit.SOURCE_DEFAULT);
        String second = before.latestOffset(first, ReadLimit.SOURCE_DEFAULT);
        write("c.txt", "c", 3_000);

        FileSource after = started(FileSourceOptions.of(folder).withMaxFilesPerTrigger(1), metadata);
        String third = after.latestOffset(second, ReadLimit.SOURCE_DEFAULT);

        assertThat(values(after, first, second)).containsExactly("b");
        assertThat(values(after, second, third)).containsExactly("c");
        assertThat(Files.readAllLines(metadata.resolve("1"))).containsExactly("v1",
                "{\"path\":\"" + folder.resolve("b.txt").toUri() + "\",\"timestamp\":2000,\"batchId\":1}");
    }

    @Test
    void aFileWrittenWhileARestartReadsItsLogIsTakenOnceByThisTriggerOrTheNext() throws IOException {
        Path metadata = checkpoint.resolve("sources").resolve("0");
        write("a.txt", "a", 1_000);
        FileSource before = started(FileSourceOptions.of(folder), metadata);
        String first = before.latestOffset(null, ReadLimit.SOURCE_DEFAULT);
        write("b.txt", "b", 2_000);

        // The folder's names are read on a thread of their own from here, while the log is read.
        FileSource after = started(FileSourceOptions.of(folder), metadata);
        write("c.txt", "c", 3_000);
        String second = after.latestOffset(first, ReadLimit.SOURCE_DEFAULT);
        String third = after.latestOffset(second, ReadLimit.SOURCE_DEFAULT);

        assertThat(values(after, first, third)).containsExactlyInAnyOrder("b", "c");
    }

    @Test
    void availableNowReadsOnlyTheFilesPresentWhenPrepared() throws IOException {
        write("a.txt", "a", 1_000);
        write("b.txt", "b", 2_000);
        FileSource source = started(FileSourceOptions.of(folder).withMaxFilesPerTrigger(1), null);
        source.prepareForAvailableNow();
        write("c.txt", "c", 500);

        String first = source.latestOffset(null, ReadLimit.SOURCE_DEFAULT);
        String second = source.latestOffset(first, ReadLimit.SOURCE_DEFAULT);
        String third = source.latestOffset(second, ReadLimit.SOURCE_DEFAULT);

        assertThat(values(source, null, second)).containsExactly("a", "b");
        assertThat(third).isEqualTo(second);
    }

    @Test
    void hiddenFilesAndFilesOutsideTheGlobAreSkipped() throws IOException {
        write("a.txt", "a", 1_000);
        write("_SUCCESS", "x", 1_000);
        write(".a.txt.crc", "x", 1_000);
        write("b.csv", "b", 1_000);
        FileSource source = started(new FileSourceOptions(folder, 0, false, false,
                FileSourceOptions.DEFAULT_MAX_FILE_AGE, "*.txt"), null);

        String end = source.latestOffset(null, ReadLimit.SOURCE_DEFAULT);

        assertThat(values(source, null, end)).containsExactly("a");
    }

    @Test
    void missingFolderFailsAtStartNamingNodeAndPath() {
        Path missing = folder.resolve("nope");

        assertThatThrownBy(() -> started(FileSourceOptions.of(missing), null))
                .isInstanceOfSatisfying(SluiceException.class, e -> {
                    assertThat(e.problem().code()).isEqualTo(ErrorCode.SOURCE_FAILED);
                    assertThat(e.problem().render()).isEqualTo("files: path does not exist: '" + missing + "'");
                });
    }

    @Test
    void fileDeletedBeforeItIsReadFailsNamingTheFile() throws IOException {
        Path file = write("a.txt", "a", 1_000);
        FileSource source = started(FileSourceOptions.of(folder), null);
        String end = source.latestOffset(null, ReadLimit.SOURCE_DEFAULT);
        Files.delete(file);

        assertThatThrownBy(() -> values(source, null, end))
                .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.problem().render())
                        .isEqualTo("files: cannot read file 'a.txt': it no longer exists"));
    }
}
