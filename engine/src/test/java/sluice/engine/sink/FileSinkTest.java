package sluice.engine.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sluice.engine.types.AtomicType;
import sluice.engine.types.Batch;
import sluice.engine.types.Field;
import sluice.engine.types.PartitionedBatch;
import sluice.engine.types.Row;
import sluice.engine.types.Schema;

class FileSinkTest {
    private static final Schema SCHEMA = Schema.of(Field.of("name", AtomicType.STRING),
            Field.of("value", AtomicType.BIGINT));

    @TempDir
    Path out;

    private FileSink started(RowFormat format) {
        FileSink sink = new FileSink(out, format);
        PrintStream console = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        sink.start(new SinkContext("files", OutputMode.APPEND, console, new MemoryTables(), ZoneId.of("UTC")));
        return sink;
    }

    private static Batch rows(String... names) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            rows.add(Row.of(names[i], (long) i));
        }
        return Batch.ofRows(SCHEMA, rows);
    }

    private List<String> dataFileNames() throws IOException {
        try (Stream<Path> files = Files.list(out)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("part-")).sorted().toList();
        }
    }

    private static String contents(List<Path> files) throws IOException {
        StringBuilder all = new StringBuilder();
        for (Path file : files) {
            all.append(Files.readString(file));
        }
        return all.toString();
    }

    @Test
    void writesOneFilePerNonEmptyPartitionNamedLikeSpark() throws IOException {
        FileSink sink = started(CsvRowFormat.defaults());

        sink.addBatch(0, new PartitionedBatch(SCHEMA, List.of(rows("a"), Batch.empty(SCHEMA), rows("b", "c"))));

        assertThat(dataFileNames()).hasSize(2);
        assertThat(dataFileNames().get(0)).matches("part-00000-[0-9a-f-]{36}-c000\\.csv");
        assertThat(dataFileNames().get(1)).matches("part-00002-[0-9a-f-]{36}-c000\\.csv");
        assertThat(contents(FileSinkLog.committedFiles(out))).isEqualTo("a,0\nb,0\nc,1\n");
    }

    @Test
    void commitsEachBatchInSparkLogFormat() throws IOException {
        FileSink sink = started(JsonRowFormat.defaults());

        sink.addBatch(0, PartitionedBatch.of(rows("a")));

        Path file = out.resolve(dataFileNames().get(0));
        String log = Files.readString(out.resolve("_spark_metadata/0"));
        assertThat(log).isEqualTo("v1\n{\"path\":\"file:" + file.toAbsolutePath() + "\",\"size\":" + Files.size(file)
                + ",\"isDir\":false,\"modificationTime\":" + Files.getLastModifiedTime(file).toMillis()
                + ",\"blockReplication\":1,\"blockSize\":33554432,\"action\":\"add\"}");
        assertThat(Files.readString(file)).isEqualTo("{\"name\":\"a\",\"value\":0}\n");
    }

    @Test
    void reAddingACommittedBatchWritesNothing() throws IOException {
        FileSink sink = started(CsvRowFormat.defaults());
        sink.addBatch(0, PartitionedBatch.of(rows("a")));
        sink.addBatch(1, PartitionedBatch.of(rows("b")));

        FileSink restarted = started(CsvRowFormat.defaults());
        restarted.addBatch(1, PartitionedBatch.of(rows("b")));

        assertThat(dataFileNames()).hasSize(2);
        assertThat(contents(FileSinkLog.committedFiles(out))).isEqualTo("a,0\nb,0\n");
    }

    @Test
    void filesOfAnUncommittedBatchAreNotCommittedFiles() throws IOException {
        FileSink sink = started(CsvRowFormat.defaults());
        sink.addBatch(0, PartitionedBatch.of(rows("a")));
        Files.writeString(out.resolve("part-00000-orphan-c000.csv"), "crashed,9\n");

        List<Path> committed = FileSinkLog.committedFiles(out);

        assertThat(contents(committed)).isEqualTo("a,0\n");
    }

    @Test
    void emptyBatchCommitsOneEmptyFileAsSparksWriteTaskForPartitionZeroDoes() throws IOException {
        FileSink sink = started(CsvRowFormat.defaults());

        sink.addBatch(0, new PartitionedBatch(SCHEMA, List.of()));

        assertThat(dataFileNames()).hasSize(1);
        assertThat(FileSinkLog.committedFiles(out)).hasSize(1);
        assertThat(contents(FileSinkLog.committedFiles(out))).isEmpty();
    }

    @Test
    void csvWithHeaderWritesHeaderOnlyFileForEmptyFirstPartition() throws IOException {
        FileSink sink = started(new CsvRowFormat(true, ',', '"', '\\', "", "\"\"", false, true,
                CsvRowFormat.DEFAULT_DATE_FORMAT, CsvRowFormat.DEFAULT_TIMESTAMP_FORMAT,
                CsvRowFormat.DEFAULT_TIMESTAMP_NTZ_FORMAT));

        sink.addBatch(0, new PartitionedBatch(SCHEMA, List.of(Batch.empty(SCHEMA), Batch.empty(SCHEMA))));

        assertThat(dataFileNames()).hasSize(1);
        assertThat(contents(FileSinkLog.committedFiles(out))).isEqualTo("name,value\n");
    }

    @Test
    void tenthBatchIsCompactedAndAllBatchesStayReadable() throws IOException {
        FileSink sink = started(CsvRowFormat.defaults());

        for (int batch = 0; batch < 12; batch++) {
            sink.addBatch(batch, PartitionedBatch.of(rows("r" + batch)));
        }

        assertThat(Files.exists(out.resolve("_spark_metadata/9.compact"))).isTrue();
        assertThat(Files.exists(out.resolve("_spark_metadata/9"))).isFalse();
        assertThat(Files.readString(out.resolve("_spark_metadata/9.compact")).lines().skip(1)).hasSize(10);
        assertThat(new FileSinkLog(out).latestBatchId()).hasValue(11);
        assertThat(FileSinkLog.committedFiles(out)).hasSize(12);
        assertThat(contents(FileSinkLog.committedFiles(out))).startsWith("r0,0\nr1,0\n").endsWith("r10,0\nr11,0\n");
    }
}
