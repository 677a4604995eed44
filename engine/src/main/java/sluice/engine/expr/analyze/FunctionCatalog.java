package sluice.engine.expr.analyze;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.SluiceException;
import sluice.engine.diag.Suggestion;
import sluice.engine.expr.functions.FunctionRegistry;
import sluice.engine.expr.functions.SqlFunction;
import sluice.engine.expr.lex.Span;
import sluice.engine.expr.parse.Ast;
import sluice.engine.types.ArrayType;
import sluice.engine.types.AtomicType;
import sluice.engine.types.DataType;

/**
 * The scalar functions: arity, argument coercion, result type and Spark's generated name. Functions with fixed
 * argument types are rows of {@link #FIXED}; the rest are typed by the {@link FunctionFamily} that names them
 * (those that build and read arrays, maps and structs in {@link ComplexFunctions}, the other array and map functions
 * in {@link ArrayFunctions} and {@link MapFunctions}). The {@link FunctionRegistry} decides which names exist.
 * Immutable.
 */
final class FunctionCatalog {
    private static final DataType S = AtomicType.STRING;
    private static final DataType I = AtomicType.INT;
    private static final DataType D = AtomicType.DOUBLE;
    private static final DataType DATE = AtomicType.DATE;
    private static final DataType TS = AtomicType.TIMESTAMP;

    /**
     * A function whose arguments are implicitly cast to {@code params}; trailing ones may have defaults, and only the
     * first {@code allowed} may be given (the rest are defaults Spark prints in the name but Sluice does not take).
     */
    record Fixed(String name, List<DataType> params, int required, int allowed, List<Object> defaults,
                 DataType result) {}

    private static final Map<String, Fixed> FIXED = new TreeMap<>();
    private static final Set<String> WIDENING_ONLY = Set.of("date_add", "date_sub");
    /** Spark's GetTimeField functions take either timestamp as it is; a TIMESTAMP_NTZ gives its wall clock's field. */
    private static final Set<String> ANY_TIMESTAMP = Set.of("hour", "minute", "second");

    private static void fixed(String name, DataType result, DataType... params) {
        FIXED.put(name, new Fixed(name, List.of(params), params.length, params.length, List.of(), result));
    }

    private static void withDefaults(String name, DataType result, int required, List<Object> defaults,
            DataType... params) {
        FIXED.put(name, new Fixed(name, List.of(params), required, params.length, defaults, result));
    }

    static {
        for (String name : List.of("upper", "ucase", "lower", "lcase", "initcap", "reverse")) {
            fixed(name, S, S);
        }
        withDefaults("split", new ArrayType(S, true), 2, List.of(-1L), S, S, I);
        withDefaults("regexp_extract", S, 2, List.of(1L), S, S, I);
        fixed("instr", I, S, S);
        for (String name : List.of("sqrt", "exp", "ln", "log10", "log2", "sin", "cos", "tan", "cbrt")) {
            fixed(name, D, D);
        }
        fixed("pow", D, D, D);
        fixed("power", D, D, D);
        fixed("year", I, DATE);
        fixed("month", I, DATE);
        fixed("day", I, DATE);
        fixed("dayofmonth", I, DATE);
        fixed("dayofweek", I, DATE);
        fixed("dayofyear", I, DATE);
        fixed("quarter", I, DATE);
        fixed("hour", I, TS);
        fixed("minute", I, TS);
        fixed("second", I, TS);
        fixed("datediff", I, DATE, DATE);
        fixed("date_add", DATE, DATE, I);
        fixed("date_sub", DATE, DATE, I);
        fixed("date_format", S, TS, S);
    }

    /** Every function name the expression language knows, sorted: the registry's, which says what each does. */
    static List<String> names() {
        return FunctionRegistry.standard().callableNames();
    }

    /**
     * Every name some typing code here (or {@link Generators}) handles; the registry must describe exactly these (a
     * test checks).
     */
    static List<String> typedNames() {
        List<String> names = new ArrayList<>(FIXED.keySet());
        for (FunctionFamily family : new FunctionCatalog(null).families) {
            names.addAll(family.names());
        }
        for (GeneratorFunction generator : GeneratorFunction.values()) {
            names.add(generator.sqlName());
        }
        return names.stream().distinct().sorted().collect(Collectors.toList());
    }

