package sluice.engine.plan;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import sluice.engine.diag.SluiceException;
import sluice.engine.expr.CompiledExpression;
import sluice.engine.expr.lex.SourceText;
import sluice.engine.expr.parse.Ast;
import sluice.engine.expr.parse.IntervalLiterals;
import sluice.engine.operator.TimeInequality;
import sluice.engine.types.AtomicType;
import sluice.engine.types.Field;
import sluice.engine.types.Schema;

/**
 * The parts of a stream-stream join's {@code on} condition that Spark's StreamingSymmetricHashJoinExec uses besides
 * the match: the conjuncts over one side's columns only, and the conjuncts comparing event times
 * ({@code a < b}, {@code <=}, {@code >}, {@code >=}, {@code BETWEEN}) written as StreamingJoinHelper writes them: sums
 * of columns, interval and number literals (a number is seconds), with casts to numbers or timestamps looked through.
 * Anything else in such a conjunct gives it no time bound, as in Spark.
 */
final class StreamJoinConjuncts {
    private StreamJoinConjuncts() {
    }

    /** The conjuncts of {@code on} that read columns of side {@code side} (0 left, 1 right) only, over that side. */
    static List<CompiledExpression> sideOnly(NodeContext context, Optional<String> on, Schema left, Schema right,
                                             int side) {
        List<CompiledExpression> found = new ArrayList<>();
        if (on.isEmpty()) {
            return found;
        }
        SourceText source = new SourceText(on.get(), context.where("on"));
        Schema pairs = pairs(left, right);
        try {
            for (Ast conjunct : JoinPlan.conjuncts(source)) {
                BitSet read = context.compiler().compile(source, conjunct, pairs).referencedColumns();
                boolean onlyLeft = !read.isEmpty() && read.length() <= left.size();
                boolean onlyRight = !read.isEmpty() && read.nextSetBit(0) >= left.size();
                if (side == 0 ? onlyLeft : onlyRight) {
                    found.add(context.compiler().compile(source, conjunct, side == 0 ? left : right));
                }
            }
        } catch (SluiceException e) {
            // The whole condition compiled, so its parts do: a part that fails alone is left to the whole condition.
            return List.of();
        }
        return found;
    }

    /** The conjuncts of {@code on} that compare times, as Spark's StreamingJoinHelper reads them. */
    static List<TimeInequality> timeBounds(NodeContext context, Optional<String> on, Schema left, Schema right) {
        List<TimeInequality> found = new ArrayList<>();
        if (on.isEmpty()) {
            return found;
        }
        List<Ast> conjuncts;
        try {
            conjuncts = JoinPlan.conjuncts(new SourceText(on.get(), context.where("on")));
        } catch (SluiceException e) {
            return found;
        }
        for (Ast conjunct : conjuncts) {
            if (conjunct instanceof Ast.Binary binary) {
                switch (binary.op()) {
                    case LT -> add(binary.left(), binary.right(), false, left, right, found);
                    case LE -> add(binary.left(), binary.right(), true, left, right, found);
                    case GT -> add(binary.right(), binary.left(), false, left, right, found);
                    case GE -> add(binary.right(), binary.left(), true, left, right, found);
                    default -> {
                    }
                }
            } else if (conjunct instanceof Ast.Between between && !between.negated()) {
                // Spark's parser makes BETWEEN the two comparisons low <= value AND value <= high.
                add(between.low(), between.value(), true, left, right, found);
                add(between.value(), between.high(), true, left, right, found);
            }
        }
        return found;
    }

    private static void add(Ast lesser, Ast greater, boolean orEqual, Schema left, Schema right,
                            List<TimeInequality> found) {
        List<TimeInequality.Term> terms = new ArrayList<>();
        if (collect(lesser, false, left, right, terms) && collect(greater, true, left, right, terms)) {
            found.add(new TimeInequality(terms, orEqual));
        }
    }

    /** Adds the terms of {@code expression} (negated when {@code negate}); false when a part is not a term. */
    private static boolean collect(Ast expression, boolean negate, Schema left, Schema right,
                                   List<TimeInequality.Term> terms) {
        if (expression instanceof Ast.Binary binary && binary.op() == Ast.BinaryOp.ADD) {
            return collect(binary.left(), negate, left, right, terms)
                    && collect(binary.right(), negate, left, right, terms);
        }
        if (expression instanceof Ast.Binary binary && binary.op() == Ast.BinaryOp.SUBTRACT) {
            return collect(binary.left(), negate, left, right, terms)
                    && collect(binary.right(), !negate, left, right, terms);
        }
        if (expression instanceof Ast.Unary unary && unary.op() == Ast.UnaryOp.NEGATE) {
            return collect(unary.operand(), !negate, left, right, terms);
        }
        if (expression instanceof Ast.Cast cast) {
            return (cast.target().isNumeric() || cast.target() == AtomicType.TIMESTAMP)
                    && collect(cast.operand(), negate, left, right, terms);
        }
        if (expression instanceof Ast.ColumnRef ref) {
            boolean onLeft = left.indexesOf(ref.name()).size() == 1;
            boolean onRight = right.indexesOf(ref.name()).size() == 1;
            if (onLeft == onRight) {
                return false;
            }
            terms.add(TimeInequality.Term.column(negate, onLeft ? 0 : 1,
                    onLeft ? left.indexOf(ref.name()) : right.indexOf(ref.name())));
            return true;
        }
        if (expression instanceof Ast.IntervalLiteral interval) {
            Optional<Long> micros = micros(interval);
            micros.ifPresent(value -> terms.add(TimeInequality.Term.constant(negate, value)));
            return micros.isPresent();
        }
        if (expression instanceof Ast.Literal literal && isNumber(literal.kind())) {
            // Spark reads a plain number next to a time as seconds.
            try {
                double seconds = Double.parseDouble(literal.text().replaceAll("[A-Za-z]+$", ""));
                terms.add(TimeInequality.Term.constant(negate, seconds * 1_000_000.0));
                return true;
            } catch (NumberFormatException e) {
                // A number written in a form Java does not read gives no bound rather than a failed plan.
                return false;
            }
        }
        return false;
    }

    private static boolean isNumber(Ast.LiteralKind kind) {
        return switch (kind) {
            case INTEGER, BIGINT, TINYINT, SMALLINT, DECIMAL, DOUBLE, FLOAT, BIG_DECIMAL -> true;
            case STRING, BOOLEAN, NULL -> false;
        };
    }

    /** The interval in microseconds; empty for months or years, which Spark cannot turn into a bound. */
    private static Optional<Long> micros(Ast.IntervalLiteral interval) {
        try {
            // The condition compiled, so its literals read; the text only goes into a message never shown here.
            IntervalLiterals.Value value = IntervalLiterals.read(interval, "");
            return value.yearMonth() ? Optional.empty() : Optional.of(value.amount());
        } catch (IntervalLiterals.Invalid e) {
            return Optional.empty();
        }
    }

    private static Schema pairs(Schema left, Schema right) {
        List<Field> both = new ArrayList<>(left.fields());
        both.addAll(right.fields());
        return new Schema(both);
    }
}
