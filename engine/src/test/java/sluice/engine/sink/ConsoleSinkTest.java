package sluice.engine.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import sluice.engine.types.AtomicType;
import sluice.engine.types.Batch;
import sluice.engine.types.Field;
import sluice.engine.types.PartitionedBatch;
import sluice.engine.types.Row;
import sluice.engine.types.Schema;

class ConsoleSinkTest {
    private static final Schema RATE = Schema.of(Field.of("timestamp", AtomicType.TIMESTAMP),
            Field.of("value", AtomicType.BIGINT));

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    private ConsoleSink started(int numRows, boolean truncate) {
        ConsoleSink sink = new ConsoleSink(numRows, truncate);
        PrintStream console = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        sink.start(new SinkContext("console", OutputMode.APPEND, console, new MemoryTables(), ZoneId.of("UTC")));
        return sink;
    }

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static Batch rateRows(int from, int count) {
        List<Row> rows = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            rows.add(Row.of(Instant.parse("2024-05-01T10:00:00Z").plusMillis(100L * i), (long) i));
        }
        return Batch.ofRows(RATE, rows);
    }

    @Test
    void printsBannerTableAndBlankLinePerBatch() {
        ConsoleSink sink = started(20, true);

        sink.addBatch(0, PartitionedBatch.of(rateRows(0, 3)));
        sink.addBatch(1, PartitionedBatch.of(rateRows(3, 2)));

        GoldenFile.assertMatches(ConsoleSinkTest.class, "two-batches", printed());
    }

    @Test
    void printsPartitionsInOrderAndCutsAtNumRows() {
        ConsoleSink sink = started(4, true);
        PartitionedBatch data = new PartitionedBatch(RATE, List.of(rateRows(0, 3), Batch.empty(RATE), rateRows(3, 3)));

        sink.addBatch(7, data);

        GoldenFile.assertMatches(ConsoleSinkTest.class, "partitions-over-num-rows", printed());
    }

    @Test
    void emptyBatchPrintsBannerAndEmptyTable() {
        ConsoleSink sink = started(20, true);

        sink.addBatch(2, new PartitionedBatch(RATE, List.of()));

        assertThat(printed()).isEqualTo("-------------------------------------------\n"
                + "Batch: 2\n"
                + "-------------------------------------------\n"
                + "+---------+-----+\n"
                + "|timestamp|value|\n"
                + "+---------+-----+\n"
                + "+---------+-----+\n"
                + "\n");
    }

    @Test
    void truncateFalseLeftAlignsCells() {
        ConsoleSink sink = started(20, false);

        sink.addBatch(0, PartitionedBatch.of(rateRows(0, 2)));

        GoldenFile.assertMatches(ConsoleSinkTest.class, "untruncated", printed());
    }
}
