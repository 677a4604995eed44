package sluice.engine.expr.analyze;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.SluiceException;
import sluice.engine.expr.lex.Span;
import sluice.engine.expr.parse.Ast;
import sluice.engine.types.ArrayType;
import sluice.engine.types.AtomicType;
import sluice.engine.types.DataType;
import sluice.engine.types.MapType;

/**
 * The higher-order functions, typed as Spark's higherOrderFunctions: the array is typed first, then the lambda with
 * its parameters bound to the element (nullable when the array may hold nulls) and, where Spark allows a second one,
 * the element's INT index. Their lambdas cannot be typed before the array, so the catalog hands them the untyped call.
 * Stateless.
 */
final class LambdaFunctions extends AnalyzedFamily {
    static final Set<String> NAMES = Set.of("transform", "filter", "exists", "forall", "aggregate", "reduce",
            "zip_with", "map_filter", "transform_values", "transform_keys", "map_zip_with", "array_sort");

    LambdaFunctions(Analyzer analyzer, FunctionCatalog catalog) {
        super(NAMES, analyzer, catalog);
    }

    @Override
    public Typed resolve(String name, Ast.Call call, List<Typed> args) {
        throw new IllegalStateException(name + " is typed from its untyped call");
    }

    /** The call typed as the higher-order function {@code name}. */
    Typed resolveLambda(String name, Ast.Call call) {
        List<Ast> args = call.args();
        if (name.equals("aggregate") || name.equals("reduce")) {
            catalog.checkArity(call, args.size(), 3, 4);
            return aggregate(name, call);
        }
        if (name.equals("zip_with")) {
            catalog.checkArity(call, args.size(), 3, 3);
            return zipWith(call);
        }
        if (name.equals("map_zip_with")) {
            catalog.checkArity(call, args.size(), 3, 3);
            return mapZipWith(call);
        }
        if (name.equals("array_sort")) {
            catalog.checkArity(call, args.size(), 1, 2);
            return arraySort(call);
        }
        catalog.checkArity(call, args.size(), 2, 2);
        if (name.equals("map_filter") || name.equals("transform_values") || name.equals("transform_keys")) {
            return overMap(name, call);
        }
        Typed array = array(analyzer.analyze(args.get(0)), name);
        ArrayType arrayType = (ArrayType) array.type();
        int maxParams = name.equals("transform") || name.equals("filter") ? 2 : 1;
        Typed.Lambda lambda = lambda(call, 1, name, maxParams, List.of(arrayType.elementType(), AtomicType.INT),
                List.of(arrayType.containsNull(), false));
        List<Typed> typed = List.of(array, lambda);
        String sql = FunctionCatalog.sqlName(call, typed);
        return switch (name) {
            case "transform" -> FunctionCatalog.call(name, typed, new ArrayType(lambda.type(), lambda.nullable()),
                    array.nullable(), call.span(), sql);
            case "filter" -> FunctionCatalog.call(name, boolean_(typed, name), arrayType, array.nullable(),
                    call.span(), sql);
            // Spark 4 follows three-valued logic in exists (followThreeValuedLogicInArrayExists), as forall does.
            case "exists", "forall" -> FunctionCatalog.call(name, boolean_(typed, name), AtomicType.BOOLEAN,
                    array.nullable() || lambda.nullable(), call.span(), sql);
            default -> throw new IllegalStateException(name);
        };
    }

    // Spark's ArrayAggregate: the accumulator has the start value's type, and merge must give that type back.
    private Typed aggregate(String name, Ast.Call call) {
        List<Ast> args = call.args();
        Typed array = array(analyzer.analyze(args.get(0)), name);
        ArrayType arrayType = (ArrayType) array.type();
        Typed zero = analyzer.analyze(args.get(1));
        DataType accType = zero.type();
        Typed.Lambda merge = lambda(call, 2, name, 2, List.of(accType, arrayType.elementType()),
                List.of(true, arrayType.containsNull()));
        if (!merge.type().equals(accType)) {
            throw analyzer.error(ErrorCode.TYPE_MISMATCH, merge.span(), "[DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] "
                    + "the merge lambda of '%s' must return the start value's type %s, but '%s' has type %s",
                    name, accType.sql(), merge.body().sql(), merge.type().sql());
        }
        Typed.Lambda finish;
        if (args.size() == 4) {
            finish = lambda(call, 3, name, 1, List.of(accType), List.of(true));
        } else {
            // Spark's default finish is the identity, and it shows in the generated name.
            Ast.Lambda identity = new Ast.Lambda(List.of("id"), new Ast.ColumnRef("id", call.span()), call.span());
            finish = analyzer.lambda(identity, List.of(accType), List.of(true));
        }
        List<Typed> typed = List.of(array, zero, merge, finish);
        return FunctionCatalog.call("aggregate", typed, finish.type(), array.nullable() || finish.nullable(),
                call.span(), FunctionCatalog.sqlName(call, typed));
    }

