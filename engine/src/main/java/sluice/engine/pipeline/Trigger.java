package sluice.engine.pipeline;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * When micro-batches run, as Spark's triggers: as fast as possible (the default), at a processing-time interval,
 * once, all available data now, or manually one batch at a time (the workbench's Step; never in a file).
 */
public sealed interface Trigger permits Trigger.AsFastAsPossible, Trigger.ProcessingTime, Trigger.Once,
        Trigger.AvailableNow, Trigger.Manual {

    Trigger DEFAULT = new AsFastAsPossible();

    // Each record writes its own toString, the text a record's makes: picocli prints an option's value once it is
    // converted (the command line's --trigger), and a record's generated toString is bootstrapped through method
    // handles on first use, some 10 to 20 ms of a run's start.

    /** Spark's default trigger: the next batch starts as soon as the previous one finished. */
    record AsFastAsPossible() implements Trigger {
        @Override
        public String toString() {
            return "AsFastAsPossible[]";
        }
    }

    /** A batch every {@code interval}, written as the user wrote it ({@code "1 second"}). */
    record ProcessingTime(Duration interval, String text) implements Trigger {
        public ProcessingTime {
            requireNonNull(interval, "interval is null");
            requireNonNull(text, "text is null");
        }

        @Override
        public String toString() {
            return "ProcessingTime[interval=" + interval + ", text=" + text + "]";
        }
    }

    /** One batch of everything available, then stop. */
    record Once() implements Trigger {
        @Override
        public String toString() {
            return "Once[]";
        }
    }

    /** Everything available when the query starts, in as many batches as the sources' limits make, then stop. */
    record AvailableNow() implements Trigger {
        @Override
        public String toString() {
            return "AvailableNow[]";
        }
    }

    /** A batch only when asked (step), for the workbench. */
    record Manual() implements Trigger {
        @Override
        public String toString() {
            return "Manual[]";
        }
    }
}
