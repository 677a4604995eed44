package sluice.spark.translate;

import java.util.Optional;
import sluice.engine.pipeline.Trigger;

/** Maps a Sluice trigger to Spark's; Spark's default trigger is no trigger call at all. */
final class SparkTriggers {
    private SparkTriggers() {
    }

    /** The workbench's manual step has no counterpart on a cluster. */
    static boolean hasCounterpart(Trigger trigger) {
        return !(trigger instanceof Trigger.Manual);
    }

    /** Empty for Spark's default trigger (as fast as possible). */
    @SuppressWarnings("deprecation") // Trigger.Once is deprecated in Spark but still a pipeline's choice.
    static Optional<org.apache.spark.sql.streaming.Trigger> of(Trigger trigger) {
        if (trigger instanceof Trigger.AsFastAsPossible) {
            return Optional.empty();
        } else if (trigger instanceof Trigger.ProcessingTime interval) {
            return Optional.of(org.apache.spark.sql.streaming.Trigger.ProcessingTime(interval.interval().toMillis()));
        } else if (trigger instanceof Trigger.Once) {
            return Optional.of(org.apache.spark.sql.streaming.Trigger.Once());
        } else if (trigger instanceof Trigger.AvailableNow) {
            return Optional.of(org.apache.spark.sql.streaming.Trigger.AvailableNow());
        }
        throw new IllegalArgumentException("no Spark trigger for " + trigger);
    }
}
