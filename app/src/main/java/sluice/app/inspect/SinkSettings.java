package sluice.app.inspect;

import java.util.Optional;
import sluice.engine.pipeline.NodeSpec;
import sluice.engine.pipeline.OptionValue;
import sluice.engine.pipeline.PipelineSpec;

/** What the inspector reads from the pipeline's sinks: their output modes and history lengths. Stateless. */
final class SinkSettings {
    private SinkSettings() {
    }

    /**
     * The output mode of the update or complete sink that is or is fed by {@code nodeId} (their batches re-send rows
     * of a result table), or null.
     */
    static String resultMode(PipelineSpec pipeline, String nodeId) {
        if (pipeline == null) {
            return null;
        }
        for (NodeSpec candidate : pipeline.nodes()) {
            boolean isOrFeeds = candidate.id().equals(nodeId) || candidate.inputs().contains(nodeId);
            if (isOrFeeds && candidate.type().startsWith("sink.")) {
                String mode = candidate.option("outputMode").filter(OptionValue.Text.class::isInstance)
                        .map(v -> ((OptionValue.Text) v).value()).orElse("append");
                if (mode.equals("update") || mode.equals("complete")) {
                    return mode;
                }
            }
        }
        return null;
    }

    /** How many batches the inspector keeps of {@code nodeId}: a {@code sink.table}'s {@code maxBatches}, else 100. */
    static int maxBatches(PipelineSpec pipeline, String nodeId) {
        Optional<NodeSpec> found = pipeline == null ? Optional.empty() : pipeline.node(nodeId);
        if (found.isPresent() && found.get().type().equals("sink.table")) {
            Optional<OptionValue> value = found.get().option("maxBatches");
            if (value.isPresent() && value.get() instanceof OptionValue.Text text) {
                try {
                    return Math.max(1, Integer.parseInt(text.value().strip()));
                } catch (NumberFormatException e) {
                    return BatchHistory.DEFAULT_MAX_BATCHES;
                }
            }
        }
        return BatchHistory.DEFAULT_MAX_BATCHES;
    }
}
