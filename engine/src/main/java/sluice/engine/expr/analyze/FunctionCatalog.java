package sluice.engine.expr.analyze;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.Suggestion;
import sluice.engine.expr.lex.Span;
import sluice.engine.expr.parse.Ast;
import sluice.engine.types.ArrayType;
import sluice.engine.types.AtomicType;
import sluice.engine.types.DataType;

/**
 * The scalar functions: arity, argument coercion, result type and Spark's generated name. Functions with fixed
 * argument types are rows of {@link #FIXED}; the rest are typed in {@link SpecialFunctions}, those over strings or
 * binary in {@link BinaryFunctions}, those over arrays, maps and structs in {@link ComplexFunctions}. Immutable.
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

    private static void fixed(String name, DataType result, DataType... params) {
        FIXED.put(name, new Fixed(name, List.of(params), params.length, params.length, List.of(), result));
    }

    private static void withDefaults(String name, DataType result, int required, List<Object> defaults,
            DataType... params) {
        FIXED.put(name, new Fixed(name, List.of(params), required, params.length, defaults, result));
    }

    static {
        for (String name : List.of("upper", "ucase", "lower", "lcase", "trim", "ltrim", "rtrim", "initcap",
                "reverse")) {
            fixed(name, S, S);
        }
        withDefaults("substring", S, 2, List.of((long) Integer.MAX_VALUE), S, I, I);
        withDefaults("substr", S, 2, List.of((long) Integer.MAX_VALUE), S, I, I);
        withDefaults("split", new ArrayType(S, true), 2, List.of(-1L), S, S, I);
        withDefaults("regexp_replace", S, 3, List.of(1L), S, S, S, I);
        withDefaults("regexp_extract", S, 2, List.of(1L), S, S, I);
        fixed("lpad", S, S, I, S);
        fixed("rpad", S, S, I, S);
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
        // Spark names unix_timestamp(ts) with its default format, which a TIMESTAMP argument does not use; Sluice
        // takes no format (a string argument is cast to TIMESTAMP, not parsed by a pattern).
        FIXED.put("unix_timestamp", new Fixed("unix_timestamp", List.of(TS, S), 1, 1, List.of("yyyy-MM-dd HH:mm:ss"),
                AtomicType.BIGINT));
    }

    /** Every function name the expression language knows, sorted. */
    static List<String> names() {
        List<String> names = new ArrayList<>(FIXED.keySet());
        names.addAll(SpecialFunctions.NAMES);
        names.addAll(BinaryFunctions.NAMES);
        names.addAll(TryFunctions.NAMES);
        names.addAll(ComplexFunctions.NAMES);
        return names.stream().distinct().sorted().collect(Collectors.toList());
    }

    private final Analyzer analyzer;
    private final SpecialFunctions special;
    private final BinaryFunctions binary;
    private final TryFunctions tries;
    private final ComplexFunctions complex;

    FunctionCatalog(Analyzer analyzer) {
        this.analyzer = analyzer;
        this.special = new SpecialFunctions(analyzer, this);
        this.binary = new BinaryFunctions(analyzer, this);
        this.tries = new TryFunctions(analyzer, this);
        this.complex = new ComplexFunctions(analyzer, this);
    }

    Typed resolve(Ast.Call call) {
        String name = call.function().toLowerCase(Locale.ROOT);
        Fixed fixed = FIXED.get(name);
        if (fixed == null && !SpecialFunctions.NAMES.contains(name) && !BinaryFunctions.NAMES.contains(name)
                && !TryFunctions.NAMES.contains(name) && !ComplexFunctions.NAMES.contains(name)) {
            String closest = Suggestion.closest(name, names()).orElse(null);
            throw analyzer.error(ErrorCode.UNKNOWN_FUNCTION, call.nameSpan(), "unknown function '%s'%s",
                    call.function(), closest == null ? "" : "; did you mean '" + closest + "'?");
        }
        if (name.equals("struct")) {
            // Its arguments may carry aliases, which name the fields.
            return complex.struct(call);
        }
        List<Typed> args = analyzer.analyzeAll(call.args());
        if (fixed != null) {
            return fixedCall(fixed, call, args);
        } else if (BinaryFunctions.NAMES.contains(name)) {
            return binary.resolve(name, call, args);
        }
        if (TryFunctions.NAMES.contains(name)) {
            return tries.resolve(name, call, args, special, complex);
        } else if (ComplexFunctions.NAMES.contains(name)) {
            return complex.resolve(name, call, args);
        }
        return special.resolve(name, call, args);
    }

    private Typed fixedCall(Fixed fixed, Ast.Call call, List<Typed> args) {
        checkArity(call, args.size(), fixed.required(), fixed.allowed());
        List<Typed> coerced = new ArrayList<>();
        for (int i = 0; i < fixed.params().size(); i++) {
            if (i < args.size()) {
                coerced.add(analyzer.expect(args.get(i), fixed.params().get(i), fixed.name() + " argument " + (i + 1)));
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
