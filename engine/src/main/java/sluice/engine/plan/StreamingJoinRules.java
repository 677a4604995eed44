package sluice.engine.plan;

import java.util.Optional;
import sluice.engine.operator.JoinType;

/**
 * Which join types Spark 4.1 runs with a stream on one or both sides, and its reason for the others, word for word
 * (UnsupportedOperationChecker). Outer and semi joins of two streams need a watermark, which Sluice does not have yet:
 * refused with Spark's reason for a query without one.
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
            case FULL_OUTER -> leftStream && rightStream ? withoutWatermark(type) : Optional.of(leftStream
                    ? "FullOuter joins with streaming DataFrames/Datasets on the left and a static DataFrame/Dataset "
                            + "on the right is not supported"
                    : "FullOuter joins with streaming DataFrames/Datasets on the right and a static "
                            + "DataFrame/Dataset on the left is not supported");
            case LEFT_ANTI -> rightStream
                    ? Optional.of("LeftAnti joins with a streaming DataFrame/Dataset on the right are not supported")
                    : Optional.empty();
            case LEFT_OUTER, LEFT_SEMI -> !leftStream ? Optional.of(type.sparkName() + " join with a streaming "
                    + "DataFrame/Dataset on the right and a static DataFrame/Dataset on the left is not supported")
                    : rightStream ? withoutWatermark(type) : Optional.empty();
            case RIGHT_OUTER -> !rightStream ? Optional.of("RightOuter join with a streaming DataFrame/Dataset on "
                    + "the left and a static DataFrame/DataSet on the right not supported")
                    : leftStream ? withoutWatermark(type) : Optional.empty();
        };
    }

    // TODO(#12): with transform.watermark, allow these when the join keys hold a watermarked column or the condition
    // bounds the nullable side's event time, as Spark's checkForStreamStreamJoinWatermark.
    private static Optional<String> withoutWatermark(JoinType type) {
        return Optional.of("Stream-stream " + type.sparkName() + " join between two streaming DataFrame/Datasets is "
                + "not supported without a watermark in the join keys, or a watermark on the nullable side and an "
                + "appropriate range condition");
    }
}
