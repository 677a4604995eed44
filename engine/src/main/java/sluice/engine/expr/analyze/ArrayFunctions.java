package sluice.engine.expr.analyze;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.SluiceException;
import sluice.engine.expr.parse.Ast;
import sluice.engine.types.ArrayType;
import sluice.engine.types.AtomicType;
import sluice.engine.types.DataType;
import sluice.engine.types.DecimalType;
import sluice.engine.types.MapType;

/**
 * The array functions that take no lambda, typed as Spark's collectionOperations: an element and an array meet at
 * their wider type without reading strings as numbers, two arrays likewise; elements that are compared or ordered
 * must have an order (no maps). Every array made here allows nulls inside. Stateless.
 */
final class ArrayFunctions extends AnalyzedFamily {
    static final Set<String> NAMES = Set.of("array_contains", "array_position", "array_remove", "array_distinct",
            "array_union", "array_intersect", "array_except", "arrays_overlap", "array_join", "array_max",
            "array_min", "array_size", "array_append", "array_prepend", "array_compact", "array_repeat", "flatten",
            "slice", "sort_array", "get", "array_insert");

    ArrayFunctions(Analyzer analyzer, FunctionCatalog catalog) {
        super(NAMES, analyzer, catalog);
    }

    @Override
    public Typed resolve(String name, Ast.Call call, List<Typed> args) {
        String sql = FunctionCatalog.sqlName(call, args);
        switch (name) {
            case "array_contains", "array_position", "array_remove", "array_append", "array_prepend" -> {
                catalog.checkArity(call, args.size(), 2, 2);
                return withElement(name, call, args.get(0), args.get(1), sql);
            }
            case "array_union", "array_intersect", "array_except", "arrays_overlap" -> {
                catalog.checkArity(call, args.size(), 2, 2);
                return twoArrays(name, call, args.get(0), args.get(1), sql);
            }
            case "array_distinct", "array_compact" -> {
                catalog.checkArity(call, args.size(), 1, 1);
                Typed array = array(args.get(0), name, 1);
                if (name.equals("array_distinct")) {
                    orderable(array, name);
                }
                return make(name, call, List.of(array), array.type(), array.nullable(), sql);
            }
            case "array_max", "array_min" -> {
                catalog.checkArity(call, args.size(), 1, 1);
                Typed array = array(args.get(0), name, 1);
                orderable(array, name);
                return make(name, call, List.of(array), element(array), true, sql);
            }
            case "array_size" -> {
                catalog.checkArity(call, args.size(), 1, 1);
                Typed array = array(args.get(0), name, 1);
                return make("size", call, List.of(array), AtomicType.INT, array.nullable(), sql);
            }
            case "array_join" -> {
                catalog.checkArity(call, args.size(), 2, 3);
                return join(call, args, sql);
            }
            case "array_repeat" -> {
                catalog.checkArity(call, args.size(), 2, 2);
                Typed count = args.get(1);
                if (count.type() != AtomicType.INT && count.type() != AtomicType.NULL) {
                    throw unexpected(count, name, 2, "an INT");
                }
                return make(name, call, List.of(args.get(0), analyzer.coerce(count, AtomicType.INT)),
                        new ArrayType(args.get(0).type(), true), count.nullable(), sql);
            }
            case "flatten" -> {
                catalog.checkArity(call, args.size(), 1, 1);
                Typed array = array(args.get(0), name, 1);
                if (!(element(array) instanceof ArrayType inner)) {
                    throw unexpected(array, name, 1, "an ARRAY of ARRAYs");
                }
                return make(name, call, List.of(array), new ArrayType(inner.elementType(), true), true, sql);
            }
            case "slice" -> {
                catalog.checkArity(call, args.size(), 3, 3);
                Typed array = array(args.get(0), name, 1);
                Typed start = analyzer.expect(args.get(1), AtomicType.INT, "slice argument 2");
                Typed length = analyzer.expect(args.get(2), AtomicType.INT, "slice argument 3");
                return make(name, call, List.of(array, start, length), array.type(),
                        array.nullable() || start.nullable() || length.nullable(), sql);
            }
            case "sort_array" -> {
                catalog.checkArity(call, args.size(), 1, 2);
                return sortArray(call, args);
            }
            case "array_insert" -> {
                catalog.checkArity(call, args.size(), 3, 3);
                return insert(call, args, sql);
            }
            case "get" -> {
                catalog.checkArity(call, args.size(), 2, 2);
                Typed array = array(args.get(0), name, 1);
                Typed index = analyzer.expect(args.get(1), AtomicType.INT, "get argument 2");
                return make(name, call, List.of(array, index), element(array), true, sql);
            }
            default -> throw new AssertionError(name);
        }
    }

