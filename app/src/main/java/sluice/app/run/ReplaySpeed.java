package sluice.app.run;

import java.time.Duration;
import sluice.engine.pipeline.PipelineSpec;
import sluice.engine.pipeline.Trigger;

/**
 * How fast Run replays file sources: a multiple of one micro-batch per second. A file source reads
 * {@code maxFilesPerTrigger} files per batch, so at 2x with {@code maxFilesPerTrigger = 1} the stocks folder replays
 * two files a second. The speed sets the processing-time trigger's interval (1 s / speed); pipelines without a file
 * source keep one second. Immutable.
 */
public enum ReplaySpeed {
    QUARTER("0.25x", 4_000), HALF("0.5x", 2_000), NORMAL("1x", 1_000), DOUBLE("2x", 500), FIVE("5x", 200),
    TEN("10x", 100);

    private final String label;
    private final long intervalMs;

    ReplaySpeed(String label, long intervalMs) {
        this.label = label;
        this.intervalMs = intervalMs;
    }

    public String label() {
        return label;
    }

    /** The processing-time trigger Run uses for {@code spec} at this speed, on the every-second trigger. */
    public Trigger.ProcessingTime triggerFor(PipelineSpec spec) {
        return scale(new Trigger.ProcessingTime(Duration.ofSeconds(1), "1 second"), spec);
    }

    /**
     * The trigger Run uses for {@code spec}'s processing-time {@code trigger} at this speed: its interval divided by
     * the speed when the pipeline replays files, unchanged otherwise (and at 1x).
     */
    public Trigger.ProcessingTime scale(Trigger.ProcessingTime trigger, PipelineSpec spec) {
        boolean replaysFiles = spec.nodes().stream().anyMatch(n -> n.type().equals("source.file"));
        if (!replaysFiles || this == NORMAL) {
            return trigger;
        }
        long ms = Math.max(1, trigger.interval().toMillis() * intervalMs / 1_000);
        return new Trigger.ProcessingTime(Duration.ofMillis(ms), ms % 1000 == 0 ? ms / 1000 + " second"
                + (ms == 1000 ? "" : "s") : ms + " milliseconds");
    }

    @Override
    public String toString() {
        return label;
    }
}