    // Spark's ZipWith: both parameters may be null, as the shorter array is padded with nulls.
    private Typed zipWith(Ast.Call call) {
        Typed left = array(analyzer.analyze(call.args().get(0)), "zip_with");
        Typed right = array(analyzer.analyze(call.args().get(1)), "zip_with");
        Typed.Lambda lambda = lambda(call, 2, "zip_with", 2, 2, List.of(((ArrayType) left.type()).elementType(),
                ((ArrayType) right.type()).elementType()), List.of(true, true));
        List<Typed> typed = List.of(left, right, lambda);
        return FunctionCatalog.call("zip_with", typed, new ArrayType(lambda.type(), lambda.nullable()),
                left.nullable() || right.nullable(), call.span(), FunctionCatalog.sqlName(call, typed));
    }

    // Spark's MapFilter and TransformValues: the key is never null, the value as the map allows.
    private Typed overMap(String name, Ast.Call call) {
        Typed map = analyzer.analyze(call.args().get(0));
        if (!(map.type() instanceof MapType mapType)) {
            throw unexpected(map, name, 1, "a MAP");
        }
        Typed.Lambda lambda = lambda(call, 1, name, 2, 2, List.of(mapType.keyType(), mapType.valueType()),
                List.of(false, mapType.valueContainsNull()));
        List<Typed> typed = List.of(map, lambda);
        String sql = FunctionCatalog.sqlName(call, typed);
        if (name.equals("map_filter")) {
            return FunctionCatalog.call(name, boolean_(typed, name), mapType, map.nullable(), call.span(), sql);
        }
        if (name.equals("transform_keys")) {
            checkKey(lambda);
            return FunctionCatalog.call(name, typed, new MapType(lambda.type(), mapType.valueType(),
                    mapType.valueContainsNull()), map.nullable(), call.span(), sql);
        }
        return FunctionCatalog.call(name, typed, new MapType(mapType.keyType(), lambda.type(), lambda.nullable()),
                map.nullable(), call.span(), sql);
    }

    // Spark's MapZipWith: the keys are coerced to a common type; every key of either map once, the first map's
    // first, each with both values (null where a map lacks the key).
    private Typed mapZipWith(Ast.Call call) {
        Typed left = analyzer.analyze(call.args().get(0));
        Typed right = analyzer.analyze(call.args().get(1));
        if (!(left.type() instanceof MapType leftType)) {
            throw unexpected(left, "map_zip_with", 1, "a MAP");
        }
        if (!(right.type() instanceof MapType rightType)) {
            throw unexpected(right, "map_zip_with", 2, "a MAP");
        }
        DataType keyType = Coercion.commonType(leftType.keyType(), rightType.keyType()).orElseThrow(() ->
                analyzer.error(ErrorCode.TYPE_MISMATCH, call.span(), "[DATATYPE_MISMATCH.MAP_ZIP_WITH_DIFF_TYPES] "
                        + "the maps of 'map_zip_with' must have keys of one type, but they are %s and %s",
                        leftType.keyType().sql(), rightType.keyType().sql()));
        left = withKeys(left, leftType, keyType);
        right = withKeys(right, rightType, keyType);
        Typed.Lambda lambda = lambda(call, 2, "map_zip_with", 3, 3, List.of(keyType, leftType.valueType(),
                rightType.valueType()), List.of(false, true, true));
        List<Typed> typed = List.of(left, right, lambda);
        return FunctionCatalog.call("map_zip_with", typed, new MapType(keyType, lambda.type(), lambda.nullable()),
                left.nullable() || right.nullable(), call.span(), FunctionCatalog.sqlName(call, typed));
    }

    private Typed withKeys(Typed map, MapType type, DataType keyType) {
        return type.keyType().equals(keyType) ? map
                : analyzer.coerce(map, new MapType(keyType, type.valueType(), type.valueContainsNull()));
    }

    /**
     * Spark's ArraySort: the comparator must return INT (negative, 0, positive). Without one, Spark's default
     * comparator, written out as it is so that the generated name is Spark's: ascending, nulls last.
     */
    private Typed arraySort(Ast.Call call) {
        Typed array = array(analyzer.analyze(call.args().get(0)), "array_sort");
        ArrayType arrayType = (ArrayType) array.type();
        List<DataType> types = List.of(arrayType.elementType(), arrayType.elementType());
        List<Boolean> nullables = List.of(arrayType.containsNull(), arrayType.containsNull());
        Typed.Lambda comparator = call.args().size() == 2
                ? lambda(call, 1, "array_sort", 2, 2, types, nullables)
                : analyzer.lambda(defaultComparator(call.span()), types, nullables);
        if (comparator.type() != AtomicType.INT) {
            throw analyzer.error(ErrorCode.TYPE_MISMATCH, comparator.span(), "[DATATYPE_MISMATCH."
                    + "UNEXPECTED_RETURN_TYPE] the comparator of 'array_sort' must return INT, but '%s' has type %s",
                    comparator.body().sql(), comparator.type().sql());
        }
        List<Typed> typed = List.of(array, comparator);
        return FunctionCatalog.call("array_sort", typed, arrayType, array.nullable(), call.span(),
                FunctionCatalog.sqlName(call, typed));
    }