    private final Analyzer analyzer;
    private final ComplexFunctions complex;
    private final LambdaFunctions lambdas;
    private final List<FunctionFamily> families;
    private final Map<String, FunctionFamily> byName = new TreeMap<>();

    FunctionCatalog(Analyzer analyzer) {
        this.analyzer = analyzer;
        this.complex = new ComplexFunctions(analyzer, this);
        this.lambdas = new LambdaFunctions(analyzer, this);
        this.families = List.of(new SpecialFunctions(analyzer, this), new BinaryFunctions(analyzer, this),
                new TryFunctions(analyzer, this), new HashFunctions(analyzer, this), new TextFunctions(analyzer, this),
                new RegexFunctions(analyzer, this), new FormatFunctions(analyzer, this),
                new MathFunctions(analyzer, this), new BitwiseFunctions(analyzer, this),
                new ConditionalFunctions(analyzer, this), new ConversionFunctions(analyzer, this),
                new UrlFunctions(analyzer, this), new JsonTextFunctions(analyzer, this),
                new CsvFunctions(analyzer, this),
                new MiscFunctions(analyzer, this),
                new CryptoFunctions(analyzer, this), complex,
                new ArrayFunctions(analyzer, this), new SequenceFunctions(analyzer, this),
                new MapFunctions(analyzer, this),
                new DateTimeFunctions(analyzer, this), lambdas);
        for (FunctionFamily family : families) {
            for (String name : family.names()) {
                if (byName.put(name, family) != null) {
                    throw new IllegalStateException("two families type the function " + name);
                }
            }
        }
    }

    Typed resolve(Ast.Call call) {
        String name = call.function().toLowerCase(Locale.ROOT);
        if (name.equals(Ast.Call.ROW_CONSTRUCTOR)) {
            return complex.struct(call);
        }
        if (GeneratorFunction.named(name).isPresent()) {
            // A generator that is a whole select item never comes here (see Generators). Spark refuses one nested in
            // a select's or an aggregation's expression as NESTED_IN_EXPRESSIONS, and one anywhere in another
            // node's expression (a filter's condition, a grouping) as OUTSIDE_SELECT. A whole aggregation that is a
            // generator Spark would take; Sluice does not.
            String text = analyzer.source().text();
            String option = analyzer.source().where().option();
            String node = option == null ? "" : sluice.engine.diag.Position.baseOption(option);
            if (node.equals("aggregations") && analyzer.isWhole(call)) {
                throw analyzer.error(ErrorCode.UNSUPPORTED_GENERATOR, call.span(), "the generator '%s' is not "
                        + "supported in transform.aggregate; explode the aggregated values in a transform.select "
                        + "after it", call.function());
            }
            if (node.equals("expressions") || node.equals("expression") || node.equals("aggregations")) {
                throw analyzer.error(ErrorCode.UNSUPPORTED_GENERATOR, call.span(), "[UNSUPPORTED_GENERATOR."
                        + "NESTED_IN_EXPRESSIONS] the generator '%s' is not supported nested in expressions '%s'; "
                        + "it must be a whole expression of transform.select or transform.withColumn",
                        call.function(), text.strip());
            }
            throw analyzer.error(ErrorCode.UNSUPPORTED_GENERATOR, call.span(), "[UNSUPPORTED_GENERATOR."
                    + "OUTSIDE_SELECT] the generator '%s' is not supported outside a select; it may be a whole "
                    + "expression of transform.select or transform.withColumn only", call.function());
        }
        if (FunctionRegistry.standard().find(name).filter(SqlFunction::callable).isEmpty()) {
            throw unknown(call, name);
        }
        if (name.equals("struct")) {
            // Its arguments may carry aliases, which name the fields.
            return complex.struct(call);
        }
        if (lambdas.names().contains(name)) {
            return lambdas.resolveLambda(name, call);
        }
        return resolveAs(name, call, analyzer.analyzeAll(call.args()));
    }

