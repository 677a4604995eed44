package sluice.engine.operator;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import sluice.engine.expr.EvalContext;
import sluice.engine.pipeline.DurationText;
import sluice.engine.types.Batch;
import sluice.engine.types.ColumnVector;
import sluice.engine.types.LongVector;

/**
 * The gap of each row of one input partition for a session window: the constant gap, or the dynamic gap expression's
 * value, an INTERVAL (microseconds) or a STRING read as Spark casts it to an interval ({@code '5 minutes'}); a text
 * that is no duration gives null, so the row takes no part. Mutable (the last text read), one task's.
 */
final class SessionGaps {
    private static final Pattern BARE_NUMBER = Pattern.compile("\\s*(?i:interval\\s+)?[+-]?[0-9.]+\\s*");

    private final long staticMicros;
    private final ColumnVector values;
    private String lastText;
    private Long lastMicros;

    SessionGaps(GroupingKey.SessionWindow session, Batch partition, EvalContext eval) {
        this.staticMicros = session.gapMicros();
        this.values = session.gap() == null ? null : session.gap().evaluate(partition, eval);
    }

    /** The gap of row {@code row} in microseconds, or null. */
    Long micros(int row) {
        if (values == null) {
            return staticMicros;
        } else if (values.isNull(row)) {
            return null;
        } else if (values instanceof LongVector intervals) {
            return intervals.getLong(row);
        }
        String text = values.get(row).toString();
        if (!text.equals(lastText)) {
            // Rows of one batch mostly share a few gaps: read each text once in a run.
            // Spark's cast of text to an interval needs a unit: a bare number is no interval, so its row has no gap.
            Optional<Duration> parsed = BARE_NUMBER.matcher(text).matches() ? Optional.empty()
                    : DurationText.parse(text);
            lastText = text;
            lastMicros = parsed.map(d -> Math.addExact(Math.multiplyExact(d.getSeconds(), 1_000_000L),
                    d.getNano() / 1000)).orElse(null);
        }
        return lastMicros;
    }
}
