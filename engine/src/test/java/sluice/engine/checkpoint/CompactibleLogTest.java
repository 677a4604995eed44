package sluice.engine.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sluice.engine.diag.SluiceException;

class CompactibleLogTest {
    /** Entries are names, written as Spark writes its entries: one JSON object per line. */
    private static final CompactibleLog.Codec<String> NAMES = new CompactibleLog.Codec<>() {
        @Override
        public String toJson(String entry) {
            return "{\"name\":\"" + entry + "\"}";
        }

        @Override
        public String fromJson(Map<String, Object> json) {
            if (!(json.get("name") instanceof String name)) {
                throw new IllegalArgumentException("has no name");
            }
            return name;
        }
    };

    @TempDir
    Path dir;

    private CompactibleLog<String> log() {
        return new CompactibleLog<>(dir, NAMES, LogOwner.CHECKPOINT);
    }

    private List<String> fileNames() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void theTenthBatchIsACompactFileWithEveryEntrySoFar() throws IOException {
        CompactibleLog<String> log = log();

        for (int batch = 0; batch < 11; batch++) {
            log.add(batch, List.of("b" + batch));
        }

        assertThat(fileNames()).containsExactly("0", "1", "10", "2", "3", "4", "5", "6", "7", "8", "9.compact");
        assertThat(Files.readString(dir.resolve("9.compact"))).isEqualTo("v1\n" + String.join("\n",
                Stream.of("b0", "b1", "b2", "b3", "b4", "b5", "b6", "b7", "b8", "b9")
                        .map(NAMES::toJson).toList()));
        assertThat(log.allEntries()).containsExactly("b0", "b1", "b2", "b3", "b4", "b5", "b6", "b7", "b8", "b9",
                "b10");
    }

    @Test
    void theFilesBeforeACompactFileMayBeGoneAsSparkDeletesThem() throws IOException {
        Files.writeString(dir.resolve("9.compact"), "v1\n{\"name\":\"old\"}");
        Files.writeString(dir.resolve("10"), "v1\n{\"name\":\"new\"}");
        Files.writeString(dir.resolve(".10.crc"), "Hadoop's checksum");
        Files.writeString(dir.resolve(".11.3f2a.tmp"), "a temporary file");

        assertThat(log().allEntries()).containsExactly("old", "new");
        assertThat(log().latestId()).hasValue(10);
    }

    @Test
    void aLogCompactedAtAnotherIntervalKeepsIt() throws IOException {
        Files.writeString(dir.resolve("4.compact"), "v1\n{\"name\":\"up to 4\"}");
        Files.writeString(dir.resolve("9.compact"), "v1\n{\"name\":\"up to 9\"}");

        CompactibleLog<String> log = log();

        assertThat(log.isCompactionBatch(14)).isTrue();
        assertThat(log.isCompactionBatch(19)).isTrue();
        assertThat(log.isCompactionBatch(12)).isFalse();
    }

    @Test
    void aGapBetweenTheCompactFileAndTheLatestBatchIsAProblem() throws IOException {
        Files.writeString(dir.resolve("9.compact"), "v1");
        Files.writeString(dir.resolve("11"), "v1");

        assertThatThrownBy(() -> log().allEntries()).isInstanceOf(SluiceException.class)
                .hasMessage("checkpointLocation: the log in '" + dir + "' is damaged: it has batch 11 but not "
                        + "batch 10");
    }

    @Test
    void aBatchWithTwoFilesIsAProblem() throws IOException {
        Files.writeString(dir.resolve("9"), "v1");
        Files.writeString(dir.resolve("9.compact"), "v1");

        assertThatThrownBy(() -> log().latestId()).isInstanceOf(SluiceException.class)
                .hasMessage("checkpointLocation: the log in '" + dir + "' is damaged: batch 9 has two files, '9' and "
                        + "'9.compact'");
    }

    @Test
    void aLineThatIsNotAnEntryNamesTheFileAndLine() throws IOException {
        Files.writeString(dir.resolve("0"), "v1\n{\"name\":\"a\"}\n{\"other\":1}");

        assertThatThrownBy(() -> log().allEntries()).isInstanceOf(SluiceException.class)
                .hasMessage("checkpointLocation: file '" + dir.resolve("0") + "' is damaged: line 3 has no name: "
                        + "'{\"other\":1}'");
    }

