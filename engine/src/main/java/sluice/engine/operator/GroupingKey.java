package sluice.engine.operator;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import sluice.engine.expr.CompiledExpression;
import sluice.engine.expr.EvalContext;
import sluice.engine.types.AtomicType;
import sluice.engine.types.DataType;
import sluice.engine.types.Field;
import sluice.engine.types.StructType;

/**
 * One grouping key of an aggregation: an expression, or Spark's time or session window over a timestamp column. Each
 * knows the
 * input column it is, if it is one, for the aggregation to find the watermark's event-time column among its keys, as
 * Spark finds the column that carries the watermark's metadata. Immutable.
 */
public sealed interface GroupingKey permits GroupingKey.Expression, GroupingKey.TimeWindow,
        GroupingKey.SessionWindow {

    String name();

    DataType type();

    boolean nullable();

    /** The input column this key is (or windows), or null when it is computed from several or none. */
    String column();

    /** Evaluates the constant parts Spark's optimizer folds while planning a batch (see CompiledExpression). */
    default void foldConstants(EvalContext context) {
        if (this instanceof Expression key) {
            key.expression().foldConstants(context);
        } else if (this instanceof TimeWindow window) {
            window.timeColumn().foldConstants(context);
        } else if (this instanceof SessionWindow session) {
            session.timeColumn().foldConstants(context);
            if (session.gap() != null) {
                session.gap().foldConstants(context);
            }
        }
    }

    /** A key computed by an expression, one value per row. */
    record Expression(CompiledExpression expression, String column) implements GroupingKey {
        public Expression {
            requireNonNull(expression, "expression is null");
        }

        @Override
        public String name() {
            return expression.name();
        }

        @Override
        public DataType type() {
            return expression.type();
        }

        @Override
        public boolean nullable() {
            return expression.nullable();
        }
    }

    /**
     * Spark's {@code window(timeColumn, windowDuration, slideDuration, startTime)}, durations in microseconds: the
     * windows {@code [start, start + window)} with starts {@code startTime + k * slide} that hold the row's time. A
     * tumbling window (slide = window) gives one per row, a sliding one up to {@code ceil(window / slide)}; a null
     * time gives none, so the row takes no part, as Spark filters it out before the aggregation.
     */
    record TimeWindow(String name, CompiledExpression timeColumn, String column, long windowMicros, long slideMicros,
                      long startMicros) implements GroupingKey {
        /** Spark's type of the window column: a struct of two nullable timestamps. */
        public static final StructType TYPE = new StructType(List.of(new Field("start", AtomicType.TIMESTAMP, true),
                new Field("end", AtomicType.TIMESTAMP, true)));

        public TimeWindow {
            requireNonNull(name, "name is null");
            requireNonNull(timeColumn, "timeColumn is null");
            if (windowMicros <= 0 || slideMicros <= 0 || slideMicros > windowMicros
                    || Math.abs(startMicros) >= slideMicros) {
                throw new IllegalArgumentException("bad window " + windowMicros + ", " + slideMicros + ", "
                        + startMicros);
            }
        }

        @Override
        public DataType type() {
            return TYPE;
        }

        @Override
        public boolean nullable() {
            // Spark's window column is an attribute of the default nullability.
            return true;
        }

        /** The most windows a row can fall in. */
        public int maxWindows() {
            return (int) ((windowMicros + slideMicros - 1) / slideMicros);
        }

        /**
         * The start of the {@code i}-th window (0 the latest) that may hold {@code time}, as Spark's TimeWindowing
         * computes it: the last start at or before the time, then earlier ones a slide apart.
         */
        public long start(long time, int i) {
            long remainder = (time - startMicros) % slideMicros;
            long lastStart = time - (remainder < 0 ? remainder + slideMicros : remainder);
            return lastStart - i * slideMicros;
        }

        /** Whether the {@code i}-th candidate window holds {@code time}; always so when slides divide the window. */
        public boolean holds(long time, long start) {
            return windowMicros % slideMicros == 0 || (time >= start && time < start + windowMicros);
        }
    }

    /**
     * Spark's {@code session_window(timeColumn, gapDuration)}: each row opens the session {@code [time, time + gap)}
     * and sessions of one group that overlap or touch become one, across batches too. The gap is a constant
     * ({@code gapMonths} and {@code gapMicros}, with {@code gap} null: Spark takes a calendar interval, months too)
     * or an expression evaluated per row, as Spark's dynamic gap; a row with a null time, a null gap, or a session
     * that does not end after it starts takes no part, as Spark filters it out.
     */
    record SessionWindow(String name, CompiledExpression timeColumn, String column, CompiledExpression gap,
                         int gapMonths, long gapMicros) implements GroupingKey {
        public SessionWindow {
            requireNonNull(name, "name is null");
            requireNonNull(timeColumn, "timeColumn is null");
        }

        /** A session window whose constant gap, if any, has no months. */
        public SessionWindow(String name, CompiledExpression timeColumn, String column, CompiledExpression gap,
                             long gapMicros) {
            this(name, timeColumn, column, gap, 0, gapMicros);
        }

        /**
         * The end of the session a row at {@code startMicros} opens with gap {@code gapMicros}, plus the constant
         * gap's months when it has some, added as Spark adds a calendar interval to a timestamp: the months on the
         * local date and time in {@code zone}, then the microseconds.
         */
        public long end(long startMicros, long gapMicros, ZoneId zone) {
            return end(startMicros, gapMonths, gapMicros, zone);
        }

        /** As {@link #end(long, long, ZoneId)}, with the months {@code months} of a row's own gap. */
        public long end(long startMicros, int months, long gapMicros, ZoneId zone) {
            if (months == 0) {
                return Math.addExact(startMicros, gapMicros);
            }
            Instant start = Instant.EPOCH.plus(startMicros, ChronoUnit.MICROS);
            Instant moved = LocalDateTime.ofInstant(start, zone).plusMonths(months).atZone(zone).toInstant();
            return Math.addExact(ChronoUnit.MICROS.between(Instant.EPOCH, moved), gapMicros);
        }

        @Override
        public DataType type() {
            return TimeWindow.TYPE;
        }

        @Override
        public boolean nullable() {
            return true;
        }
    }
}
