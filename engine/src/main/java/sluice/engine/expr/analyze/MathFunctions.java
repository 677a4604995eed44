package sluice.engine.expr.analyze;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import sluice.engine.diag.ErrorCode;
import sluice.engine.expr.parse.Ast;
import sluice.engine.expr.parse.Ast.BinaryOp;
import sluice.engine.types.AtomicType;
import sluice.engine.types.DataType;
import sluice.engine.types.DecimalType;

/**
 * The numeric functions beyond the first ones: trigonometry and hyperbolic functions, e and pi, degrees and radians,
 * expm1 and log1p, rint, sign, factorial, hypot, atan2, bin, conv, width_bucket, mod and negative. Arguments are cast
 * to DOUBLE as Spark's implicit casts do. Stateless.
 */
final class MathFunctions extends AnalyzedFamily {
    /** The functions of one DOUBLE giving a DOUBLE, by the name Spark prints when they are called by this name. */
    static final Map<String, String> UNARY = new TreeMap<>(Map.ofEntries(Map.entry("acos", "ACOS"),
            Map.entry("asin", "ASIN"), Map.entry("atan", "ATAN"), Map.entry("acosh", "ACOSH"),
            Map.entry("asinh", "ASINH"), Map.entry("atanh", "ATANH"), Map.entry("sinh", "SINH"),
            Map.entry("cosh", "COSH"), Map.entry("tanh", "TANH"), Map.entry("cot", "COT"), Map.entry("sec", "SEC"),
            Map.entry("csc", "CSC"), Map.entry("degrees", "DEGREES"), Map.entry("radians", "RADIANS"),
            Map.entry("expm1", "EXPM1"), Map.entry("log1p", "LOG1P"), Map.entry("rint", "rint")));
    static final Set<String> NAMES = Set.of("acos", "asin", "atan", "acosh", "asinh", "atanh", "sinh", "cosh", "tanh",
            "cot", "sec", "csc", "degrees", "radians", "expm1", "log1p", "rint", "e", "pi", "atan2", "hypot", "sign",
            "signum", "factorial", "bin", "conv", "width_bucket", "mod", "negative");

    private static final DataType D = AtomicType.DOUBLE;

    MathFunctions(Analyzer analyzer, FunctionCatalog catalog) {
        super(NAMES, analyzer, catalog);
    }

    @Override
    public Typed resolve(String name, Ast.Call call, List<Typed> args) {
        if (UNARY.containsKey(name)) {
            catalog.checkArity(call, args.size(), 1, 1);
            Typed x = analyzer.expect(args.get(0), D, name);
            // log1p is null at or below -1; the others give NaN or infinities as Java's Math does.
            return call(name, List.of(x), D, x.nullable() || name.equals("log1p"), call,
                    UNARY.get(name) + "(" + args.get(0).sql() + ")");
        }
        switch (name) {
            case "e", "pi" -> {
                catalog.checkArity(call, args.size(), 0, 0);
                return call(name, List.of(), D, false, call, name.toUpperCase(Locale.ROOT) + "()");
            }
            case "atan2", "hypot" -> {
                catalog.checkArity(call, args.size(), 2, 2);
                List<Typed> doubles = args.stream().map(a -> analyzer.expect(a, D, name)).toList();
                return call(name, doubles, D, doubles.get(0).nullable() || doubles.get(1).nullable(), call,
                        name.toUpperCase(Locale.ROOT) + "(" + args.get(0).sql() + ", " + args.get(1).sql() + ")");
            }
            case "sign", "signum" -> {
                catalog.checkArity(call, args.size(), 1, 1);
                Typed x = args.get(0).type().isDayTimeInterval() ? args.get(0) : analyzer.expect(args.get(0), D,
                        name);
                String printed = name.equals("sign") ? "sign" : "SIGNUM";
                return call("signum", List.of(x), D, x.nullable(), call, printed + "(" + args.get(0).sql() + ")");
            }
            case "factorial" -> {
                catalog.checkArity(call, args.size(), 1, 1);
                Typed n = analyzer.expect(args.get(0), AtomicType.INT, name);
                return call(name, List.of(n), AtomicType.BIGINT, true, call, FunctionCatalog.sqlName(call, args));
            }
            case "bin" -> {
                catalog.checkArity(call, args.size(), 1, 1);
                Typed n = analyzer.expect(args.get(0), AtomicType.BIGINT, name);
                return call(name, List.of(n), AtomicType.STRING, n.nullable(), call,
                        FunctionCatalog.sqlName(call, args));
            }
            case "conv" -> {
                catalog.checkArity(call, args.size(), 3, 3);
                List<Typed> typed = List.of(analyzer.expect(args.get(0), AtomicType.STRING, name),
                        analyzer.expect(args.get(1), AtomicType.INT, name),
                        analyzer.expect(args.get(2), AtomicType.INT, name));
                return call(name, typed, AtomicType.STRING, true, call, FunctionCatalog.sqlName(call, args));
            }
            case "width_bucket" -> {
                return widthBucket(call, args);
            }
            case "mod" -> {
                catalog.checkArity(call, args.size(), 2, 2);
                return new Arithmetics(analyzer).arithmetic(BinaryOp.REMAINDER, "mod", args.get(0), args.get(1),
                        call.span(), FunctionCatalog.sqlName(call, args));
            }
            case "negative" -> {
                catalog.checkArity(call, args.size(), 1, 1);
                Typed x = args.get(0);
                Typed number = x.type() == AtomicType.STRING ? analyzer.coerce(x, D) : x;
                if (!number.type().isNumeric() && !number.type().isInterval()) {
                    throw analyzer.mismatch(x, name, "a numeric or interval type");
                }
                return new Typed.Negate(number, call.span(), FunctionCatalog.sqlName(call, args));
            }
            default -> throw new AssertionError(name);
        }
    }

