package sluice.engine.expr.parse;

import static java.util.Objects.requireNonNull;

/** A parsed expression and the alias the user gave it ({@code expr AS alias}), or null. */
public record NamedAst(Ast expression, String alias) {
    public NamedAst {
        requireNonNull(expression, "expression is null");
    }
}
