package sluice.engine.expr.analyze;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The parts of a typed expression that Spark's optimizer folds to constants while it plans each micro-batch (its
 * ConstantFolding rule): every largest sub-expression that reads no column, no lambda variable and no random or
 * row-position function, except inside a conditional expression ({@code CASE}, {@code IF}, {@code nvl2},
 * {@code nullif}, {@code coalesce}, {@code nanvl}) that is not itself constant, where Spark ignores a fold that fails
 * because the branch may never run. A part that fails to fold fails the batch in Spark even when it has no rows.
 * Stateless.
 */
public final class FoldedParts {
    /** Spark's Nondeterministic expressions, and raise_error, which Spark never folds. */
    private static final Set<String> NEVER_FOLDED = Set.of("rand", "random", "randn", "uniform", "randstr", "uuid",
            "shuffle", "spark_partition_id", "monotonically_increasing_id", "input_file_name",
            "input_file_block_start", "input_file_block_length", "raise_error",
            // Expressions Spark does not declare foldable though their arguments are: only the arguments fold.
            "elt", "arrays_zip");
    private static final Set<String> CONDITIONAL = Set.of("coalesce", "nanvl");

    private FoldedParts() {
    }

    /** The folded parts of {@code expression} in the order Spark folds them (left to right, outside in). */
    public static List<Typed> of(Typed expression) {
        List<Typed> parts = new ArrayList<>();
        collect(expression, parts);
        return parts;
    }

    private static void collect(Typed node, List<Typed> parts) {
        if (node instanceof Typed.Constant || node instanceof Typed.IsNull) {
            // Spark's NullPropagation, which runs before ConstantFolding, turns IS [NOT] NULL of an operand it knows
            // is never null (under ANSI a failing constant is one) into false (true) without evaluating it. Sluice's
            // NullPropagation knows only part of what Spark knows, so no check is folded here: one it misses waits
            // for a row instead of failing a batch that Spark would not fail.
            return;
        }
        boolean foldable = isFoldable(node);
        if (foldable) {
            parts.add(node);
        } else if (!isConditional(node)) {
            // A conditional expression's children are all folded as branches, whose failures Spark ignores.
            ReferencedColumns.children(node).forEach(child -> collect(child, parts));
        }
    }

    private static boolean isConditional(Typed node) {
        return node instanceof Typed.CaseWhen
                || node instanceof Typed.Call call && CONDITIONAL.contains(call.function());
    }

    private static boolean isFoldable(Typed node) {
        if (node instanceof Typed.Column || node instanceof Typed.LambdaVariable || node instanceof Typed.Lambda) {
            return false;
        } else if (node instanceof Typed.Call call && NEVER_FOLDED.contains(call.function())) {
            return false;
        }
        return ReferencedColumns.children(node).stream().allMatch(FoldedParts::isFoldable);
    }
}
