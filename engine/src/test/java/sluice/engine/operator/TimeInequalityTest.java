package sluice.engine.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * The state value watermark as Spark's StreamingJoinHelper solves it, over conditions written as terms: left column 0
 * is the left event time, right column 0 the right one (the other side's watermark column).
 */
class TimeInequalityTest {
    private static final double SECOND = 1_000_000.0;
    private static final long WATERMARK_MS = 100_000;

    /** {@code leftTime < rightTime + seconds} (or <=), as the terms of leftTime - rightTime - seconds. */
    private static TimeInequality leftBelowRightPlus(double seconds, boolean orEqual) {
        return new TimeInequality(List.of(TimeInequality.Term.column(false, 0, 0),
                TimeInequality.Term.column(true, 1, 0), TimeInequality.Term.constant(true, seconds * SECOND)),
                orEqual);
    }

    @Test
    void aLowerBoundOnOneSideIsTheOtherSidesWatermarkPlusItsConstant() {
        // rightTime - 5 seconds < leftTime: a left row at or before W - 5 s can match no future right row.
        TimeInequality lowerBound = new TimeInequality(List.of(TimeInequality.Term.column(false, 1, 0),
                TimeInequality.Term.constant(true, 5 * SECOND), TimeInequality.Term.column(true, 0, 0)), false);

        assertThat(TimeInequality.stateWatermarkMs(List.of(lowerBound), 0, 0, WATERMARK_MS))
                .isEqualTo(OptionalLong.of(95_000));
    }

    @Test
    void anAllowedBoundMovesBackAMillisecondAndTheLeastBoundWins() {
        TimeInequality strict = leftBelowRightPlus(20, false);
        TimeInequality allowed = leftBelowRightPlus(10, true);

        // leftTime < rightTime + 20 s bounds the right side: rightTime > leftTime - 20 s.
        assertThat(TimeInequality.stateWatermarkMs(List.of(strict), 1, 0, WATERMARK_MS))
                .isEqualTo(OptionalLong.of(80_000));
        assertThat(TimeInequality.stateWatermarkMs(List.of(strict, allowed), 1, 0, WATERMARK_MS))
                .isEqualTo(OptionalLong.of(80_000));
        assertThat(TimeInequality.stateWatermarkMs(List.of(allowed), 1, 0, WATERMARK_MS))
                .isEqualTo(OptionalLong.of(89_999));
    }

    @Test
    void anUpperBoundAnUnwatermarkedColumnOrNoWatermarkGiveNoBound() {
        TimeInequality upper = leftBelowRightPlus(20, false);

        assertThat(TimeInequality.stateWatermarkMs(List.of(upper), 0, 0, WATERMARK_MS)).isEmpty();
        assertThat(TimeInequality.stateWatermarkMs(List.of(upper), 1, 3, WATERMARK_MS)).isEmpty();
        assertThat(TimeInequality.stateWatermarkMs(List.of(upper), 1, -1, WATERMARK_MS)).isEmpty();
    }
}
