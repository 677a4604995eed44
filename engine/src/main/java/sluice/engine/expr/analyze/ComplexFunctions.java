package sluice.engine.expr.analyze;

import java.util.ArrayList;
import java.util.List;
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
 * The functions that build arrays, maps and structs ({@code array}, {@code map}, {@code named_struct},
 * {@code struct}) and read them ({@code element_at}, {@code size}, {@code cardinality}), typed as Spark's
 * complexTypeCreator and collectionOperations: elements of one common type, map keys never maps, struct field names
 * from constants or from what each value was written as. Every array, map and struct made here allows nulls inside.
 * Stateless.
 */
final class ComplexFunctions extends AnalyzedFamily {
    static final Set<String> NAMES = Set.of("array", "map", "named_struct", "struct", "element_at", "size",
            "cardinality");

    ComplexFunctions(Analyzer analyzer, FunctionCatalog catalog) {
        super(NAMES, analyzer, catalog);
    }

    @Override
    public Typed resolve(String name, Ast.Call call, List<Typed> args) {
        String sql = FunctionCatalog.sqlName(call, args);
        switch (name) {
            case "array" -> {
                List<Typed> elements = common(args, "DATA_DIFF_TYPES", "the elements of 'array'");
                return make("array", call, elements, new ArrayType(typeOf(elements), true), false, sql);
            }
            case "map" -> {
                return map(call, args, sql);
            }
            case "named_struct" -> {
                return namedStruct(call, args, sql);
            }
            case "element_at" -> {
                catalog.checkArity(call, args.size(), 2, 2);
                return elementAt(call, args.get(0), args.get(1), sql);
            }
            case "size", "cardinality" -> {
                catalog.checkArity(call, args.size(), 1, 1);
                Typed value = args.get(0).type() == AtomicType.NULL
                        ? analyzer.coerce(args.get(0), new ArrayType(AtomicType.NULL, true)) : args.get(0);
                if (!(value.type() instanceof ArrayType) && !(value.type() instanceof MapType)) {
                    throw unexpected(value, name, 1, "an ARRAY or a MAP");
                }
                // ANSI mode, Spark 4's default: the size of null is null (the legacy -1 is off).
                return make("size", call, List.of(value), AtomicType.INT, value.nullable(), sql);
            }
            default -> throw new AssertionError(name);
        }
    }

    /**
     * {@code struct(a, b AS x, 1)}: Spark's CreateStruct names each field after the value as written, before it is
     * resolved: a column's name as spelt, the last part of {@code s.f}, a string key of {@code m['k']}, an alias,
     * else {@code col} and its 1-based position. A {@code *} argument stands for every input column, in order and
     * under its own name, as Spark's analyzer expands it ({@code to_json(struct(*))} writes whole rows). A row
     * constructor {@code (a, b)} makes the same struct.
     */
    Typed struct(Ast.Call call) {
        boolean rowConstructor = call.function().equals(Ast.Call.ROW_CONSTRUCTOR);
        List<Field> fields = new ArrayList<>();
        List<Typed> values = new ArrayList<>();
        List<String> sql = new ArrayList<>();
        for (int i = 0; i < call.args().size(); i++) {
            Ast arg = call.args().get(i);
            if (arg instanceof Ast.Star star) {
                for (Typed column : analyzer.allColumns(star.span())) {
                    fields.add(Field.of(((Typed.Column) column).name(), column.type()));
                    values.add(column);
                    sql.add(column.sql());
                }
                continue;
            }
            Ast value = arg instanceof Ast.Alias alias ? alias.expression() : arg;
            Typed typed = analyzer.analyze(value);
            String field = fieldName(arg, i);
            fields.add(Field.of(field, typed.type()));
            values.add(typed);
            String valueSql = arg instanceof Ast.Alias alias ? typed.sql() + " AS " + quoteIfNeeded(alias.name())
                    : typed.sql();
            // Spark prints a row constructor (a, b) as the named_struct it makes: named_struct(a, a, b, b).
            sql.add(rowConstructor ? field + ", " + valueSql : valueSql);
        }
        String name = rowConstructor ? "named_struct" : call.function().toLowerCase(java.util.Locale.ROOT);
        return make("named_struct", call, values, new StructType(fields), false,
                name + "(" + String.join(", ", sql) + ")");
    }

    private static String fieldName(Ast arg, int index) {
        if (arg instanceof Ast.Alias alias) {
            return alias.name();
        } else if (arg instanceof Ast.ColumnRef ref) {
            return ref.name();
        } else if (arg instanceof Ast.FieldAccess access) {
            return access.field();
        } else if (arg instanceof Ast.Subscript subscript && subscript.index() instanceof Ast.Literal literal
                && literal.kind() == Ast.LiteralKind.STRING) {
            return literal.text();
        }
        return "col" + (index + 1);
    }

    private static String quoteIfNeeded(String name) {
        return sluice.engine.types.Schema.quoteIfNeeded(name);
    }

