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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sluice.engine.expr.ColumnPredicate;
import sluice.engine.source.InputFigures;
import sluice.engine.source.SourceContext;
import sluice.engine.source.file.FileFormat;
import sluice.engine.source.file.FileSplit;
import sluice.engine.source.file.parquet.ParquetFormat;
import sluice.engine.types.AtomicType;
import sluice.engine.types.Batch;
import sluice.engine.types.Field;
import sluice.engine.types.Row;
import sluice.engine.types.Schema;

/** Parquet row groups skipped by their statistics when a filter right after the source excludes them. */
class RowGroupSkippingTest {
    private static final Schema SCHEMA = Schema.of(Field.of("n", AtomicType.BIGINT), Field.of("s", AtomicType.STRING));
    private static final SourceContext CONTEXT = new SourceContext("in", null, Clock.systemUTC(), ZoneOffset.UTC);
    private static final int ROWS = 5000;

    @TempDir
    Path folder;

    /** n from 0 up, s 'a' for the first half and 'b' for the rest, in row groups of about 1 KB. */
    private Path file() throws IOException {
        List<Row> rows = new ArrayList<>();
        for (long n = 0; n < ROWS; n++) {
            rows.add(Row.of(n, n < ROWS / 2 ? "a" : "b"));
        }
        Path file = folder.resolve("part-0.parquet");
        try (OutputStream out = Files.newOutputStream(file)) {
            ParquetBatchWriter.of(ParquetCodec.SNAPPY).withRowGroupSize(1024).write(Batch.ofRows(SCHEMA, rows), out);
        }
        return file;
    }

    private static List<Row> read(FileFormat format, Path file, InputFigures figures) throws IOException {
        List<Batch> batches = new ArrayList<>();
        format.read(FileSplit.whole(file, Files.size(file)), CONTEXT, figures, batches::add);
        return batches.stream().flatMap(batch -> batch.rows().stream()).toList();
    }

    @Test
    void rowGroupsWhoseStatisticsExcludeTheFilterAreSkippedAndTheOthersReadWhole() throws IOException {
        Path file = file();
        InputFigures figures = new InputFigures(1, Files.size(file));
        FileFormat format = new ParquetFormat(SCHEMA).filtered(List.of(
                new ColumnPredicate(0, AtomicType.BIGINT, ColumnPredicate.Op.LT, 10L),
                new ColumnPredicate(1, AtomicType.STRING, ColumnPredicate.Op.EQ, "a")));

        List<Row> rows = read(format, file, figures);

        assertThat(figures.skippedRowGroups()).isGreaterThan(1);
        assertThat(rows.size()).isLessThan(ROWS);
        assertThat(rows.stream().filter(row -> (Long) row.get(0) < 10)).hasSize(10);
    }

    @Test
    void withoutPredicatesOrWithOnesNoRowGroupFailsEveryRowIsRead() throws IOException {
        Path file = file();
        InputFigures figures = new InputFigures(1, Files.size(file));
        FileFormat format = new ParquetFormat(SCHEMA).filtered(List.of(
                new ColumnPredicate(0, AtomicType.BIGINT, ColumnPredicate.Op.GE, 0L),
                new ColumnPredicate(1, AtomicType.STRING, ColumnPredicate.Op.IS_NOT_NULL, null)));

        List<Row> rows = read(format, file, figures);

        assertThat(figures.skippedRowGroups()).isZero();
        assertThat(rows).hasSize(ROWS);
    }
}
