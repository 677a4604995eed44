package sluice.spark.compat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import sluice.engine.types.Bytes;
import sluice.engine.types.MapValue;
import sluice.engine.types.Row;

/**
 * Rows of either engine as comparable text: each value with its Java type, so that 1 (int) and 1 (bigint) differ,
 * and Spark's Scala collections, maps, rows and byte arrays read as Sluice's lists, maps, rows and binary values.
 */
public final class RowText {
    private RowText() {
    }

    public static String of(Row row) {
        return row.values().stream().map(RowText::value).collect(Collectors.joining(", ", "(", ")"));
    }

    public static String of(org.apache.spark.sql.Row row) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < row.size(); i++) {
            values.add(value(row.get(i)));
        }
        return values.stream().collect(Collectors.joining(", ", "(", ")"));
    }

    /** Sorted, so two batches compare as multisets. */
    public static List<String> sorted(List<String> rows) {
        List<String> copy = new ArrayList<>(rows);
        copy.sort(null);
        return copy;
    }

    /** Entries sorted by key: a Scala Map of more than four entries has no order. */
    private static String entries(java.util.Map<?, ?> map) {
        List<String> entries = new ArrayList<>();
        map.forEach((key, value) -> entries.add(value(key) + "=" + value(value)));
        entries.sort(null);
        return entries.stream().collect(Collectors.joining(", ", "{", "}"));
    }

    private static String value(Object value) {
        if (value == null) {
            return "null";
        } else if (value instanceof scala.collection.Seq<?> seq) {
            return value(scala.jdk.javaapi.CollectionConverters.asJava(seq));
        } else if (value instanceof scala.collection.Map<?, ?> map) {
            return "map" + value(scala.jdk.javaapi.CollectionConverters.asJava(map));
        } else if (value instanceof java.util.Map<?, ?> map) {
            return entries(map);
        } else if (value instanceof MapValue map) {
            // Spark's Row holds a map as a Scala Map, where a repeated key keeps its last value: Sluice's map reads
            // the same here (the console text compares every entry).
            java.util.Map<Object, Object> last = new java.util.LinkedHashMap<>();
            for (int i = 0; i < map.size(); i++) {
                last.put(map.key(i), map.value(i));
            }
            return "map" + entries(last);
        } else if (value instanceof List<?> list) {
            return list.stream().map(RowText::value).collect(Collectors.joining(", ", "[", "]"));
        } else if (value instanceof org.apache.spark.sql.Row row) {
            return "struct" + of(row);
        } else if (value instanceof Row row) {
            return "struct" + of(row);
        } else if (value instanceof BigDecimal decimal) {
            return "BigDecimal:" + decimal.toPlainString();
        } else if (value instanceof byte[] bytes) {
            return "Binary:" + Bytes.of(bytes);
        } else if (value instanceof Bytes bytes) {
            return "Binary:" + bytes;
        }
        return value.getClass().getSimpleName() + ":" + value;
    }
}