    /** NAMES with the quick read of the one shape it writes, as the file source's log has. */
    private static final CompactibleLog.Codec<String> QUICK_NAMES = new CompactibleLog.Codec<>() {
        @Override
        public String toJson(String entry) {
            return NAMES.toJson(entry);
        }

        @Override
        public String fromJson(Map<String, Object> json) {
            return NAMES.fromJson(json);
        }

        @Override
        public String fromLine(byte[] bytes, int start, int end) {
            String line = new String(bytes, start, end - start, StandardCharsets.US_ASCII);
            return line.matches("\\{\"name\":\"[a-z]+\"}") ? line.substring(9, line.length() - 2) : null;
        }
    };

    @Test
    void aFileWithOneLineInAnotherShapeIsReadWholeAsJson() throws IOException {
        Files.writeString(dir.resolve("0"), "v1\n{\"name\":\"a\"}\n{ \"name\" : \"b\" }\n{\"name\":\"c\"}\n");
        Files.writeString(dir.resolve("1"), "v1\n{\"name\":\"d\"}\n{\"name\":\"e\"}");

        assertThat(new CompactibleLog<>(dir, QUICK_NAMES, LogOwner.CHECKPOINT).allEntries())
                .containsExactly("a", "b", "c", "d", "e");
    }

    @Test
    void aDamagedLineAfterQuickLinesIsNamedByItsNumber() throws IOException {
        Files.writeString(dir.resolve("0"), "v1\n{\"name\":\"a\"}\n{\"name\":\"b\"}\n\n{\"name\":\"c\"}");

        assertThatThrownBy(() -> new CompactibleLog<>(dir, QUICK_NAMES, LogOwner.CHECKPOINT).allEntries())
                .isInstanceOf(SluiceException.class).hasMessage("checkpointLocation: file '" + dir.resolve("0")
                        + "' is damaged: line 4 is not a JSON object: ''");
    }

    @Test
    void aMalformedVersionLineIsAProblem() throws IOException {
        Files.writeString(dir.resolve("0"), "version one\n{\"name\":\"a\"}");

        assertThatThrownBy(() -> log().allEntries()).isInstanceOf(SluiceException.class)
                .hasMessage("checkpointLocation: file '" + dir.resolve("0") + "' is damaged: its first line should "
                        + "be a log version such as 'v1', not 'version one'");
    }

    @Test
    void anExistingBatchIsNotWrittenAgain() throws IOException {
        CompactibleLog<String> log = log();
        log.add(0, List.of("first"));

        boolean added = log.add(0, List.of("second"));

        assertThat(added).isFalse();
        assertThat(log.allEntries()).containsExactly("first");
    }

    @Test
    void filesBeforeTheCompactionThatKeepsTheLastHundredBatchesGoOnceTenMinutesOld() throws IOException {
        CompactibleLog<String> log = log();
        for (int batch = 0; batch < 120; batch++) {
            log.add(batch, List.of("b" + batch));
        }
        // Written just now, nothing is old enough to go (Spark's cleanupDelay).
        assertThat(fileNames()).hasSize(120);
        java.nio.file.attribute.FileTime old = java.nio.file.attribute.FileTime.fromMillis(
                System.currentTimeMillis() - CompactibleLog.CLEANUP_DELAY_MS - 1000);
        for (String name : fileNames()) {
            Files.setLastModifiedTime(dir.resolve(name), old);
        }

        log.add(120, List.of("b120"));

        // Batch 120 keeps batches 21 to 120; the compaction batch holding them all is 19, so 0 to 18 go.
        assertThat(fileNames()).doesNotContain("0", "18").contains("19.compact", "20", "120");
        assertThat(fileNames()).hasSize(121 - 19);
        assertThat(log.allEntries()).hasSize(121).startsWith("b0").endsWith("b120");
        assertThat(new CompactibleLog<>(dir, NAMES, LogOwner.CHECKPOINT).isCompactionBatch(129)).isTrue();
    }
}
