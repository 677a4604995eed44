package sluice.engine.operator;

/**
 * The watermarks a stateful operator uses in one micro-batch, in epoch milliseconds, as Spark 4 gives them to its
 * first stateful operator: rows behind the previous batch's watermark are late and dropped, and state behind this
 * batch's watermark is evicted. Both are 0 before any watermark moved (Spark never lets them go below 0).
 */
public record EventTimeWatermarks(long forLateEventsMs, long forEvictionMs) {
    public static final EventTimeWatermarks NONE = new EventTimeWatermarks(0, 0);

    public EventTimeWatermarks {
        forLateEventsMs = Math.max(forLateEventsMs, 0);
        forEvictionMs = Math.max(forEvictionMs, 0);
    }
}
