package sluice.engine.expr.compile;

import java.util.List;
import sluice.engine.expr.analyze.Typed;
import sluice.engine.expr.lex.SourceText;

/** Builds the evaluator of a random or row-position function from its constant arguments. Stateless. */
final class RandomFunctions {
    private RandomFunctions() {
    }

    /** The evaluator of {@code call}, or null when it is no random or row-position function. */
    static Evaluator of(Typed.Call call, List<Evaluator> args, SourceText source) {
        RandomEvaluator.Kind kind = switch (call.function()) {
            case "rand" -> RandomEvaluator.Kind.RAND;
            case "randn" -> RandomEvaluator.Kind.RANDN;
            case "uniform" -> RandomEvaluator.Kind.UNIFORM;
            case "randstr" -> RandomEvaluator.Kind.RANDSTR;
            case "uuid" -> RandomEvaluator.Kind.UUID;
            case "spark_partition_id" -> RandomEvaluator.Kind.PARTITION_ID;
            default -> null;
        };
        if (kind == null) {
            return null;
        }
        long seed = switch (kind) {
            case RAND, RANDN -> (Long) args.get(0).constantValue();
            case UNIFORM -> (Long) args.get(2).constantValue();
            case RANDSTR -> (Long) args.get(1).constantValue();
            default -> 0L;
        };
        double low = kind == RandomEvaluator.Kind.UNIFORM ? (Double) args.get(0).constantValue() : 0;
        double high = kind == RandomEvaluator.Kind.UNIFORM ? (Double) args.get(1).constantValue() : 0;
        int length = kind == RandomEvaluator.Kind.RANDSTR ? (int) (long) (Long) args.get(0).constantValue() : 0;
        return new RandomEvaluator(kind, seed, low, high, length, call.type(), source, call.span());
    }
}