    private static Ast.Lambda defaultComparator(Span span) {
        Ast left = new Ast.ColumnRef("left", span);
        Ast right = new Ast.ColumnRef("right", span);
        Ast body = when(new Ast.Binary(Ast.BinaryOp.GT, left, right, span), integer("1", span), integer("0", span));
        body = when(new Ast.Binary(Ast.BinaryOp.LT, left, right, span), integer("-1", span), body);
        body = when(new Ast.IsNull(right, false, span), integer("-1", span), body);
        body = when(new Ast.IsNull(left, false, span), integer("1", span), body);
        body = when(new Ast.Binary(Ast.BinaryOp.AND, new Ast.IsNull(left, false, span),
                new Ast.IsNull(right, false, span), span), integer("0", span), body);
        return new Ast.Lambda(List.of("left", "right"), body, span);
    }

    private static Ast when(Ast condition, Ast then, Ast otherwise) {
        return new Ast.Call("if", List.of(condition, then, otherwise), condition.span(), condition.span());
    }

    private static Ast integer(String text, Span span) {
        return new Ast.Literal(Ast.LiteralKind.INTEGER, text, span);
    }

    private void checkKey(Typed.Lambda lambda) {
        if (lambda.type().contains(MapType.class)) {
            throw analyzer.error(ErrorCode.TYPE_MISMATCH, lambda.span(), "[DATATYPE_MISMATCH.INVALID_MAP_KEY_TYPE] "
                    + "a map key cannot be or hold a map, but '%s' has type %s", lambda.body().sql(),
                    lambda.type().sql());
        }
    }

    private Typed array(Typed arg, String function) {
        if (arg.type() == AtomicType.NULL) {
            return analyzer.coerce(arg, new ArrayType(AtomicType.NULL, true));
        }
        if (!(arg.type() instanceof ArrayType)) {
            throw unexpected(arg, function, 1, "an ARRAY");
        }
        return arg;
    }

    private Typed.Lambda lambda(Ast.Call call, int position, String function, int maxParams, List<DataType> types,
            List<Boolean> nullables) {
        return lambda(call, position, function, 1, maxParams, types, nullables);
    }

    private Typed.Lambda lambda(Ast.Call call, int position, String function, int minParams, int maxParams,
            List<DataType> types, List<Boolean> nullables) {
        Ast arg = call.args().get(position);
        if (!(arg instanceof Ast.Lambda lambda)) {
            throw analyzer.error(ErrorCode.TYPE_MISMATCH, arg.span(), "argument %d of '%s' must be a lambda such as "
                    + "x -> x + 1", position + 1, function);
        }
        int count = lambda.params().size();
        if (count < minParams || count > maxParams) {
            throw analyzer.error(ErrorCode.WRONG_ARGUMENTS, lambda.span(), "[INVALID_LAMBDA_FUNCTION_CALL."
                    + "NUM_ARGS_MISMATCH] the lambda of '%s' takes %s but has %d", function,
                    maxParams == 1 ? "1 parameter" : (minParams == maxParams ? "" : minParams + " or ") + maxParams
                    + " parameters", count);
        }
        return analyzer.lambda(lambda, types.subList(0, count), nullables.subList(0, count));
    }

    private List<Typed> boolean_(List<Typed> typed, String function) {
        Typed.Lambda lambda = (Typed.Lambda) typed.get(typed.size() - 1);
        if (lambda.type() == AtomicType.NULL) {
            List<Typed> coerced = new ArrayList<>(typed);
            Typed body = analyzer.coerce(lambda.body(), AtomicType.BOOLEAN);
            coerced.set(typed.size() - 1, new Typed.Lambda(lambda.params(), body, lambda.span()));
            return coerced;
        }
        if (lambda.type() != AtomicType.BOOLEAN) {
            throw unexpected(lambda.body(), function, 2, "a lambda returning BOOLEAN");
        }
        return typed;
    }

    private SluiceException unexpected(Typed arg, String function, int position, String expected) {
        return analyzer.error(ErrorCode.TYPE_MISMATCH, arg.span(), "[DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] "
                + "argument %d of '%s' must be %s, but '%s' has type %s", position, function, expected, arg.sql(),
                arg.type().sql());
    }
}
