package sluice.engine.expr.compile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeMap;
import sluice.engine.expr.analyze.Typed;
import sluice.engine.types.ArrayType;
import sluice.engine.types.DataType;
import sluice.engine.types.MapType;
import sluice.engine.types.MapValue;
import sluice.engine.types.Row;
import sluice.engine.types.StructType;
import sluice.engine.types.ValueOrder;
import sluice.engine.types.ValueText;

/**
 * The kernels that build and read arrays, maps and structs. Arguments and results are in stored form (Long for an
 * INT); the elements inside a list, map or row are in their Java form (Integer), as vectors hold them. Errors are
 * Spark 4's ANSI ones: an index out of bounds, a null or repeated map key. Stateless.
 */
final class CollectionKernels {
    private CollectionKernels() {
    }

    /** The kernel of a call on complex values, or null when {@code call} is not one. */
    static Kernels.Choice of(Typed.Call call) {
        DataType type = call.type();
        switch (call.function()) {
            case "array" -> {
                DataType element = ((ArrayType) type).elementType();
                return new Kernels.Choice((a, e) -> Values.externalList(element, java.util.Arrays.asList(a)), false);
            }
            case "map" -> {
                MapType map = (MapType) type;
                return new Kernels.Choice((a, e) -> map(map, a), false);
            }
            case "named_struct" -> {
                StructType struct = (StructType) type;
                return new Kernels.Choice((a, e) -> row(struct, a), false);
            }
            case "get_field" -> {
                int index = constantIndex(call);
                return new Kernels.Choice((a, e) -> Values.toStored(type, ((Row) a[0]).get(index)), true);
            }
            case "window_time" -> {
                // The window's end (exclusive) less one microsecond: the last instant inside the window.
                DataType end = ((StructType) call.args().get(0).type()).fields().get(1).type();
                return new Kernels.Choice((a, e) -> {
                    Object stored = Values.toStored(end, ((Row) a[0]).get(1));
                    return stored == null ? null : (Long) stored - 1;
                }, true);
            }
            case "get_array_struct_fields" -> {
                int index = constantIndex(call);
                return new Kernels.Choice((a, e) -> fieldOfEach((List<?>) a[0], index), true);
            }
            case "get_array_item" -> {
                // Spark reads the index as an int: a BIGINT index is cut to its low 32 bits, as Number.intValue.
                return new Kernels.Choice((a, e) -> item((List<?>) a[0], (int) (long) (Long) a[1], false, false, type),
                        true);
            }
            case "get_map_value" -> {
                MapType map = (MapType) call.args().get(0).type();
                return new Kernels.Choice((a, e) -> lookup((MapValue) a[0], map, a[1]), true);
            }
            case "element_at", "try_element_at" -> {
                boolean tolerant = call.function().equals("try_element_at");
                if (call.args().get(0).type() instanceof MapType map) {
                    return new Kernels.Choice((a, e) -> lookup((MapValue) a[0], map, a[1]), true);
                }
                return new Kernels.Choice((a, e) -> item((List<?>) a[0], (int) (long) (Long) a[1], true, tolerant,
                        type), true);
            }
            case "size" -> {
                return new Kernels.Choice((a, e) -> (long) (a[0] instanceof MapValue m ? m.size()
                        : ((List<?>) a[0]).size()), true);
            }
            default -> {
                return null;
            }
        }
    }

    private static int constantIndex(Typed.Call call) {
        return ((Long) ((Typed.Constant) call.args().get(1)).value()).intValue();
    }

