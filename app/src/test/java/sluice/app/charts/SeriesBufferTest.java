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
    void keepsPointsThatArriveOutOfOrderInXOrder() {
        SeriesBuffer buffer = new SeriesBuffer(3);

        buffer.add(20, 2);
        buffer.add(10, 1);
        buffer.add(30, 3);
        buffer.add(15, 1.5);
        buffer.add(5, 0.5);

        assertThat(new double[] {buffer.x(0), buffer.x(1), buffer.x(2)}).containsExactly(15, 20, 30);
        assertThat(new double[] {buffer.y(0), buffer.y(1), buffer.y(2)}).containsExactly(1.5, 2, 3);
    }

    @Test
    void inUpdateModeAPointOfTheSameXReplacesTheOldOne() {
        SeriesBuffer buffer = new SeriesBuffer(5);

        buffer.add(10, 1, true);
        buffer.add(20, 2, true);
        buffer.add(10, 1.5, true);
        buffer.add(20, 2.5, true);

        assertThat(buffer.size()).isEqualTo(2);
        assertThat(new double[] {buffer.y(0), buffer.y(1)}).containsExactly(1.5, 2.5);
    }

    @Test
    void ticksAreNiceStepsInsideTheRange() {
        assertThat(AxisTicks.of(0.3, 9.7, 5)).containsExactly(2.0, 4.0, 6.0, 8.0);
        assertThat(AxisTicks.label(1_420_156_800_000d, AxisTicks.Scale.DATE, 30 * 86_400_000d))
                .isEqualTo("2015-01-02");
    }
}
