package sluice.engine.expr;

import static java.util.Objects.requireNonNull;

import sluice.engine.types.DataType;

/**
 * A condition on one input column that a source may use to skip data it can prove holds no row passing it (Parquet
 * row groups by their min/max statistics), as Spark pushes a scan's filters down. The filter itself still runs, so a
 * source that ignores it loses nothing. {@code value} is the literal as analyzed (a Long for the integer types, a
 * String, a Boolean), null for the null tests. Immutable.
 */
public record ColumnPredicate(int column, DataType type, Op op, Object value) {
    /** The comparisons Sluice pushes; a column on the left, the literal on the right. */
    public enum Op { EQ, LT, LE, GT, GE, IS_NULL, IS_NOT_NULL }

    public ColumnPredicate {
        requireNonNull(type, "type is null");
        requireNonNull(op, "op is null");
        if (column < 0) {
            throw new IllegalArgumentException("column " + column);
        }
        if ((value == null) != (op == Op.IS_NULL || op == Op.IS_NOT_NULL)) {
            throw new IllegalArgumentException(op + " with value " + value);
        }
    }

    /** This predicate on column {@code index} instead. */
    public ColumnPredicate atColumn(int index) {
        return new ColumnPredicate(index, type, op, value);
    }
}
