package sluice.engine.expr.compile;

import java.math.RoundingMode;
import java.util.List;
import sluice.engine.expr.analyze.Typed;
import sluice.engine.expr.lex.SourceText;
import sluice.engine.types.AtomicType;

/**
 * Picks a primitive-array evaluator for the hot functions (numeric functions on DOUBLE, unary string functions), or
 * null when the call should go through the row-at-a-time kernels. Results equal the kernels'. Stateless.
 */
final class FastPaths {
    private FastPaths() {
    }

    static Evaluator of(Typed.Call call, List<Evaluator> args, SourceText source) {
        if (args.isEmpty() || !allOf(call.args(), AtomicType.DOUBLE) && !allOf(call.args(), AtomicType.STRING)) {
            return doubleRound(call, args, source);
        }
        Evaluator x = args.get(0);
        if (call.args().get(0).type() == AtomicType.STRING) {
            return args.size() == 1 && call.type() == AtomicType.STRING ? strings(call, x, source) : null;
        }
        return switch (call.function()) {
            case "sqrt" -> DoubleFunctionEvaluator.unary(x, Math::sqrt, source, call.span());
            case "exp" -> DoubleFunctionEvaluator.unary(x, StrictMath::exp, source, call.span());
            case "sin" -> DoubleFunctionEvaluator.unary(x, Math::sin, source, call.span());
            case "cos" -> DoubleFunctionEvaluator.unary(x, Math::cos, source, call.span());
            case "tan" -> DoubleFunctionEvaluator.unary(x, Math::tan, source, call.span());
            case "cbrt" -> DoubleFunctionEvaluator.unary(x, Math::cbrt, source, call.span());
            case "abs" -> DoubleFunctionEvaluator.unary(x, Math::abs, source, call.span());
            case "ln" -> DoubleFunctionEvaluator.logarithm(x, StrictMath::log, source, call.span());
            case "log10" -> DoubleFunctionEvaluator.logarithm(x, StrictMath::log10, source, call.span());
            case "log2" -> DoubleFunctionEvaluator.logarithm(x, v -> StrictMath.log(v) / StrictMath.log(2), source,
                    call.span());
            case "log" -> args.size() == 1 ? DoubleFunctionEvaluator.logarithm(x, StrictMath::log, source, call.span())
                    : null;
            case "pow", "power" -> DoubleFunctionEvaluator.binary(x, args.get(1), StrictMath::pow, source, call.span());
            default -> null;
        };
    }

    private static Evaluator strings(Typed.Call call, Evaluator x, SourceText source) {
        return switch (call.function()) {
            case "upper", "ucase" -> new StringFunctionEvaluator(x, StringKernels::upper, source,
                    call.span());
            case "lower", "lcase" -> new StringFunctionEvaluator(x, StringKernels::lower, source,
                    call.span());
            case "trim" -> new StringFunctionEvaluator(x, s -> StringKernels.stripSpaces(s, true, true), source,
                    call.span());
            case "ltrim" -> new StringFunctionEvaluator(x, s -> StringKernels.stripSpaces(s, true, false), source,
                    call.span());
            case "rtrim" -> new StringFunctionEvaluator(x, s -> StringKernels.stripSpaces(s, false, true), source,
                    call.span());
            default -> null;
        };
    }

    /** round and bround of a DOUBLE column to a constant scale. */
    private static Evaluator doubleRound(Typed.Call call, List<Evaluator> args, SourceText source) {
        boolean round = call.function().equals("round") || call.function().equals("bround");
        if (!round || call.type() != AtomicType.DOUBLE || !(args.get(1).constantValue() instanceof Long scale)) {
            return null;
        }
        RoundingMode mode = call.function().equals("round") ? RoundingMode.HALF_UP : RoundingMode.HALF_EVEN;
        int digits = scale.intValue();
        return DoubleFunctionEvaluator.unary(args.get(0), v -> DoubleFunctionEvaluator.round(v, digits, mode), source,
                call.span());
    }

    private static boolean allOf(List<Typed> args, AtomicType type) {
        return args.stream().allMatch(a -> a.type() == type);
    }
}
