package sluice.engine.plan;

import java.util.Optional;
import sluice.engine.operator.JoinType;
import sluice.engine.operator.StreamJoinCondition;
import sluice.engine.operator.TimeInequality;

/**
 * Which join types Spark 4.1 runs with a stream on one or both sides, and its reason for the others, word for word
 * (UnsupportedOperationChecker). Outer and semi joins of two streams also need a watermark that bounds the state
 * ({@link #watermarkRefusal}), known only once the watermarks above the join are.
 */
final class StreamingJoinRules {
    private StreamingJoinRules() {
    }

    /** Spark's reason to refuse {@code type} with these sides, or empty when it runs the join. */
    static Optional<String> refusal(JoinType type, boolean leftStream, boolean rightStream) {
        if (!leftStream && !rightStream) {
            return Optional.empty();
        }
        return switch (type) {
            case INNER, CROSS -> Optional.empty();
            case FULL_OUTER -> leftStream && rightStream ? Optional.empty() : Optional.of(leftStream
                    ? "FullOuter joins with streaming DataFrames/Datasets on the left and a static DataFrame/Dataset "
                            + "on the right is not supported"
                    : "FullOuter joins with streaming DataFrames/Datasets on the right and a static "
                            + "DataFrame/Dataset on the left is not supported");
            case LEFT_ANTI -> rightStream
                    ? Optional.of("LeftAnti joins with a streaming DataFrame/Dataset on the right are not supported")
                    : Optional.empty();
            case LEFT_OUTER, LEFT_SEMI -> !leftStream ? Optional.of(type.sparkName() + " join with a streaming "
                    + "DataFrame/Dataset on the right and a static DataFrame/Dataset on the left is not supported")
                    : Optional.empty();
            case RIGHT_OUTER -> !rightStream ? Optional.of("RightOuter join with a streaming DataFrame/Dataset on "
                    + "the left and a static DataFrame/DataSet on the right not supported")
                    : Optional.empty();
        };
    }

    /**
     * Spark's reason to refuse an outer or semi join of two streams (checkForStreamStreamJoinWatermark), or empty:
     * it runs when a join key is a watermarked column, or when the condition bounds the event time of the side whose
     * rows wait for a match (the left of a left outer or semi join, the right of a right outer, either side of a full
     * outer, as Spark checks it) by the other side's watermark. {@code leftTime}, {@code rightTime}: the watermark
     * columns of each side, or -1.
     */
    static Optional<String> watermarkRefusal(JoinType type, StreamJoinCondition condition, int leftTime,
                                             int rightTime) {
        if (type == JoinType.INNER || type == JoinType.CROSS || condition.watermarkKey(leftTime, rightTime) >= 0) {
            return Optional.empty();
        }
        // Spark proves the bound with a made-up watermark; any value gives the same answer.
        long anyWatermarkMs = 1_000_000L;
        boolean leftBounded = TimeInequality.stateWatermarkMs(condition.timeBounds(), 0, rightTime, anyWatermarkMs)
                .isPresent();
        boolean rightBounded = TimeInequality.stateWatermarkMs(condition.timeBounds(), 1, leftTime, anyWatermarkMs)
                .isPresent();
        boolean bounded = switch (type) {
            case LEFT_OUTER, LEFT_SEMI -> leftBounded;
            case RIGHT_OUTER -> rightBounded;
            case FULL_OUTER -> leftBounded || rightBounded;
            case INNER, CROSS, LEFT_ANTI -> true;
        };
        return bounded ? Optional.empty() : Optional.of("Stream-stream " + type.sparkName() + " join between two "
                + "streaming DataFrame/Datasets is not supported without a watermark in the join keys, or a "
                + "watermark on the nullable side and an appropriate range condition");
    }
}