    private Typed map(Ast.Call call, List<Typed> args, String sql) {
        if (args.size() % 2 != 0) {
            throw analyzer.error(ErrorCode.WRONG_ARGUMENTS, call.span(), "[WRONG_NUM_ARGS.WITHOUT_SUGGESTION] "
                    + "function '%s' takes an even number of arguments (keys and values) but %d were given",
                    call.function(), args.size());
        }
        List<Typed> keys = new ArrayList<>();
        List<Typed> values = new ArrayList<>();
        for (int i = 0; i < args.size(); i += 2) {
            keys.add(args.get(i));
            values.add(args.get(i + 1));
        }
        keys = common(keys, "CREATE_MAP_KEY_DIFF_TYPES", "the keys of 'map'");
        values = common(values, "CREATE_MAP_VALUE_DIFF_TYPES", "the values of 'map'");
        DataType keyType = typeOf(keys);
        if (keyType.contains(MapType.class)) {
            throw analyzer.error(ErrorCode.TYPE_MISMATCH, keys.get(0).span(),
                    "[DATATYPE_MISMATCH.INVALID_MAP_KEY_TYPE] a map key cannot be or hold a map, but the keys are %s",
                    keyType.sql());
        }
        List<Typed> pairs = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            pairs.add(keys.get(i));
            pairs.add(values.get(i));
        }
        return make("map", call, pairs, MapType.of(keyType, typeOf(values)), false, sql);
    }

    /** {@code named_struct('a', x, 'b', y)}: the names must be constant strings; the call keeps the values only. */
    private Typed namedStruct(Ast.Call call, List<Typed> args, String sql) {
        if (args.size() % 2 != 0) {
            throw analyzer.error(ErrorCode.WRONG_ARGUMENTS, call.span(), "[WRONG_NUM_ARGS.WITHOUT_SUGGESTION] "
                    + "function '%s' takes names and values in pairs but %d arguments were given", call.function(),
                    args.size());
        }
        List<Field> fields = new ArrayList<>();
        List<Typed> values = new ArrayList<>();
        for (int i = 0; i < args.size(); i += 2) {
            Typed name = args.get(i);
            if (!(name instanceof Typed.Constant constant) || !(constant.value() instanceof String text)) {
                String code = name instanceof Typed.Constant constant && constant.value() == null
                        && name.type() == AtomicType.STRING ? "UNEXPECTED_NULL"
                        : "CREATE_NAMED_STRUCT_WITHOUT_FOLDABLE_STRING";
                throw analyzer.error(ErrorCode.TYPE_MISMATCH, name.span(), "[DATATYPE_MISMATCH.%s] the field names "
                        + "of 'named_struct' must be constant strings, but '%s' is not", code, name.sql());
            }
            fields.add(Field.of(text, args.get(i + 1).type()));
            values.add(args.get(i + 1));
        }
        return make("named_struct", call, values, new StructType(fields), false, sql);
    }

    /**
     * element_at: an array's element by a 1-based INT position (TINYINT and SMALLINT widen to it, nothing else
     * does), or a map's value by a key of the key's type, the map and key meeting at their tightest common type.
     */
    private Typed elementAt(Ast.Call call, Typed base, Typed key, String sql) {
        if (base.type() instanceof ArrayType array) {
            boolean toInt = key.type() == AtomicType.INT || key.type() == AtomicType.TINYINT
                    || key.type() == AtomicType.SMALLINT;
            if (!toInt) {
                throw unexpected(key, "element_at", 2, "an INT");
            }
            return make("element_at", call, List.of(base, analyzer.coerce(key, AtomicType.INT)),
                    array.elementType(), true, sql);
        } else if (base.type() instanceof MapType map) {
            DataType common = Coercion.tightestCommonType(map.keyType(), key.type()).orElseThrow(() ->
                    analyzer.error(ErrorCode.TYPE_MISMATCH, key.span(), "[DATATYPE_MISMATCH.MAP_FUNCTION_DIFF_TYPES] "
                            + "the key of 'element_at' must have the map's key type %s, not %s",
                            map.keyType().sql(), key.type().sql()));
            Typed mapArg = analyzer.coerce(base, MapType.of(common, map.valueType()));
            return make("element_at", call, List.of(mapArg, analyzer.coerce(key, common)), map.valueType(), true,
                    sql);
        }
        throw unexpected(base, "element_at", 1, "an ARRAY or a MAP");
    }

    /** Every argument cast to their common type, or Spark's DATATYPE_MISMATCH.{@code code} problem. */
    private List<Typed> common(List<Typed> args, String code, String what) {
        List<DataType> types = args.stream().map(Typed::type).toList();
        DataType type = Coercion.commonType(types).orElseThrow(() -> analyzer.error(ErrorCode.TYPE_MISMATCH,
                args.get(0).span(), "[DATATYPE_MISMATCH.%s] %s have no common type: %s", code, what,
                types.stream().map(DataType::sql).distinct().collect(Collectors.joining(", "))));
        return args.stream().map(a -> analyzer.coerce(a, type)).toList();
    }

    /** The common type of coerced arguments; VOID (Spark's NullType) for none. */
    private static DataType typeOf(List<Typed> coerced) {
        return coerced.isEmpty() ? AtomicType.NULL : coerced.get(0).type();
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
