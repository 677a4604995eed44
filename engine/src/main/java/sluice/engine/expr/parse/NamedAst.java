package sluice.engine.expr.parse;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A parsed expression and the alias the user gave it ({@code expr AS alias}), or null. {@code aliases} holds every
 * name given: the one alias, or the names of a multi-alias {@code AS (a, b)} (then {@code alias} is null), which only
 * a generator such as posexplode may take.
 */
public record NamedAst(Ast expression, String alias, List<String> aliases) {
    public NamedAst {
        requireNonNull(expression, "expression is null");
        aliases = List.copyOf(aliases);
    }

    /** Whether the names were written as a list in parentheses. */
    public boolean isMultiAlias() {
        return alias == null && !aliases.isEmpty();
    }
}