    /** The call typed as the function {@code name}, which may be another name of the same function. */
    Typed resolveAs(String name, Ast.Call call, List<Typed> args) {
        if (name.equals("reverse") && args.size() == 1 && args.get(0).type() instanceof ArrayType array) {
            // Spark's reverse takes an array as well as a string: the elements in reverse order.
            return call(name, args, array, args.get(0).nullable(), call.span(), sqlName(call, args));
        }
        Fixed fixed = FIXED.get(name);
        if (fixed != null) {
            return fixedCall(fixed, call, args);
        }
        FunctionFamily family = byName.get(name);
        if (family == null) {
            throw new IllegalStateException("the registry describes a function nothing types: " + name);
        }
        return family.resolve(name, call, args);
    }

    private SluiceException unknown(Ast.Call call, String name) {
        Optional<String> missing = FunctionRegistry.standard().missingReason(name);
        if (missing.isPresent()) {
            return analyzer.error(ErrorCode.UNKNOWN_FUNCTION, call.nameSpan(),
                    "Spark's function '%s' is not in Sluice: %s", call.function(), missing.get());
        }
        String closest = Suggestion.closest(name, names()).orElse(null);
        return analyzer.error(ErrorCode.UNKNOWN_FUNCTION, call.nameSpan(), "unknown function '%s'%s",
                call.function(), closest == null ? "" : "; did you mean '" + closest + "'?");
    }

    private Typed fixedCall(Fixed fixed, Ast.Call call, List<Typed> args) {
        checkArity(call, args.size(), fixed.required(), fixed.allowed());
        List<Typed> coerced = new ArrayList<>();
        for (int i = 0; i < fixed.params().size(); i++) {
            if (i < args.size()) {
                Typed arg = args.get(i);
                DataType param = fixed.params().get(i);
                String what = fixed.name() + " argument " + (i + 1);
                // Spark's date_add and date_sub take their day count as it is (ExpectsInputTypes): no narrowing.
                if (WIDENING_ONLY.contains(fixed.name()) && arg.type().isNumeric()
                        && !param.equals(Coercion.widerNumeric(arg.type(), param))) {
                    throw analyzer.mismatch(arg, what, param.sql());
                }
                boolean local = arg.type() == AtomicType.TIMESTAMP_NTZ && ANY_TIMESTAMP.contains(fixed.name());
                coerced.add(local ? arg : analyzer.expect(arg, param, what));
            } else {
                Object value = fixed.defaults().get(i - fixed.required());
                coerced.add(new Typed.Constant(value, fixed.params().get(i), call.span(), String.valueOf(value)));
            }
        }
        boolean nullable = coerced.stream().anyMatch(Typed::nullable);
        return call(fixed.name(), coerced, fixed.result(), nullable, call.span(), sqlName(call, coerced));
    }

    static Typed.Call call(String name, List<Typed> args, DataType type, boolean nullable, Span span, String sql) {
        return new Typed.Call(name, args, type, nullable, span, sql);
    }

    /**
     * Spark's math expressions print a fixed upper-case name (SQRT, POWER) unless they were called through a
     * registered alias (pow); every other function prints the name as called, in lower case.
     */
    private static final Map<String, String> PRETTY_NAMES = new TreeMap<>(Map.of("sqrt", "SQRT", "exp", "EXP",
            "log10", "LOG10", "log2", "LOG2", "sin", "SIN", "cos", "COS", "tan", "TAN", "cbrt", "CBRT",
            "power", "POWER"));

    /** {@code name(a, b)} with the name as the user spelt it in lower case, as Spark keeps function aliases. */
    static String sqlName(Ast.Call call, List<Typed> args) {
        String called = call.function().toLowerCase(Locale.ROOT);
        return PRETTY_NAMES.getOrDefault(called, called) + "("
                + args.stream().map(Typed::sql).collect(Collectors.joining(", ")) + ")";
    }

    void checkArity(Ast.Call call, int count, int min, int max) {
        if (count >= min && count <= max) {
            return;
        }
        String expected = min == max ? String.valueOf(min)
                : max == Integer.MAX_VALUE ? "at least " + min : min + " to " + max;
        throw analyzer.error(ErrorCode.WRONG_ARGUMENTS, call.span(),
                "function '%s' takes %s argument%s but %d %s given", call.function(), expected,
                min == 1 && max == 1 ? "" : "s", count, count == 1 ? "was" : "were");
    }
}
