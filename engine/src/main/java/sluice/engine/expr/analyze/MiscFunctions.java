package sluice.engine.expr.analyze;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import sluice.engine.expr.parse.Ast;
import sluice.engine.types.ArrayType;
import sluice.engine.types.AtomicType;
import sluice.engine.types.DataType;
import sluice.engine.types.DecimalType;

/**
 * Spark's misc and random functions: typeof, version and the current_* names (constants of the query), assert_true
 * and raise_error, and the row-position functions rand, randn, uniform, randstr, uuid, spark_partition_id,
 * input_file_name, input_file_block_start, input_file_block_length and shuffle, whose seed must be a constant as in
 * Spark. Stateless.
 */
final class MiscFunctions extends AnalyzedFamily {
    static final Set<String> NAMES = Set.of("typeof", "version", "current_database", "current_schema",
            "current_catalog", "current_user", "user", "session_user", "assert_true", "raise_error", "rand", "random",
            "randn", "uniform", "randstr", "uuid", "spark_partition_id", "shuffle", "bitmap_bucket_number",
            "bitmap_bit_position", "bitmap_count", "input_file_name", "input_file_block_start",
            "input_file_block_length");

    /** The Spark version Sluice follows, as version() reports it, with Sluice in place of Spark's build. */
    static final String VERSION = "4.1.1 sluice";

    MiscFunctions(Analyzer analyzer, FunctionCatalog catalog) {
        super(NAMES, analyzer, catalog);
    }

    @Override
    public Typed resolve(String name, Ast.Call call, List<Typed> args) {
        String sql = FunctionCatalog.sqlName(call, args);
        switch (name) {
            case "typeof" -> {
                catalog.checkArity(call, args.size(), 1, 1);
                return constant(args.get(0).type().simpleString(), call, sql);
            }
            case "version" -> {
                catalog.checkArity(call, args.size(), 0, 0);
                return constant(VERSION, call, sql);
            }
            case "current_database", "current_schema" -> {
                catalog.checkArity(call, args.size(), 0, 0);
                return constant("default", call, "current_schema()");
            }
            case "current_catalog" -> {
                catalog.checkArity(call, args.size(), 0, 0);
                return constant("spark_catalog", call, sql);
            }
            case "current_user", "user", "session_user" -> {
                catalog.checkArity(call, args.size(), 0, 0);
                String user = System.getenv("SPARK_USER") != null ? System.getenv("SPARK_USER")
                        : System.getProperty("user.name");
                return constant(user, call, sql);
            }
            case "raise_error" -> {
                catalog.checkArity(call, args.size(), 1, 1);
                Typed message = analyzer.expect(args.get(0), AtomicType.STRING, name);
                // Spark builds raise_error(msg) as its two-argument form, and names it so.
                return FunctionCatalog.call(name, List.of(message), AtomicType.NULL, true, call.span(),
                        "raise_error(USER_RAISED_EXCEPTION, map(errorMessage, " + args.get(0).sql() + "))");
            }
            case "bitmap_bucket_number", "bitmap_bit_position" -> {
                catalog.checkArity(call, args.size(), 1, 1);
                Typed value = analyzer.expect(args.get(0), AtomicType.BIGINT, name);
                return FunctionCatalog.call(name, List.of(value), AtomicType.BIGINT, value.nullable(), call.span(),
                        sql);
            }
            case "bitmap_count" -> {
                catalog.checkArity(call, args.size(), 1, 1);
                if (args.get(0).type() != AtomicType.BINARY) {
                    throw analyzer.mismatch(args.get(0), name, "BINARY");
                }
                return FunctionCatalog.call(name, args, AtomicType.BIGINT, args.get(0).nullable(), call.span(), sql);
            }
            case "assert_true" -> {
                return assertTrue(call, args);
            }
            case "spark_partition_id", "uuid" -> {
                catalog.checkArity(call, args.size(), 0, 0);
                DataType type = name.equals("uuid") ? AtomicType.STRING : AtomicType.INT;
                String printed = name.equals("spark_partition_id") ? "SPARK_PARTITION_ID()" : sql;
                return FunctionCatalog.call(name, List.of(), type, false, call.span(), printed);
            }
            case "input_file_name", "input_file_block_start", "input_file_block_length" -> {
                catalog.checkArity(call, args.size(), 0, 0);
                DataType type = name.equals("input_file_name") ? AtomicType.STRING : AtomicType.BIGINT;
                return FunctionCatalog.call(name, List.of(), type, false, call.span(), name + "()");
            }
            case "rand", "random", "randn" -> {
                catalog.checkArity(call, args.size(), 0, 1);
                String function = name.equals("randn") ? "randn" : "rand";
                Typed seed = seed(call, args, 0);
                String printed = function + "(" + (args.isEmpty() ? "" : args.get(0).sql()) + ")";
                return FunctionCatalog.call(function, List.of(seed), AtomicType.DOUBLE, false, call.span(), printed);
            }
            case "shuffle" -> {
                catalog.checkArity(call, args.size(), 1, 2);
                Typed array = args.get(0);
                if (array.type() == AtomicType.NULL) {
                    array = analyzer.coerce(array, new ArrayType(AtomicType.NULL, true));
                } else if (!(array.type() instanceof ArrayType)) {
                    throw analyzer.mismatch(array, "shuffle", "an ARRAY");
                }
                String printed = "shuffle(" + array.sql() + (args.size() > 1 ? ", " + args.get(1).sql() : "") + ")";
                return FunctionCatalog.call("shuffle", List.of(array, seed(call, args, 1)), array.type(),
                        array.nullable(), call.span(), printed);
            }
            case "uniform" -> {
                return uniform(call, args, sql);
            }
            case "randstr" -> {
                catalog.checkArity(call, args.size(), 1, 2);
                Typed length = args.get(0);
                if (!(length instanceof Typed.Constant constant) || !(constant.value() instanceof Long)
                        || length.type() != AtomicType.INT && length.type() != AtomicType.SMALLINT) {
                    throw analyzer.mismatch(length, "randstr length", "a constant INT or SMALLINT");
                }
                return FunctionCatalog.call(name, List.of(analyzer.coerce(length, AtomicType.INT), seed(call, args, 1)),
                        AtomicType.STRING, false, call.span(), sql);
            }
            default -> throw new AssertionError(name);
        }
    }