    /** A function of an array and a value of its element type: both widen to where they meet. */
    private Typed withElement(String name, Ast.Call call, Typed arrayArg, Typed value, String sql) {
        Typed array = array(arrayArg, name, 1);
        boolean appends = name.equals("array_append") || name.equals("array_prepend");
        if (value.type() == AtomicType.NULL && !appends) {
            throw analyzer.error(ErrorCode.TYPE_MISMATCH, value.span(), "[DATATYPE_MISMATCH.NULL_TYPE] "
                    + "'%s' cannot take a NULL of no type as its value", name);
        }
        DataType common = wider(element(array), value.type()).orElseThrow(() -> analyzer.error(
                ErrorCode.TYPE_MISMATCH, value.span(), "[DATATYPE_MISMATCH.ARRAY_FUNCTION_DIFF_TYPES] '%s' takes a "
                + "value of the array's element type %s, not %s", name, element(array).sql(), value.type().sql()));
        Typed coercedArray = analyzer.coerce(array, new ArrayType(common, true));
        Typed coercedValue = analyzer.coerce(value, common);
        if (!appends) {
            orderable(coercedValue, name);
        }
        List<Typed> both = List.of(coercedArray, coercedValue);
        return switch (name) {
            case "array_contains" -> make(name, call, both, AtomicType.BOOLEAN, true, sql);
            case "array_position" -> make(name, call, both, AtomicType.BIGINT, true, sql);
            case "array_remove" -> make(name, call, both, coercedArray.type(), true, sql);
            default -> make(name, call, both, coercedArray.type(), array.nullable(), sql);
        };
    }

    /** array_insert(a, pos, value): an INT position (narrower integers widen) and the tightest common type. */
    private Typed insert(Ast.Call call, List<Typed> args, String sql) {
        Typed array = array(args.get(0), "array_insert", 1);
        Typed position = args.get(1);
        boolean toInt = position.type() == AtomicType.INT || position.type() == AtomicType.TINYINT
                || position.type() == AtomicType.SMALLINT;
        if (!toInt) {
            throw unexpected(position, "array_insert", 2, "an INT");
        }
        Typed value = args.get(2);
        DataType common = Coercion.tightestCommonType(element(array), value.type()).orElseThrow(() -> analyzer.error(
                ErrorCode.TYPE_MISMATCH, value.span(), "[DATATYPE_MISMATCH.ARRAY_FUNCTION_DIFF_TYPES] 'array_insert' "
                + "takes a value of the array's element type %s, not %s", element(array).sql(), value.type().sql()));
        Typed coerced = analyzer.coerce(array, new ArrayType(common, true));
        return make("array_insert", call, List.of(coerced, analyzer.coerce(position, AtomicType.INT),
                analyzer.coerce(value, common)), coerced.type(), array.nullable() || position.nullable(), sql);
    }

    private Typed twoArrays(String name, Ast.Call call, Typed leftArg, Typed rightArg, String sql) {
        Typed left = array(leftArg, name, 1);
        Typed right = array(rightArg, name, 2);
        DataType common = wider(element(left), element(right)).orElseThrow(() -> analyzer.error(
                ErrorCode.TYPE_MISMATCH, call.span(), "[DATATYPE_MISMATCH.BINARY_ARRAY_DIFF_TYPES] the arrays of "
                + "'%s' must have elements of one type, not %s and %s", name, left.type().sql(), right.type().sql()));
        ArrayType type = new ArrayType(common, true);
        List<Typed> both = List.of(analyzer.coerce(left, type), analyzer.coerce(right, type));
        orderable(both.get(0), name);
        DataType result = name.equals("arrays_overlap") ? AtomicType.BOOLEAN : type;
        boolean nullable = left.nullable() || right.nullable() || name.equals("arrays_overlap");
        return make(name, call, both, result, nullable, sql);
    }

