package sluice.engine.expr.parse;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import sluice.engine.diag.SluiceException;
import sluice.engine.expr.lex.SourceText;
import sluice.engine.expr.lex.Span;

/**
 * Keeps an expression within {@link Parser#MAX_NESTING} levels, so that the parser, the analyzer, the compiler and
 * the evaluators, which all recurse once per level, fit in any thread's stack with room to spare, and so that Spark,
 * whose parser gives up (FAILED_TO_PARSE_TOO_COMPLEX) two to three times deeper, runs every expression Sluice
 * accepts. A level is an operator, a function call, a CASE, a CAST or a pair of parentheses on the way from the whole
 * expression to its innermost value. Mutable, one parse only.
 */
final class Nesting {
    private final SourceText source;
    private final Map<Ast, Integer> parentheses = new IdentityHashMap<>();
    private int open;

    Nesting(SourceText source) {
        this.source = source;
    }

    /**
     * Counts one more level of the parser's own recursion, stopping at {@code span} before the stack could run out;
     * every call is paired with {@link #leave()}.
     */
    void enter(Span span) {
        open++;
        if (open > Parser.MAX_NESTING) {
            throw tooDeep(span);
        }
    }

    void leave() {
        open--;
    }

    /** Parentheses make no node, but they nest for the parser and for Spark's parser. */
    void parenthesized(Ast inner) {
        parentheses.merge(inner, 1, Integer::sum);
    }

    /**
     * Refuses a tree deeper than the limit, at the leftmost node past it; walks the tree without recursion, as it may
     * be deep.
     */
    void check(Ast root) {
        record Level(Ast node, int depth) {}
        Deque<Level> pending = new ArrayDeque<>();
        pending.push(new Level(root, 1 + parentheses.getOrDefault(root, 0)));
        while (!pending.isEmpty()) {
            Level level = pending.pop();
            if (level.depth() > Parser.MAX_NESTING) {
                throw tooDeep(level.node().span());
            }
            List<Ast> children = children(level.node());
            for (int i = children.size() - 1; i >= 0; i--) {
                Ast child = children.get(i);
                pending.push(new Level(child, level.depth() + 1 + parentheses.getOrDefault(child, 0)));
            }
        }
    }

    private SluiceException tooDeep(Span span) {
        return source.error(Parser.SYNTAX, span, "the expression nests more than %d levels deep (operators, "
                + "function calls and parentheses); split it into smaller expressions", Parser.MAX_NESTING);
    }

    static List<Ast> children(Ast node) {
        if (node instanceof Ast.Literal || node instanceof Ast.TypedLiteral || node instanceof Ast.IntervalLiteral
                || node instanceof Ast.ColumnRef || node instanceof Ast.Star) {
            return List.of();
        } else if (node instanceof Ast.FieldAccess access) {
            return List.of(access.base());
        } else if (node instanceof Ast.Subscript subscript) {
            return List.of(subscript.base(), subscript.index());
        } else if (node instanceof Ast.Unary unary) {
            return List.of(unary.operand());
        } else if (node instanceof Ast.Binary binary) {
            return List.of(binary.left(), binary.right());
        } else if (node instanceof Ast.IsNull isNull) {
            return List.of(isNull.operand());
        } else if (node instanceof Ast.In in) {
            return concat(List.of(in.value()), in.list());
        } else if (node instanceof Ast.Between between) {
            return List.of(between.value(), between.low(), between.high());
        } else if (node instanceof Ast.Like like) {
            return List.of(like.value(), like.pattern());
        } else if (node instanceof Ast.Case caseWhen) {
            return caseChildren(caseWhen);
        } else if (node instanceof Ast.Cast cast) {
            return List.of(cast.operand());
        } else if (node instanceof Ast.Call call) {
            return call.args();
        } else if (node instanceof Ast.Alias alias) {
            return List.of(alias.expression());
        } else if (node instanceof Ast.Lambda lambda) {
            return List.of(lambda.body());
        }
        throw new AssertionError(node);
    }

    private static List<Ast> caseChildren(Ast.Case caseWhen) {
        List<Ast> all = new ArrayList<>();
        if (caseWhen.operand() != null) {
            all.add(caseWhen.operand());
        }
        for (Ast.When when : caseWhen.whens()) {
            all.add(when.condition());
            all.add(when.result());
        }
        if (caseWhen.otherwise() != null) {
            all.add(caseWhen.otherwise());
        }
        return all;
    }

    private static List<Ast> concat(List<Ast> first, List<Ast> second) {
        List<Ast> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