    private static Typed constant(String value, Ast.Call call, String sql) {
        return new Typed.Constant(value, AtomicType.STRING, call.span(), sql);
    }

    /**
     * The seed at {@code index}: a constant INT or BIGINT (NULL counting as 0), or, when there is none, one drawn
     * now, as Spark draws one for the query.
     */
    private Typed seed(Ast.Call call, List<Typed> args, int index) {
        if (args.size() <= index) {
            long drawn = ThreadLocalRandom.current().nextLong();
            return new Typed.Constant(drawn, AtomicType.BIGINT, call.span(), Long.toString(drawn));
        }
        Typed seed = args.get(index);
        boolean integral = seed.type() == AtomicType.INT || seed.type() == AtomicType.BIGINT
                || seed.type() == AtomicType.NULL;
        if (!integral) {
            throw analyzer.mismatch(seed, call.function().toLowerCase(Locale.ROOT) + " seed", "INT or BIGINT");
        }
        Object value = constantValue(seed);
        if (value == NOT_CONSTANT) {
            throw analyzer.mismatch(seed, call.function().toLowerCase(Locale.ROOT) + " seed", "a constant");
        }
        return new Typed.Constant(value == null ? 0L : value, AtomicType.BIGINT, seed.span(), seed.sql());
    }

    private static final Object NOT_CONSTANT = new Object();

    /** The value of a constant argument, folding simple integer arithmetic as Spark folds {@code 1 + 1}. */
    private static Object constantValue(Typed typed) {
        if (typed instanceof Typed.Constant constant) {
            return constant.value();
        }
        if (typed instanceof Typed.Arithmetic arithmetic && arithmetic.type().isIntegral()) {
            Object left = constantValue(arithmetic.left());
            Object right = constantValue(arithmetic.right());
            if (left instanceof Long x && right instanceof Long y) {
                return switch (arithmetic.op()) {
                    case ADD -> x + y;
                    case SUBTRACT -> x - y;
                    case MULTIPLY -> x * y;
                    default -> NOT_CONSTANT;
                };
            }
        }
        if (typed instanceof Typed.Cast cast) {
            return constantValue(cast.operand());
        }
        return NOT_CONSTANT;
    }

    /** assert_true(cond[, message]): NULL when cond is true, else raise_error(message). */
    private Typed assertTrue(Ast.Call call, List<Typed> args) {
        catalog.checkArity(call, args.size(), 1, 2);
        Typed condition = analyzer.expect(args.get(0), AtomicType.BOOLEAN, "assert_true");
        Typed message = args.size() == 2 ? analyzer.expect(args.get(1), AtomicType.STRING, "assert_true")
                : new Typed.Constant("'" + args.get(0).sql() + "' is not true!", AtomicType.STRING, call.span(),
                        "'" + args.get(0).sql() + "' is not true!");
        String sql = "assert_true(" + args.get(0).sql() + ", " + message.sql() + ")";
        Typed raise = FunctionCatalog.call("raise_error", List.of(message), AtomicType.NULL, true, call.span(), sql);
        return new Typed.CaseWhen(List.of(condition), List.of(new Typed.Constant(null, AtomicType.NULL, call.span(),
                "NULL")), raise, AtomicType.NULL, call.span(), sql);
    }

    /**
     * uniform(min, max[, seed]): constants; the result is min + (max - min) * rand(seed) cast to the type Spark picks
     * from min and max (the wider integral type, else DOUBLE, FLOAT or the wider decimal).
     */
    private Typed uniform(Ast.Call call, List<Typed> args, String sql) {
        catalog.checkArity(call, args.size(), 2, 3);
        Typed min = args.get(0);
        Typed max = args.get(1);
        for (Typed bound : List.of(min, max)) {
            if (!bound.type().isNumeric() || constantValue(bound) == NOT_CONSTANT) {
                throw analyzer.mismatch(bound, "uniform", "a constant number");
            }
        }
        DataType a = min.type();
        DataType b = max.type();
        DataType type;
        if (a.isIntegral() && b.isIntegral()) {
            type = Coercion.widerNumeric(a, b);
        } else if (a == AtomicType.DOUBLE || b == AtomicType.DOUBLE) {
            type = AtomicType.DOUBLE;
        } else if (a == AtomicType.FLOAT || b == AtomicType.FLOAT) {
            type = AtomicType.FLOAT;
        } else if (a instanceof DecimalType x && b instanceof DecimalType y) {
            type = x.precision() - x.scale() >= y.precision() - y.scale() && x.scale() >= y.scale() ? x : y;
        } else {
            type = a instanceof DecimalType ? a : b;
        }
        Typed call3 = FunctionCatalog.call("uniform", List.of(analyzer.coerce(min, AtomicType.DOUBLE),
                analyzer.coerce(max, AtomicType.DOUBLE), seed(call, args, 2)), AtomicType.DOUBLE, false, call.span(),
                sql);
        if (type == AtomicType.DOUBLE) {
            return call3;
        }
        return new Typed.Cast(call3, type, false, call.span(), sql);
    }
}
