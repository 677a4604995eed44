package sluice.engine.aggregate;

import sluice.engine.types.BooleanVector;
import sluice.engine.types.ColumnVector;
import sluice.engine.types.DoubleVector;
import sluice.engine.types.LongVector;
import sluice.engine.types.ValueOrder;
import sluice.engine.types.VectorBuilder;

/**
 * Values as vectors store them (a Long for every type stored as a long, a Double for FLOAT and DOUBLE, a Boolean,
 * or the object), which is how buffers and state rows hold them: no conversion per row. Stateless.
 */
public final class StoredValues {
    private StoredValues() {
    }

    /** The stored value at {@code row}, or null. */
    public static Object read(ColumnVector vector, int row) {
        if (vector.isNull(row)) {
            return null;
        }
        if (vector instanceof LongVector longs) {
            return longs.getLong(row);
        } else if (vector instanceof DoubleVector doubles) {
            return doubles.getDouble(row);
        } else if (vector instanceof BooleanVector booleans) {
            return booleans.getBoolean(row);
        }
        return vector.get(row);
    }

    /** Appends a stored value (or null) to a builder of the same type. */
    public static void append(VectorBuilder out, Object value) {
        if (value == null) {
            out.appendNull();
            return;
        }
        switch (out.type().storage()) {
            case LONG -> out.appendLong((Long) value);
            case DOUBLE -> out.appendDouble((Double) value);
            case BOOLEAN -> out.appendBoolean((Boolean) value);
            case OBJECT -> out.appendObject(value);
        }
    }

    /**
     * Spark's order of two non-null stored values of one type: numbers by value, doubles with -0.0 equal to 0.0
     * and NaN above every other value (Spark's SQLOrderingUtil), false before true, objects by {@link ValueOrder}.
     */
    public static int compare(Object x, Object y) {
        if (x instanceof Long a) {
            return Long.compare(a, (Long) y);
        } else if (x instanceof Double a) {
            return compareDoubles(a, (Double) y);
        } else if (x instanceof Boolean a) {
            return Boolean.compare(a, (Boolean) y);
        }
        return ValueOrder.compare(x, y);
    }

    /** Spark's order of two doubles: -0.0 equal to 0.0, NaN above every other value and equal to itself. */
    public static int compareDoubles(double a, double b) {
        if (a == b) {
            return 0;
        } else if (Double.isNaN(a)) {
            return Double.isNaN(b) ? 0 : 1;
        } else if (Double.isNaN(b)) {
            return -1;
        }
        return a < b ? -1 : 1;
    }
}
