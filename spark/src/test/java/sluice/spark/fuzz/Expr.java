package sluice.spark.fuzz;

import java.util.ArrayList;
import java.util.List;

/**
 * A generated expression: a pattern with one {@code %s} per argument (a leaf's pattern is its whole text), the kind
 * it has, and whether this node itself can fail at run time under ANSI rules (overflow, division by zero, a cast of
 * bad text). Immutable.
 */
record Expr(Kind kind, String pattern, List<Expr> args, boolean mayFail) {
    Expr {
        args = List.copyOf(args);
    }

    static Expr leaf(Kind kind, String text) {
        return new Expr(kind, text, List.of(), false);
    }

    String sql() {
        if (args.isEmpty()) {
            return pattern;
        }
        Object[] rendered = args.stream().map(Expr::sql).toArray();
        return String.format(pattern, rendered);
    }

    /** Whether this node or any below it can fail. */
    boolean canFail() {
        return mayFail || args.stream().anyMatch(Expr::canFail);
    }

    int size() {
        return 1 + args.stream().mapToInt(Expr::size).sum();
    }

    /**
     * Smaller expressions of the same kind, smallest change last: each argument of the same kind standing in for
     * this node, then this node with one argument replaced by one of that argument's own simplifications.
     */
    List<Expr> simplifications(Expr literalOfKind) {
        List<Expr> smaller = new ArrayList<>();
        if (!args.isEmpty()) {
            smaller.add(literalOfKind);
        }
        for (Expr arg : args) {
            if (arg.kind == kind) {
                smaller.add(arg);
            }
        }
        for (int i = 0; i < args.size(); i++) {
            for (Expr simpler : args.get(i).simplifications(literalFor(args.get(i), literalOfKind))) {
                List<Expr> changed = new ArrayList<>(args);
                changed.set(i, simpler);
                smaller.add(new Expr(kind, pattern, changed, mayFail));
            }
        }
        return smaller;
    }

    private static Expr literalFor(Expr arg, Expr literalOfKind) {
        return arg.kind == literalOfKind.kind ? literalOfKind : Literals.simplest(arg.kind);
    }

    @Override
    public String toString() {
        return sql();
    }
}