    /**
     * Spark's map builder: keys in order, a null key is NULL_MAP_KEY and a repeated one DUPLICATED_MAP_KEY (the
     * default spark.sql.mapKeyDedupPolicy, EXCEPTION); -0.0 is stored as 0.0, as Spark normalizes float keys.
     */
    static MapValue map(MapType type, Object[] pairs) {
        List<Object> keys = new ArrayList<>(pairs.length / 2);
        List<Object> values = new ArrayList<>(pairs.length / 2);
        TreeMap<Object, Integer> seen = new TreeMap<>(ValueOrder::compare);
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i] == null) {
                throw RowFailure.invalidArgument("[NULL_MAP_KEY] Cannot use null as map key.");
            }
            Object key = Values.toExternal(type.keyType(), normalized(pairs[i]));
            if (seen.put(key, i) != null) {
                throw RowFailure.invalidArgument("[DUPLICATED_MAP_KEY] Duplicate map key " + keyText(type, pairs[i])
                        + " was found, please check the input data. If you want to remove the duplicated keys, you "
                        + "can set \"spark.sql.mapKeyDedupPolicy\" to \"LAST_WIN\" so that the key inserted at last "
                        + "takes precedence.");
            }
            keys.add(key);
            values.add(Values.toExternal(type.valueType(), pairs[i + 1]));
        }
        return new MapValue(keys, values);
    }

    /** Spark's map builder over keys and values in Java's form (as {@link ColumnVector#get} gives them). */
    static MapValue mapOf(MapType type, List<?> keys, List<?> values) {
        Object[] pairs = new Object[keys.size() * 2];
        for (int i = 0; i < keys.size(); i++) {
            pairs[2 * i] = Values.toStored(type.keyType(), keys.get(i));
            pairs[2 * i + 1] = Values.toStored(type.valueType(), values.get(i));
        }
        return map(type, pairs);
    }

    private static Object normalized(Object stored) {
        return stored instanceof Double d && d == 0.0 ? (Object) 0.0 : stored;
    }

    /** A key as Spark's message prints it: its internal value's text (a date as its day number). */
    private static String keyText(MapType type, Object stored) {
        return type.keyType().isComplex() ? ValueText.of(type.keyType(), Values.toExternal(type.keyType(), stored),
                java.time.ZoneOffset.UTC) : stored.toString();
    }

    private static Row row(StructType type, Object[] values) {
        List<Object> fields = new ArrayList<>(values.length);
        for (int i = 0; i < values.length; i++) {
            fields.add(Values.toExternal(type.fields().get(i).type(), values[i]));
        }
        return new Row(fields);
    }

    private static List<Object> fieldOfEach(List<?> structs, int index) {
        List<Object> values = new ArrayList<>(structs.size());
        for (Object struct : structs) {
            values.add(struct == null ? null : ((Row) struct).get(index));
        }
        return Collections.unmodifiableList(values);
    }

    /** The value under {@code key} (stored form), or null when the map has no such key, as Spark 4 returns. */
    private static Object lookup(MapValue map, MapType type, Object key) {
        int index = map.indexOf(Values.toExternal(type.keyType(), key));
        return index < 0 ? null : Values.toStored(type.valueType(), map.value(index));
    }

    /**
     * {@code list[index]} (0-based) or {@code element_at(list, index)} (1-based, negative from the end). Out of bounds
     * is INVALID_ARRAY_INDEX or INVALID_ARRAY_INDEX_IN_ELEMENT_AT, or null for {@code tolerant} (try_element_at);
     * element_at's index 0 is INVALID_INDEX_OF_ZERO even then.
     */
    static Object item(List<?> list, int index, boolean oneBased, boolean tolerant, DataType type) {
        long position = oneBased ? (index > 0 ? index - 1L : (long) list.size() + index) : index;
        boolean outside = oneBased ? list.size() < Math.abs((long) index) : position < 0 || position >= list.size();
        if (outside && tolerant) {
            return null;
        }
        if (outside) {
            String condition = oneBased ? "INVALID_ARRAY_INDEX_IN_ELEMENT_AT" : "INVALID_ARRAY_INDEX";
            throw RowFailure.invalidArgument("[" + condition + "] The index " + index + " is out of bounds. The array "
                    + "has " + list.size() + " elements." + (oneBased ? " Use `try_element_at` to tolerate accessing "
                    + "element at invalid index and return NULL instead." : " Use the SQL function `get()` to "
                    + "tolerate accessing element at invalid index and return NULL instead."));
        }
        if (oneBased && index == 0) {
            throw RowFailure.invalidArgument("[INVALID_INDEX_OF_ZERO] The index 0 is invalid. An index shall be "
                    + "either < 0 or > 0 (the first element has index 1).");
        }
        return Values.toStored(type, list.get((int) position));
    }
}