    private static Typed call(String name, List<Typed> args, DataType type, boolean nullable, Ast.Call call,
            String sql) {
        return FunctionCatalog.call(name, args, type, nullable, call.span(), sql);
    }

    /** width_bucket(value, min, max, n): three DOUBLEs (or three intervals) and a BIGINT count of buckets. */
    private Typed widthBucket(Ast.Call call, List<Typed> args) {
        catalog.checkArity(call, args.size(), 4, 4);
        boolean intervals = args.subList(0, 3).stream().allMatch(a -> a.type().isDayTimeInterval());
        List<Typed> bounds = intervals ? args.subList(0, 3)
                : args.subList(0, 3).stream().map(a -> analyzer.expect(a, D, "width_bucket")).toList();
        Typed buckets = analyzer.expect(args.get(3), AtomicType.BIGINT, "width_bucket");
        List<Typed> typed = new ArrayList<>(bounds);
        typed.add(buckets);
        return call("width_bucket", typed, AtomicType.BIGINT, true, call, FunctionCatalog.sqlName(call, args));
    }

    /**
     * ceil(x, scale) and floor(x, scale): x as a DECIMAL (a DOUBLE as DECIMAL(30,15), a FLOAT as DECIMAL(14,7)),
     * rounded up or down to a constant INT scale, typed as round types a decimal.
     */
    static Typed withScale(Analyzer analyzer, String name, Ast.Call call, Typed value, Typed scale) {
        if (!(scale instanceof Typed.Constant constant) || scale.type() != AtomicType.INT
                || !(constant.value() instanceof Long digits)) {
            throw analyzer.error(ErrorCode.TYPE_MISMATCH, scale.span(),
                    "the scale of '%s' must be a constant INT, not '%s'", call.function(), scale.sql());
        }
        if (!value.type().isNumeric()) {
            value = analyzer.expect(value, D, name);
        }
        DecimalType decimal = value.type() == AtomicType.DOUBLE ? new DecimalType(30, 15)
                : value.type() == AtomicType.FLOAT ? new DecimalType(14, 7) : Coercion.decimalFor(value.type());
        Typed x = analyzer.coerce(value, decimal);
        int d = digits.intValue();
        int integralDigits = decimal.precision() - decimal.scale() + 1;
        DecimalType type = d < 0 ? new DecimalType(Math.min(Math.max(integralDigits, -d + 1), 38), 0)
                : new DecimalType(Math.min(integralDigits + Math.min(decimal.scale(), d), 38),
                        Math.min(decimal.scale(), d));
        String function = name.equals("floor") ? "floor_scale" : "ceil_scale";
        return FunctionCatalog.call(function, List.of(x, scale), type, x.nullable(), call.span(),
                call.function().toLowerCase(Locale.ROOT) + "(" + value.sql() + ", " + scale.sql() + ")");
    }
}
