package sluice.engine.expr.compile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import sluice.engine.expr.analyze.Typed;
import sluice.engine.types.DataType;
import sluice.engine.types.MapType;
import sluice.engine.types.MapValue;
import sluice.engine.types.Row;

/**
 * The kernels of the map functions without lambdas. Every map made here goes through Spark's map builder ({@link
 * CollectionKernels#map}): a null key is NULL_MAP_KEY and a repeated one DUPLICATED_MAP_KEY. Stateless.
 */
final class MapKernels {
    private MapKernels() {
    }

    /** The kernel of a map function, or null when {@code call} is not one. */
    static Kernels.Choice of(Typed.Call call) {
        DataType type = call.type();
        switch (call.function()) {
            case "map_keys" -> {
                return new Kernels.Choice((a, e) -> ((MapValue) a[0]).keys(), true);
            }
            case "map_values" -> {
                return new Kernels.Choice((a, e) -> ((MapValue) a[0]).values(), true);
            }
            case "map_entries" -> {
                return new Kernels.Choice((a, e) -> entries((MapValue) a[0]), true);
            }
            case "map_contains_key" -> {
                MapType map = (MapType) call.args().get(0).type();
                return new Kernels.Choice((a, e) ->
                        ((MapValue) a[0]).indexOf(Values.toExternal(map.keyType(), a[1])) >= 0, true);
            }
            case "map_from_arrays" -> {
                MapType map = (MapType) type;
                return new Kernels.Choice((a, e) -> fromArrays(map, (List<?>) a[0], (List<?>) a[1]), true);
            }
            case "map_from_entries" -> {
                MapType map = (MapType) type;
                return new Kernels.Choice((a, e) -> fromEntries(map, (List<?>) a[0]), true);
            }
            case "map_concat" -> {
                MapType map = (MapType) type;
                return new Kernels.Choice((a, e) -> concat(map, a), true);
            }
            case "str_to_map" -> {
                MapType map = (MapType) type;
                Memo<String, Pattern> regexes = new Memo<>(p -> StringKernels.regex(p, "str_to_map"));
                return new Kernels.Choice((a, e) -> fromText(map, (String) a[0], regexes.get((String) a[1]),
                        regexes.get((String) a[2])), true);
            }
            default -> {
                return null;
            }
        }
    }

    private static List<Object> entries(MapValue map) {
        List<Object> entries = new ArrayList<>(map.size());
        for (int i = 0; i < map.size(); i++) {
            entries.add(Row.of(map.key(i), map.value(i)));
        }
        return Collections.unmodifiableList(entries);
    }

    private static MapValue fromArrays(MapType type, List<?> keys, List<?> values) {
        if (keys.size() != values.size()) {
            throw RowFailure.invalidArgument("[_LEGACY_ERROR_TEMP_2128] The key array and value array of MapData "
                    + "must have the same length.");
        }
        Object[] pairs = new Object[keys.size() * 2];
        for (int i = 0; i < keys.size(); i++) {
            pairs[2 * i] = Values.toStored(type.keyType(), keys.get(i));
            pairs[2 * i + 1] = Values.toStored(type.valueType(), values.get(i));
        }
        return CollectionKernels.map(type, pairs);
    }

    /** Spark's map_from_entries: NULL when an entry is NULL. */
    private static MapValue fromEntries(MapType type, List<?> entries) {
        Object[] pairs = new Object[entries.size() * 2];
        for (int i = 0; i < entries.size(); i++) {
            if (!(entries.get(i) instanceof Row entry)) {
                return null;
            }
            pairs[2 * i] = Values.toStored(type.keyType(), entry.get(0));
            pairs[2 * i + 1] = Values.toStored(type.valueType(), entry.get(1));
        }
        return CollectionKernels.map(type, pairs);
    }

    private static MapValue concat(MapType type, Object[] maps) {
        List<Object> pairs = new ArrayList<>();
        for (Object stored : maps) {
            MapValue map = (MapValue) stored;
            for (int i = 0; i < map.size(); i++) {
                pairs.add(Values.toStored(type.keyType(), map.key(i)));
                pairs.add(Values.toStored(type.valueType(), map.value(i)));
            }
        }
        return CollectionKernels.map(type, pairs.toArray());
    }

    /** Spark's str_to_map: pairs split by one regex, each into a key and (if present) a value by the other. */
    private static MapValue fromText(MapType type, String text, Pattern pairs, Pattern keyValue) {
        List<Object> flat = new ArrayList<>();
        for (String pair : pairs.split(text, -1)) {
            String[] parts = keyValue.split(pair, 2);
            flat.add(parts[0]);
            flat.add(parts.length < 2 ? null : parts[1]);
        }
        return CollectionKernels.map(type, flat.toArray());
    }
}
