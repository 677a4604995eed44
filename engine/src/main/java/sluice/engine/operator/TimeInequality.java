package sluice.engine.operator;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalLong;

/**
 * A conjunct {@code lesser < greater} (or {@code <=}) of a join condition over event times, written as Spark's
 * StreamingJoinHelper writes it to find how long a row must stay in state: the terms of {@code lesser - greater}, each
 * a column of one side or a constant in microseconds, with its sign. Equal terms are kept once, as Spark's set of
 * terms keeps them. Immutable.
 */
public record TimeInequality(List<Term> terms, boolean orEqual) {
    public TimeInequality {
        terms = List.copyOf(new LinkedHashSet<>(terms));
    }

    /** A term of {@code lesser - greater}, subtracted when {@code negated}: a column of one side, or a constant. */
    public sealed interface Term permits Column, Constant {
        boolean negated();

        static Term column(boolean negated, int side, int column) {
            return new Column(negated, side, column);
        }

        static Term constant(boolean negated, double micros) {
            return new Constant(negated, micros);
        }
    }

    /** Event-time column {@code column} of the left ({@code side} 0) or the right (1) input. */
    public record Column(boolean negated, int side, int column) implements Term {
        public Column {
            if (side != 0 && side != 1) {
                throw new IllegalArgumentException("side is 0 (left) or 1 (right): " + side);
            }
        }
    }

    /** A constant in microseconds (an interval or a number of seconds in the condition). */
    public record Constant(boolean negated, double micros) implements Term {}

    /**
     * Spark's state value watermark of side {@code stateSide} (getStateValueWatermark): the event time at or before
     * which a row of that side can match no future row of the other side, whose watermark column is
     * {@code watermarkColumn} (-1: no watermark, no bound) at {@code watermarkMs}; the least over the conjuncts that
     * bound it, or empty when none does.
     */
    public static OptionalLong stateWatermarkMs(List<TimeInequality> conjuncts, int stateSide, int watermarkColumn,
                                                long watermarkMs) {
        if (watermarkColumn < 0) {
            return OptionalLong.empty();
        }
        long least = Long.MAX_VALUE;
        boolean found = false;
        for (TimeInequality conjunct : conjuncts) {
            OptionalLong bound = conjunct.bound(stateSide, watermarkColumn, watermarkMs);
            if (bound.isPresent()) {
                least = Math.min(least, bound.getAsLong());
                found = true;
            }
        }
        return found ? OptionalLong.of(least) : OptionalLong.empty();
    }

    /**
     * Solves {@code -stateTime + rest < 0} for the state side's time: {@code rest < stateTime}, with the other side's
     * watermark column replaced by the watermark. No bound when a side has two columns in it, the state side's time
     * is not subtracted (an upper bound), or a column of the other side is not its watermark column.
     */
    private OptionalLong bound(int stateSide, int watermarkColumn, long watermarkMs) {
        List<Integer> stateColumns = new ArrayList<>();
        List<Integer> otherColumns = new ArrayList<>();
        List<Column> constraint = new ArrayList<>();
        for (Term term : terms) {
            if (term instanceof Column column) {
                List<Integer> columns = column.side() == stateSide ? stateColumns : otherColumns;
                if (!columns.contains(column.column())) {
                    columns.add(column.column());
                }
                if (column.side() == stateSide) {
                    constraint.add(column);
                }
            }
        }
        if (stateColumns.size() != 1 || otherColumns.size() > 1) {
            return OptionalLong.empty();
        }
        if (constraint.size() != 1 || !constraint.get(0).negated() || terms.size() == 1) {
            return OptionalLong.empty();
        }
        double sum = 0;
        for (Term term : terms) {
            double value;
            if (term instanceof Constant constant) {
                value = constant.micros();
            } else if (term instanceof Column column) {
                if (column.side() == stateSide) {
                    continue;
                }
                if (column.column() != watermarkColumn) {
                    return OptionalLong.empty();
                }
                value = watermarkMs * 1000.0;
            } else {
                throw new AssertionError(term);
            }
            sum += term.negated() ? -value : value;
        }
        // Spark cleans up state at or before the bound, so a bound that is itself allowed (<=) moves back a
        // millisecond.
        long bound = (long) (sum / 1000.0);
        return OptionalLong.of(orEqual ? bound - 1 : bound);
    }
}
