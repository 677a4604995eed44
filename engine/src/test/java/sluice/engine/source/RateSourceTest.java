package sluice.engine.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sluice.engine.runtime.ManualClock;
import sluice.engine.task.TaskInterruption;
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

    /** A source started at START whose clock then moves on by {@code elapsed}. */
    private static RateSource startedAgo(RateSource source, Duration elapsed) {
        ManualClock clock = new ManualClock(START);
        source.start(new SourceContext("rate", null, clock, ZoneOffset.UTC));
        clock.advance(elapsed);
        return source;
    }

    private static String latest(RateSource source, String start) {
        return source.latestOffset(start, Source.ReadLimit.SOURCE_DEFAULT);
    }

    @Test
    void aBatchFarBehindTheClockHoldsAtMostMaxRowsPerBatchInWholeSeconds() {
        RateSource source = startedAgo(new RateSource(1_000, 0, 1, 5_500), Duration.ofSeconds(100));

        assertThat(latest(source, null)).isEqualTo("5");
        assertThat(latest(source, "5")).isEqualTo("10");
        assertThat(source.latestOffset("10", Source.ReadLimit.ALL_AVAILABLE)).isEqualTo("15");
        assertThat(read(source, "5", "10")).hasSize(5_000);
    }

    @Test
    void aBatchTakesOneSecondEvenWhenOneSecondHoldsMoreThanMaxRowsPerBatch() {
        RateSource source = startedAgo(new RateSource(10_000, 0, 1, 5_000), Duration.ofSeconds(100));

        assertThat(latest(source, "0")).isEqualTo("1");
        assertThat(latest(source, "99")).isEqualTo("100");
    }

    @Test
    void aSourceThatKeepsUpTakesEverySecondThatPassed() {
        RateSource source = startedAgo(new RateSource(1_000, 0, 1, 5_000), Duration.ofMillis(3_900));

        assertThat(latest(source, "0")).isEqualTo("3");
    }

    @Test
    void theLimitCountsTheRowsOfTheRampUp() {
        // Values at seconds 0..6 are 0, 2, 6, 12, 20, 30, 40.
        RateSource source = startedAgo(new RateSource(10, 4, 1, 12), Duration.ofSeconds(6));

        assertThat(latest(source, null)).isEqualTo("3");
        assertThat(latest(source, "3")).isEqualTo("4");
        assertThat(latest(source, "4")).isEqualTo("5");
    }

    @Test
    void availableNowRunsBatchesThatFitUpToTheEndFixedAtItsStart() {
        ManualClock clock = new ManualClock(START);
        RateSource source = new RateSource(1_000, 0, 1, 50_000);
        source.start(new SourceContext("rate", null, clock, ZoneOffset.UTC));
        clock.advance(Duration.ofSeconds(80));
        source.prepareForAvailableNow();
        clock.advance(Duration.ofSeconds(100));

        assertThat(latest(source, null)).isEqualTo("50");
        assertThat(latest(source, "50")).isEqualTo("80");
        assertThat(latest(source, "80")).isEqualTo("80");
    }

    @Test
    void aPartitionReadStopsWhenItsThreadIsInterrupted() {
        RateSource source = startedAgo(new RateSource(1_000_000, 0, 1, 1_000_000), Duration.ofSeconds(1));
        InputPartition partition = source.planInputPartitions("0", "1").get(0);

        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(partition::read).isInstanceOf(TaskInterruption.class);
        } finally {
            Thread.interrupted();
        }
    }
}
