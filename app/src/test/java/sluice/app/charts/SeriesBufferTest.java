package sluice.app.charts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeriesBufferTest {
    @Test
    void keepsTheNewestPointsOldestFirst() {
        SeriesBuffer buffer = new SeriesBuffer(3);

        for (int i = 0; i < 5; i++) {
            buffer.add(i, i * 10);
        }

        assertThat(buffer.size()).isEqualTo(3);
        assertThat(new double[] {buffer.x(0), buffer.x(1), buffer.x(2)}).containsExactly(2, 3, 4);
        assertThat(buffer.y(2)).isEqualTo(40);
    }

    @Test
    void ticksAreNiceStepsInsideTheRange() {
        assertThat(AxisTicks.of(0.3, 9.7, 5)).containsExactly(2.0, 4.0, 6.0, 8.0);
        assertThat(AxisTicks.label(1_420_156_800_000d, AxisTicks.Scale.DATE, 30 * 86_400_000d))
                .isEqualTo("2015-01-02");
    }
}
