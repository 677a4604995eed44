package sluice.engine.expr.analyze;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/** The input columns a typed expression reads, for column pruning. Stateless. */
public final class ReferencedColumns {
    private ReferencedColumns() {
    }

    public static BitSet of(Typed expression) {
        BitSet columns = new BitSet();
        collect(expression, columns, false);
        return columns;
    }

    /**
     * The columns of the batch of elements a lambda's body reads besides the lambda's own parameters: input columns
     * and the variables of enclosing lambdas (see {@link Typed.LambdaVariable}).
     */
    public static BitSet readBy(Typed.Lambda lambda) {
        BitSet columns = new BitSet();
        collect(lambda.body(), columns, true);
        lambda.params().forEach(param -> columns.clear(param.index()));
        return columns;
    }

    private static void collect(Typed node, BitSet columns, boolean variables) {
        if (node instanceof Typed.Column column) {
            columns.set(column.index());
        } else if (node instanceof Typed.LambdaVariable variable) {
            if (variables) {
                columns.set(variable.index());
            }
        } else {
            for (Typed child : children(node)) {
                collect(child, columns, variables);
            }
        }
    }

    /** The operands of {@code node}, in the order they are written. */
    public static List<Typed> children(Typed node) {
        if (node == null || node instanceof Typed.Constant || node instanceof Typed.Column
                || node instanceof Typed.LambdaVariable) {
            return List.of();
        } else if (node instanceof Typed.Cast cast) {
            return List.of(cast.operand());
        } else if (node instanceof Typed.Arithmetic arithmetic) {
            return List.of(arithmetic.left(), arithmetic.right());
        } else if (node instanceof Typed.Negate negate) {
            return List.of(negate.operand());
        } else if (node instanceof Typed.Comparison comparison) {
            return List.of(comparison.left(), comparison.right());
        } else if (node instanceof Typed.Logical logical) {
            return List.of(logical.left(), logical.right());
        } else if (node instanceof Typed.Not not) {
            return List.of(not.operand());
        } else if (node instanceof Typed.IsNull isNull) {
            return List.of(isNull.operand());
        } else if (node instanceof Typed.In in) {
            List<Typed> all = new ArrayList<>();
            all.add(in.value());
            all.addAll(in.list());
            return all;
        } else if (node instanceof Typed.CaseWhen caseWhen) {
            List<Typed> all = new ArrayList<>(caseWhen.conditions());
            all.addAll(caseWhen.results());
            all.add(caseWhen.otherwise());
            return all;
        } else if (node instanceof Typed.Call call) {
            return call.args();
        } else if (node instanceof Typed.TryEval tryEval) {
            return List.of(tryEval.operand());
        } else if (node instanceof Typed.Lambda lambda) {
            return List.of(lambda.body());
        }
        throw new AssertionError(node);
    }
}
