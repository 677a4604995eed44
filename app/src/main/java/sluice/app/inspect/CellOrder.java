package sluice.app.inspect;

import java.time.ZoneId;
import java.util.Comparator;
import sluice.engine.types.DataType;

/**
 * How a column sorts: by value for numbers, dates, timestamps, strings, booleans and binary (all {@link Comparable}
 * in their Java form; binary byte by byte, unsigned, as Spark), by text for arrays and structs; nulls first, as
 * Spark's ascending sort. Stateless.
 */
final class CellOrder {
    private CellOrder() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Comparator<Object> of(DataType type, ZoneId zone) {
        return (a, b) -> {
            if (a == null || b == null) {
                return a == null ? (b == null ? 0 : -1) : 1;
            }
            if (a instanceof Comparable left && a.getClass() == b.getClass()) {
                return left.compareTo(b);
            }
            return CellText.of(type, a, zone).compareTo(CellText.of(type, b, zone));
        };
    }
}