    private Typed join(Ast.Call call, List<Typed> args, String sql) {
        Typed array = array(args.get(0), "array_join", 1);
        if (element(array) != AtomicType.STRING && element(array) != AtomicType.NULL) {
            throw unexpected(array, "array_join", 1, "an ARRAY<STRING>");
        }
        List<Typed> coerced = new java.util.ArrayList<>();
        coerced.add(analyzer.coerce(array, new ArrayType(AtomicType.STRING, true)));
        for (int i = 1; i < args.size(); i++) {
            Typed text = args.get(i);
            if (text.type() != AtomicType.STRING && text.type() != AtomicType.NULL) {
                throw unexpected(text, "array_join", i + 1, "a STRING");
            }
            coerced.add(analyzer.coerce(text, AtomicType.STRING));
        }
        return make("array_join", call, coerced, AtomicType.STRING, coerced.stream().anyMatch(Typed::nullable), sql);
    }

    /** sort_array(a, asc): the order must be a constant BOOLEAN; Spark names the call with it, default true. */
    private Typed sortArray(Ast.Call call, List<Typed> args) {
        Typed array = array(args.get(0), "sort_array", 1);
        orderable(array, "sort_array");
        Typed ascending = args.size() > 1 ? args.get(1)
                : new Typed.Constant(Boolean.TRUE, AtomicType.BOOLEAN, call.span(), "true");
        if (ascending.type() != AtomicType.BOOLEAN) {
            throw unexpected(ascending, "sort_array", 2, "a BOOLEAN");
        }
        if (!(ascending instanceof Typed.Constant)) {
            throw analyzer.error(ErrorCode.TYPE_MISMATCH, ascending.span(), "[DATATYPE_MISMATCH.NON_FOLDABLE_INPUT] "
                    + "the order of 'sort_array' must be a constant BOOLEAN, but '%s' is not", ascending.sql());
        }
        List<Typed> both = List.of(array, ascending);
        return make("sort_array", call, both, array.type(), array.nullable() || ascending.nullable(),
                FunctionCatalog.sqlName(call, both));
    }

    /** Spark's findWiderTypeWithoutStringPromotion for two element types. */
    static Optional<DataType> wider(DataType a, DataType b) {
        Optional<DataType> tightest = Coercion.tightestCommonType(a, b);
        if (tightest.isPresent()) {
            return tightest;
        }
        if (a.isNumeric() && b.isNumeric() && (a instanceof DecimalType || b instanceof DecimalType)) {
            return Optional.of(Coercion.widerNumeric(a, b));
        }
        if (a instanceof ArrayType x && b instanceof ArrayType y) {
            return wider(x.elementType(), y.elementType()).map(e -> new ArrayType(e, true));
        }
        return Optional.empty();
    }

    /** The argument as an array: a NULL of no type is an empty ARRAY&lt;VOID&gt; of nulls. */
    private Typed array(Typed arg, String function, int position) {
        if (arg.type() == AtomicType.NULL) {
            return analyzer.coerce(arg, new ArrayType(AtomicType.NULL, true));
        }
        if (!(arg.type() instanceof ArrayType)) {
            throw unexpected(arg, function, position, "an ARRAY");
        }
        return arg;
    }

    private static DataType element(Typed array) {
        return ((ArrayType) array.type()).elementType();
    }

    private void orderable(Typed value, String function) {
        if (value.type().contains(MapType.class)) {
            throw analyzer.error(ErrorCode.TYPE_MISMATCH, value.span(), "[DATATYPE_MISMATCH.INVALID_ORDERING_TYPE] "
                    + "'%s' cannot compare values of type %s: maps have no order", function, value.type().sql());
        }
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
