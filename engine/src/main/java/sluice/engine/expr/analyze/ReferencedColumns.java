package sluice.engine.expr.analyze;

import java.util.BitSet;
import java.util.List;

/** The input columns a typed expression reads, for column pruning. Stateless. */
public final class ReferencedColumns {
    private ReferencedColumns() {
    }

    public static BitSet of(Typed expression) {
        BitSet columns = new BitSet();
        collect(expression, columns);
        return columns;
    }

    private static void collect(Typed node, BitSet columns) {
        if (node == null || node instanceof Typed.Constant) {
            return;
        } else if (node instanceof Typed.Column column) {
            columns.set(column.index());
        } else if (node instanceof Typed.Cast cast) {
            collect(cast.operand(), columns);
        } else if (node instanceof Typed.Arithmetic arithmetic) {
            collect(arithmetic.left(), columns);
            collect(arithmetic.right(), columns);
        } else if (node instanceof Typed.Negate negate) {
            collect(negate.operand(), columns);
        } else if (node instanceof Typed.Comparison comparison) {
            collect(comparison.left(), columns);
            collect(comparison.right(), columns);
        } else if (node instanceof Typed.Logical logical) {
            collect(logical.left(), columns);
            collect(logical.right(), columns);
        } else if (node instanceof Typed.Not not) {
            collect(not.operand(), columns);
        } else if (node instanceof Typed.IsNull isNull) {
            collect(isNull.operand(), columns);
        } else if (node instanceof Typed.In in) {
            collect(in.value(), columns);
            all(in.list(), columns);
        } else if (node instanceof Typed.CaseWhen caseWhen) {
            all(caseWhen.conditions(), columns);
            all(caseWhen.results(), columns);
            collect(caseWhen.otherwise(), columns);
        } else if (node instanceof Typed.Call call) {
            all(call.args(), columns);
        } else if (node instanceof Typed.TryEval tryEval) {
            collect(tryEval.operand(), columns);
        } else {
            throw new AssertionError(node);
        }
    }

    private static void all(List<Typed> nodes, BitSet columns) {
        nodes.forEach(node -> collect(node, columns));
    }
}
