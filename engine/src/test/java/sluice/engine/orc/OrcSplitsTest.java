package sluice.engine.orc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.hive.ql.exec.vector.LongColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.VectorizedRowBatch;
import org.apache.orc.OrcFile;
import org.apache.orc.Reader;
import org.apache.orc.StripeInformation;
import org.apache.orc.TypeDescription;
import org.apache.orc.Writer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sluice.engine.types.AtomicType;
import sluice.engine.types.Field;
import sluice.engine.types.Row;
import sluice.engine.types.Schema;

/** An ORC file read in byte ranges, as Spark's splits of it: each range reads the stripes that start in it. */
class OrcSplitsTest {
    private static final Schema SCHEMA = Schema.of(Field.of("n", AtomicType.BIGINT));
    private static final int ROWS = 6000;
    private static final int ROWS_PER_STRIPE = 1000;

    @TempDir
    Path folder;

    /** n from 0 up, a stripe every 1,000 rows. */
    private Path file() throws IOException {
        Path file = folder.resolve("part-0.orc");
        TypeDescription schema = TypeDescription.fromString("struct<n:bigint>");
        try (Writer writer = OrcFile.createWriter(new org.apache.hadoop.fs.Path(file.toUri()),
                OrcFile.writerOptions(OrcFiles.conf()).setSchema(schema).fileSystem(OrcFiles.local()))) {
            VectorizedRowBatch batch = schema.createRowBatch(ROWS_PER_STRIPE);
            for (long n = 0; n < ROWS; n++) {
                ((LongColumnVector) batch.cols[0]).vector[batch.size++] = n;
                if (batch.size == ROWS_PER_STRIPE) {
                    writer.addRowBatch(batch);
                    batch.reset();
                    // Ends the stripe: stripes of a known number of rows, whatever ORC's memory checks would do.
                    writer.writeIntermediateFooter();
                }
            }
        }
        return file;
    }

    @Test
    void theSplitsOfAFileReadEachStripeOnceAndTogetherEveryRowInOrder() throws IOException {
        Path file = file();
        long size = Files.size(file);
        List<StripeInformation> stripes;
        try (Reader reader = OrcFile.createReader(new org.apache.hadoop.fs.Path(file.toUri()),
                OrcFile.readerOptions(OrcFiles.conf()).filesystem(OrcFiles.local()))) {
            stripes = reader.getStripes();
        }
        assertThat(stripes).hasSize(ROWS / ROWS_PER_STRIPE);

        List<Long> all = new ArrayList<>();
        int splitsWithRows = 0;
        long third = size / 3 + 1;
        for (long start = 0; start < size; start += third) {
            List<Row> rows = new ArrayList<>();
            OrcFileReader.read(file, start, Math.min(third, size - start), SCHEMA, null, 256,
                    batch -> rows.addAll(batch.rows()));
            long from = start;
            long to = start + third;
            long expected = stripes.stream().filter(s -> s.getOffset() >= from && s.getOffset() < to)
                    .mapToLong(StripeInformation::getNumberOfRows).sum();
            assertThat(rows).as("rows of the split from byte %d", start).hasSize((int) expected);
            splitsWithRows += rows.isEmpty() ? 0 : 1;
            rows.forEach(row -> all.add((Long) row.get(0)));
        }

        assertThat(splitsWithRows).isGreaterThan(1);
        assertThat(all).hasSize(ROWS);
        for (int i = 0; i < ROWS; i++) {
            assertThat(all.get(i)).isEqualTo(i);
        }
    }
}
