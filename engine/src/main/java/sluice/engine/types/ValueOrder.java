package sluice.engine.types;

import java.util.List;

/**
 * Spark's ordering of two non-null values of one type, in stored or Java form: numbers by value with -0.0 equal to
 * 0.0 and NaN above every other number and equal to itself; strings, binary (unsigned bytes), dates, timestamps and
 * booleans by their natural order; arrays element by element with a null element first, then the shorter first;
 * structs field by field, a null field first. Maps have no order in Spark; the analyzer never lets them reach here.
 * Stateless; any thread.
 */
public final class ValueOrder {
    private ValueOrder() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static int compare(Object x, Object y) {
        if (x instanceof Double a && y instanceof Double b) {
            return a.doubleValue() == b.doubleValue() ? 0 : Double.compare(a, b);
        } else if (x instanceof Float a && y instanceof Float b) {
            return a.floatValue() == b.floatValue() ? 0 : Float.compare(a, b);
        } else if (x instanceof List<?> a && y instanceof List<?> b) {
            return sequences(a, b);
        } else if (x instanceof Row a && y instanceof Row b) {
            return sequences(a.values(), b.values());
        } else if (x instanceof MapValue) {
            throw new IllegalStateException("maps have no order");
        } else if (x instanceof Comparable comparable && x.getClass() == y.getClass()) {
            return comparable.compareTo(y);
        }
        // Values of one type always share a class; this keeps a total order should two ever differ.
        return x.equals(y) ? 0 : x.toString().compareTo(y.toString());
    }

    private static int sequences(List<?> a, List<?> b) {
        int common = Math.min(a.size(), b.size());
        for (int i = 0; i < common; i++) {
            Object left = a.get(i);
            Object right = b.get(i);
            if (left == null || right == null) {
                if (left != right) {
                    return left == null ? -1 : 1;
                }
                continue;
            }
            int order = compare(left, right);
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(a.size(), b.size());
    }
}
