package sluice.engine.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sluice.engine.types.Row;

class RateSourceTest {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private static SourceContext at(Instant now, Path metadata) {
        return new SourceContext("rate", metadata, Clock.fixed(now, ZoneOffset.UTC), ZoneOffset.UTC);
    }

    private static List<Row> read(RateSource source, String start, String end) {
        List<Row> rows = new ArrayList<>();
        source.planInputPartitions(start, end).forEach(p -> rows.addAll(p.read().rows()));
        return rows;
    }

    @Test
    void offsetIsWholeSecondsSinceStartAndTheFirstBatchIsEmpty() {
        RateSource source = new RateSource(2, 0, 1);
        source.start(at(START, null));

        assertThat(source.latestOffset(null, Source.ReadLimit.SOURCE_DEFAULT)).isEqualTo("0");
        assertThat(read(source, null, "0")).isEmpty();
    }

    @Test
    void valuesAreConsecutiveWithTimestampsSpreadOverTheirSecond() {
        RateSource source = new RateSource(4, 0, 1);
        source.start(at(START, null));

        List<Row> rows = read(source, "0", "1");

        assertThat(rows).containsExactly(
                Row.of(START, 0L), Row.of(START.plusMillis(250), 1L),
                Row.of(START.plusMillis(500), 2L), Row.of(START.plusMillis(750), 3L));
    }

    @Test
    void partitionsTakeValuesRoundRobinAsSparkDoes() {
        RateSource source = new RateSource(4, 0, 2);
        source.start(at(START, null));

        List<InputPartition> partitions = source.planInputPartitions("0", "1");

        assertThat(partitions.get(0).read().rows()).extracting(r -> r.get(1)).containsExactly(0L, 2L);
        assertThat(partitions.get(1).read().rows()).extracting(r -> r.get(1)).containsExactly(1L, 3L);
    }

    @Test
    void rampUpGrowsTheRateLinearly() {
        RateSource source = new RateSource(10, 4, 1);

        assertThat(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L)).extracting(source::valueAtSecond)
                .containsExactly(0L, 2L, 6L, 12L, 20L, 30L, 40L);
    }

    @Test
    void aRestartKeepsTheStartTimeFromTheMetadataFolder(@TempDir Path metadata) throws Exception {
        RateSource first = new RateSource(1, 0, 1);
        first.start(at(START, metadata));
        RateSource second = new RateSource(1, 0, 1);
        second.start(at(START.plusSeconds(60), metadata));

        assertThat(Files.readString(metadata.resolve("0"))).isEqualTo("v1\n" + START.toEpochMilli());
        assertThat(read(second, "2", "3")).containsExactly(Row.of(START.plusSeconds(2), 2L));
        assertThat(second.latestOffset("3", Source.ReadLimit.SOURCE_DEFAULT)).isEqualTo("60");
    }
}
