package sluice.engine.operator;

import java.util.regex.Pattern;
import sluice.engine.expr.EvalContext;
import sluice.engine.types.Batch;
import sluice.engine.types.ColumnVector;
import sluice.engine.types.LongVector;

/**
 * The gap of each row of one input partition for a session window: the constant gap, or the dynamic gap expression's
 * value, an INTERVAL (microseconds) or a STRING read as Spark casts it to an interval ({@code '5 minutes'}, {@code
 * '1 month'}: months apart, added on the calendar); a text that is no interval gives null, so the row takes no part.
 * Mutable (the last text read), one task's.
 */
final class SessionGaps {
    private static final Pattern BARE_NUMBER = Pattern.compile("\\s*(?i:interval\\s+)?[+-]?[0-9.]+\\s*");

    private final long staticMicros;
    private final int staticMonths;
    private final ColumnVector values;
    private String lastText;
    private Long lastMicros;
    private int lastMonths;

    SessionGaps(GroupingKey.SessionWindow session, Batch partition, EvalContext eval) {
        this.staticMicros = session.gapMicros();
        this.staticMonths = session.gapMonths();
        this.values = session.gap() == null ? null : session.gap().evaluate(partition, eval);
    }

    /** The gap of row {@code row} in microseconds, beyond its {@link #months}, or null. */
    Long micros(int row) {
        if (values == null) {
            return staticMicros;
        } else if (values.isNull(row)) {
            return null;
        } else if (values instanceof LongVector intervals) {
            return intervals.getLong(row);
        }
        read(values.get(row).toString());
        return lastMicros;
    }

    /** The months of row {@code row}'s gap, which Spark adds on the calendar; 0 for a gap without any. */
    int months(int row) {
        if (values == null) {
            return staticMonths;
        } else if (values.isNull(row) || values instanceof LongVector) {
            return 0;
        }
        read(values.get(row).toString());
        return lastMonths;
    }

    private void read(String text) {
        if (text.equals(lastText)) {
            // Rows of one batch mostly share a few gaps: read each text once in a run.
            return;
        }
        lastText = text;
        lastMonths = 0;
        lastMicros = null;
        // Spark's cast of text to an interval needs a unit: a bare number is no interval, so its row has no gap.
        if (BARE_NUMBER.matcher(text).matches()) {
            return;
        }
        CalendarGap split;
        try {
            split = CalendarGap.split(text);
        } catch (ArithmeticException e) {
            return;
        }
        lastMicros = split.restMicros().orElse(null);
        lastMonths = lastMicros == null ? 0 : split.months();
    }
}
