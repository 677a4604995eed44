package sluice.engine.expr;

import java.util.ArrayList;
import java.util.List;
import sluice.engine.expr.analyze.Typed;
import sluice.engine.types.AtomicType;
import sluice.engine.types.DataType;

/**
 * The conjuncts of a filter condition that compare an input column with a literal ({@code =}, {@code <}, {@code <=},
 * {@code >}, {@code >=}, {@code IS NULL}, {@code IS NOT NULL}, joined by {@code AND}), for a source to skip data by.
 * Only integer, string and boolean columns: a FLOAT or DOUBLE column's statistics leave NaN out, which Spark orders
 * above every number, so they could skip rows the filter keeps. Stateless.
 */
final class PushablePredicates {
    private PushablePredicates() {
    }

    static List<ColumnPredicate> of(Typed condition) {
        List<ColumnPredicate> found = new ArrayList<>();
        collect(condition, found);
        return List.copyOf(found);
    }

    private static void collect(Typed typed, List<ColumnPredicate> found) {
        if (typed instanceof Typed.Logical logical && logical.isAnd()) {
            collect(logical.left(), found);
            collect(logical.right(), found);
        } else if (typed instanceof Typed.IsNull isNull && isNull.operand() instanceof Typed.Column column
                && isPushable(column.type())) {
            found.add(new ColumnPredicate(column.index(), column.type(),
                    isNull.negated() ? ColumnPredicate.Op.IS_NOT_NULL : ColumnPredicate.Op.IS_NULL, null));
        } else if (typed instanceof Typed.Comparison comparison) {
            comparison(comparison, found);
        }
    }

    private static void comparison(Typed.Comparison comparison, List<ColumnPredicate> found) {
        ColumnPredicate.Op op = op(comparison.op());
        if (op == null) {
            return;
        }
        if (comparison.left() instanceof Typed.Column column && comparison.right() instanceof Typed.Constant literal) {
            add(column, op, literal, found);
        } else if (comparison.right() instanceof Typed.Column column
                && comparison.left() instanceof Typed.Constant literal) {
            add(column, flipped(op), literal, found);
        }
    }

    private static void add(Typed.Column column, ColumnPredicate.Op op, Typed.Constant literal,
                            List<ColumnPredicate> found) {
        // A comparison with null is never true; the filter drops every row whatever the statistics say.
        if (literal.value() == null || !isPushable(column.type()) || !literal.type().equals(column.type())) {
            return;
        }
        if (column.type() == AtomicType.BOOLEAN && op != ColumnPredicate.Op.EQ) {
            return;
        }
        found.add(new ColumnPredicate(column.index(), column.type(), op, literal.value()));
    }

    private static boolean isPushable(DataType type) {
        return type == AtomicType.TINYINT || type == AtomicType.SMALLINT || type == AtomicType.INT
                || type == AtomicType.BIGINT || type == AtomicType.STRING || type == AtomicType.BOOLEAN;
    }

    private static ColumnPredicate.Op op(Typed.ComparisonOp op) {
        return switch (op) {
            case EQ -> ColumnPredicate.Op.EQ;
            case LT -> ColumnPredicate.Op.LT;
            case LE -> ColumnPredicate.Op.LE;
            case GT -> ColumnPredicate.Op.GT;
            case GE -> ColumnPredicate.Op.GE;
            case NULL_SAFE_EQ -> null;
        };
    }

    private static ColumnPredicate.Op flipped(ColumnPredicate.Op op) {
        return switch (op) {
            case LT -> ColumnPredicate.Op.GT;
            case LE -> ColumnPredicate.Op.GE;
            case GT -> ColumnPredicate.Op.LT;
            case GE -> ColumnPredicate.Op.LE;
            case EQ, IS_NULL, IS_NOT_NULL -> op;
        };
    }
}
