package sluice.engine.runtime;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import sluice.engine.operator.EventTimeStats;
import sluice.engine.operator.WatermarkOperator;
import sluice.engine.plan.PlannedNode;
import sluice.engine.plan.QueryPlan;

/**
 * The query's event-time watermark, moved as Spark's WatermarkTracker moves it after each batch: each watermark node
 * that saw rows proposes the latest event time it saw minus its delay, never going back; the query's watermark is the
 * minimum over the nodes (Spark's default {@code multipleWatermarkPolicy=min}, a node that saw no row yet counting
 * as 0), and it never goes back either. The next batch's offsets log entry carries it. Mutable, owned by the query
 * thread.
 */
final class WatermarkTracker {
    /** Spark's progress time format: ISO-8601 in UTC with milliseconds. */
    private static final DateTimeFormatter PROGRESS_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");

    private final Map<String, WatermarkOperator> operators = new LinkedHashMap<>();
    private final Map<String, Long> proposed = new LinkedHashMap<>();
    private long watermarkMs;
    /** The last batch's event-time stats of the first node that saw rows, for progress, or null. */
    private EventTimeStats lastStats;

    WatermarkTracker(QueryPlan plan) {
        for (QueryPlan.Step step : plan.watermarks()) {
            operators.put(step.nodeId(), (WatermarkOperator) ((PlannedNode.TransformNode) step.node()).operator());
        }
    }

    boolean hasWatermark() {
        return !operators.isEmpty();
    }

    /** The watermark now, in epoch milliseconds: what the next batch is logged with. */
    long currentMs() {
        return watermarkMs;
    }

    /** On restart: the watermark of the latest logged batch, as Spark's setWatermark. */
    void set(long ms) {
        watermarkMs = ms;
    }

    /** Clears what the nodes saw, before a batch runs (again). */
    void startBatch() {
        operators.values().forEach(WatermarkOperator::takeStats);
    }

    /** After a batch: takes what each node saw and moves the watermark. */
    void update() {
        lastStats = null;
        List<Long> values = new ArrayList<>();
        operators.forEach((nodeId, operator) -> {
            EventTimeStats stats = operator.takeStats();
            if (!stats.isEmpty()) {
                if (lastStats == null) {
                    lastStats = stats;
                }
                long candidate = stats.max() - operator.delayMs();
                Long previous = proposed.get(nodeId);
                if (previous == null || candidate > previous) {
                    proposed.put(nodeId, candidate);
                }
            }
            values.add(proposed.getOrDefault(nodeId, 0L));
        });
        if (values.isEmpty()) {
            return;
        }
        long chosen = values.stream().mapToLong(Long::longValue).min().orElseThrow();
        if (chosen > watermarkMs) {
            watermarkMs = chosen;
        }
    }

    /**
     * Spark's progress {@code eventTime} of the batch that ran last: avg, max and min of the event times the first
     * node with rows saw, and the watermark the batch ran with; empty for a query without a watermark.
     */
    Map<String, String> progress(long batchWatermarkMs) {
        Map<String, String> eventTime = new TreeMap<>();
        if (operators.isEmpty()) {
            return eventTime;
        }
        if (lastStats != null) {
            eventTime.put("avg", progressTime((long) lastStats.avg()));
            eventTime.put("max", progressTime(lastStats.max()));
            eventTime.put("min", progressTime(lastStats.min()));
        }
        eventTime.put("watermark", progressTime(batchWatermarkMs));
        return eventTime;
    }

    private static String progressTime(long ms) {
        return PROGRESS_TIME.format(Instant.ofEpochMilli(ms).atZone(ZoneOffset.UTC));
    }
}
