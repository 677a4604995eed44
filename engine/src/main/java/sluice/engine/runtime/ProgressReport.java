package sluice.engine.runtime;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sluice.engine.plan.QueryPlan;

/** Builds the {@link QueryProgress} of a finished batch from its timings and outputs. */
final class ProgressReport {
    private ProgressReport() {
    }

    /** {@code phases}: latestOffset, walCommit, addBatch and commitOffsets durations in ms. */
    static QueryProgress of(MicroBatchExecution execution, long batchId, long triggerStartMs,
                            long previousTriggerStartMs, List<String> starts, List<String> ends,
                            BatchRunner.Outcome outcome, long[] phases, long triggerMs) {
        QueryPlan plan = execution.plan();
        List<QueryPlan.Step> sources = plan.sources();
        long totalRows = 0;
        long sinceLastTrigger = previousTriggerStartMs < 0 ? 0 : triggerStartMs - previousTriggerStartMs;
        List<QueryProgress.SourceProgress> sourceProgress = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            long rows = outcome.rowCounts().getOrDefault(sources.get(i).nodeId(), 0L);
            totalRows += rows;
            sourceProgress.add(new QueryProgress.SourceProgress(sources.get(i).nodeId() + " (" +
                    sources.get(i).type() + ")", starts.get(i), ends.get(i), rows,
                    rate(rows, sinceLastTrigger), rate(rows, triggerMs)));
        }
        List<QueryProgress.SinkProgress> sinkProgress = new ArrayList<>();
        for (QueryPlan.Step sink : plan.sinks()) {
            sinkProgress.add(new QueryProgress.SinkProgress(sink.nodeId() + " (" + sink.type() + ")",
                    outcome.rowCounts().getOrDefault(sink.nodeId(), 0L)));
        }
        Map<String, Long> durations = new LinkedHashMap<>();
        durations.put("addBatch", phases[2]);
        durations.put("commitOffsets", phases[3]);
        durations.put("getBatch", 0L);
        durations.put("latestOffset", phases[0]);
        durations.put("queryPlanning", 0L);
        durations.put("triggerExecution", triggerMs);
        durations.put("walCommit", phases[1]);
        return new QueryProgress(String.valueOf(execution.id()), String.valueOf(execution.runId()),
                execution.name(), Instant.ofEpochMilli(triggerStartMs).toString(), batchId, totalRows,
                rate(totalRows, sinceLastTrigger), rate(totalRows, triggerMs), durations, sourceProgress,
                sinkProgress, outcome.rowCounts(), outcome.inputs());
    }

    /** Rows per second over {@code ms}; Spark reports 0.0 when no time has passed. */
    private static double rate(long rows, long ms) {
        return ms <= 0 ? 0.0 : rows * 1000.0 / ms;
    }
}
