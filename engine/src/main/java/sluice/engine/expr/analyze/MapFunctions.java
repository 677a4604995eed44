package sluice.engine.expr.analyze;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.SluiceException;
import sluice.engine.expr.parse.Ast;
import sluice.engine.types.ArrayType;
import sluice.engine.types.AtomicType;
import sluice.engine.types.DataType;
import sluice.engine.types.Field;
import sluice.engine.types.MapType;
import sluice.engine.types.StructType;

/**
 * The map functions that take no lambda, typed as Spark's collectionOperations and complexTypeCreator: keys and
 * values taken apart into arrays (map_entries' structs have the fields {@code key} and {@code value}), maps made
 * from arrays, entries, other maps or a text. Keys are never maps. Stateless.
 */
final class MapFunctions extends AnalyzedFamily {
    static final Set<String> NAMES = Set.of("map_keys", "map_values", "map_entries", "map_contains_key",
            "map_from_arrays", "map_from_entries", "map_concat", "str_to_map");

    MapFunctions(Analyzer analyzer, FunctionCatalog catalog) {
        super(NAMES, analyzer, catalog);
    }

    @Override
    public Typed resolve(String name, Ast.Call call, List<Typed> args) {
        String sql = FunctionCatalog.sqlName(call, args);
        switch (name) {
            case "map_keys", "map_values", "map_entries" -> {
                catalog.checkArity(call, args.size(), 1, 1);
                Typed map = map(args.get(0), name, 1);
                MapType type = (MapType) map.type();
                DataType element = switch (name) {
                    case "map_keys" -> type.keyType();
                    case "map_values" -> type.valueType();
                    default -> new StructType(List.of(new Field("key", type.keyType(), false),
                            Field.of("value", type.valueType())));
                };
                return make(name, call, List.of(map), new ArrayType(element, true), map.nullable(), sql);
            }
            case "map_contains_key" -> {
                catalog.checkArity(call, args.size(), 2, 2);
                return containsKey(call, args.get(0), args.get(1), sql);
            }
            case "map_from_arrays" -> {
                catalog.checkArity(call, args.size(), 2, 2);
                Typed keys = array(args.get(0), name, 1);
                Typed values = array(args.get(1), name, 2);
                DataType keyType = ((ArrayType) keys.type()).elementType();
                checkKey(keys, keyType);
                return make(name, call, List.of(keys, values), MapType.of(keyType,
                        ((ArrayType) values.type()).elementType()), true, sql);
            }
            case "map_from_entries" -> {
                catalog.checkArity(call, args.size(), 1, 1);
                Typed entries = array(args.get(0), name, 1);
                if (!(((ArrayType) entries.type()).elementType() instanceof StructType struct)
                        || struct.fields().size() != 2) {
                    throw unexpected(entries, name, 1, "an ARRAY of STRUCTs of two fields");
                }
                DataType keyType = struct.fields().get(0).type();
                checkKey(entries, keyType);
                return make(name, call, List.of(entries), MapType.of(keyType, struct.fields().get(1).type()), true,
                        sql);
            }
            case "map_concat" -> {
                return concat(call, args, sql);
            }
            case "str_to_map" -> {
                catalog.checkArity(call, args.size(), 1, 3);
                List<Typed> texts = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    Typed text = i < args.size() ? args.get(i) : new Typed.Constant(i == 1 ? "," : ":",
                            AtomicType.STRING, call.span(), i == 1 ? "," : ":");
                    if (text.type() != AtomicType.STRING && text.type() != AtomicType.NULL) {
                        throw unexpected(text, name, i + 1, "a STRING");
                    }
                    texts.add(analyzer.coerce(text, AtomicType.STRING));
                }
                return make(name, call, texts, MapType.of(AtomicType.STRING, AtomicType.STRING),
                        texts.stream().anyMatch(Typed::nullable), FunctionCatalog.sqlName(call, texts));
            }
            default -> throw new AssertionError(name);
        }
    }

    /** map_contains_key: the map and the key meet at their tightest common type, as element_at's do. */
    private Typed containsKey(Ast.Call call, Typed mapArg, Typed key, String sql) {
        Typed map = map(mapArg, "map_contains_key", 1);
        MapType type = (MapType) map.type();
        if (key.type() == AtomicType.NULL) {
            throw analyzer.error(ErrorCode.TYPE_MISMATCH, key.span(), "[DATATYPE_MISMATCH.NULL_TYPE] "
                    + "'map_contains_key' cannot take a NULL of no type as its key");
        }
        DataType common = Coercion.tightestCommonType(type.keyType(), key.type()).orElseThrow(() ->
                analyzer.error(ErrorCode.TYPE_MISMATCH, key.span(), "[DATATYPE_MISMATCH.MAP_FUNCTION_DIFF_TYPES] "
                        + "the key of 'map_contains_key' must have the map's key type %s, not %s",
                        type.keyType().sql(), key.type().sql()));
        List<Typed> both = List.of(analyzer.coerce(map, MapType.of(common, type.valueType())),
                analyzer.coerce(key, common));
        return make("map_contains_key", call, both, AtomicType.BOOLEAN, map.nullable() || key.nullable(), sql);
    }

    /** map_concat: the maps meet at their common type; none is an empty MAP&lt;STRING, STRING&gt;. */
    private Typed concat(Ast.Call call, List<Typed> args, String sql) {
        for (int i = 0; i < args.size(); i++) {
            if (!(args.get(i).type() instanceof MapType) && args.get(i).type() != AtomicType.NULL) {
                throw unexpected(args.get(i), "map_concat", i + 1, "a MAP");
            }
        }
        List<DataType> types = args.stream().map(Typed::type).toList();
        Optional<DataType> common = args.isEmpty() ? Optional.of(MapType.of(AtomicType.STRING, AtomicType.STRING))
                : Coercion.commonType(types);
        DataType type = common.filter(MapType.class::isInstance).orElseThrow(() -> analyzer.error(
                ErrorCode.TYPE_MISMATCH, call.span(), "[DATATYPE_MISMATCH.DATA_DIFF_TYPES] the maps of "
                + "'map_concat' have no common type: %s",
                types.stream().map(DataType::sql).distinct().collect(Collectors.joining(", "))));
        List<Typed> coerced = args.stream().map(a -> analyzer.coerce(a, type)).toList();
        return make("map_concat", call, coerced, type, coerced.stream().anyMatch(Typed::nullable), sql);
    }

    private void checkKey(Typed arg, DataType keyType) {
        if (keyType.contains(MapType.class)) {
            throw analyzer.error(ErrorCode.TYPE_MISMATCH, arg.span(), "[DATATYPE_MISMATCH.INVALID_MAP_KEY_TYPE] "
                    + "a map key cannot be or hold a map, but the keys are %s", keyType.sql());
        }
    }

    private Typed map(Typed arg, String function, int position) {
        if (!(arg.type() instanceof MapType)) {
            throw unexpected(arg, function, position, "a MAP");
        }
        return arg;
    }

    private Typed array(Typed arg, String function, int position) {
        if (!(arg.type() instanceof ArrayType)) {
            throw unexpected(arg, function, position, "an ARRAY");
        }
        return arg;
    }

    private SluiceException unexpected(Typed arg, String function, int position, String expected) {
        return analyzer.error(ErrorCode.TYPE_MISMATCH, arg.span(), "[DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] "
                + "argument %d of '%s' must be %s, but '%s' has type %s", position, function, expected, arg.sql(),
                arg.type().sql());
    }

    private static Typed make(String name, Ast.Call call, List<Typed> args, DataType type, boolean nullable,
            String sql) {
        return FunctionCatalog.call(name, args, type, nullable, call.span(), sql);
    }
}
