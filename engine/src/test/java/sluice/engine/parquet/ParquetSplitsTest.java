package sluice.engine.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sluice.engine.source.InputFigures;
import sluice.engine.source.SourceContext;
import sluice.engine.source.file.FilePartitioning;
import sluice.engine.source.file.FileSplit;
import sluice.engine.source.file.parquet.ParquetFormat;
import sluice.engine.types.AtomicType;
import sluice.engine.types.Batch;
import sluice.engine.types.Field;
import sluice.engine.types.Row;
import sluice.engine.types.Schema;

/**
 * A Parquet file cut into splits as Spark's file scan cuts it: each split reads the row groups whose middle byte lies
 * in it, so together the splits read every row once and in the file's order.
 */
class ParquetSplitsTest {
    private static final Schema SCHEMA = Schema.of(Field.of("n", AtomicType.BIGINT), Field.of("s", AtomicType.STRING));
    private static final SourceContext CONTEXT = new SourceContext("in", null, Clock.systemUTC(), ZoneOffset.UTC);
    private static final int ROWS = 5000;

    @TempDir
    Path folder;

    @Test
    void theSplitsOfAFileReadEachRowGroupOnceAndTogetherEveryRowInOrder() throws IOException {
        List<Row> written = new ArrayList<>();
        for (long n = 0; n < ROWS; n++) {
            written.add(Row.of(n, "row " + n));
        }
        Path file = folder.resolve("part-0.parquet");
        try (OutputStream out = Files.newOutputStream(file)) {
            ParquetBatchWriter.of(ParquetCodec.SNAPPY).withRowGroupSize(4096).write(Batch.ofRows(SCHEMA, written),
                    out);
        }
        long size = Files.size(file);
        List<BlockMetaData> rowGroups;
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
            rowGroups = reader.getFooter().getBlocks();
        }
        assertThat(rowGroups).hasSizeGreaterThan(3);
        // Spark's planning with a quarter of the file as the largest split.
        List<List<FileSplit>> partitions = new FilePartitioning(size / 4 + 1, 0, 1)
                .partitions(List.of(new FilePartitioning.SizedFile(file, size)), true);
        assertThat(partitions).hasSize(4);

        List<Row> read = new ArrayList<>();
        int splitsWithRows = 0;
        for (FileSplit split : partitions.stream().flatMap(List::stream).sorted(
                java.util.Comparator.comparingLong(FileSplit::start)).toList()) {
            List<Row> rows = new ArrayList<>();
            new ParquetFormat(SCHEMA).read(split, CONTEXT, new InputFigures(1, size),
                    batch -> rows.addAll(batch.rows()));
            long expected = rowGroups.stream().filter(group -> {
                long middle = group.getStartingPos() + group.getCompressedSize() / 2;
                return middle >= split.start() && middle < split.end();
            }).mapToLong(BlockMetaData::getRowCount).sum();
            assertThat(rows).as("rows of the split from byte %d", split.start()).hasSize((int) expected);
            splitsWithRows += rows.isEmpty() ? 0 : 1;
            read.addAll(rows);
        }

        assertThat(splitsWithRows).isGreaterThan(1);
        assertThat(read).isEqualTo(written);
    }
}
