package sluice.engine.expr.parse;

import static java.util.Objects.requireNonNull;

import java.util.List;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.Position;
import sluice.engine.diag.SluiceException;
import sluice.engine.expr.lex.Lexer;
import sluice.engine.expr.lex.SourceText;
import sluice.engine.expr.lex.Token;
import sluice.engine.expr.lex.TokenKind;

/**
 * One key of an ORDER BY as Spark SQL writes it, {@code expr [ASC | DESC] [NULLS FIRST | NULLS LAST]}: the
 * expression's text (a prefix of the key's text, so positions inside it are the key's), the direction, and where
 * nulls go (Spark's default: first when ascending, last when descending). Immutable.
 */
public record SortOrder(String expression, boolean ascending, boolean nullsFirst) {
    public SortOrder {
        requireNonNull(expression, "expression is null");
    }

    /** Splits the direction and null ordering off {@code text}; a malformed expression is left to its compiler. */
    public static SortOrder parse(String text) {
        List<Token> tokens;
        try {
            tokens = new Lexer(new SourceText(text, Position.NOWHERE), ErrorCode.EXPRESSION_SYNTAX).tokenize();
        } catch (SluiceException e) {
            return new SortOrder(text, true, true);
        }
        int end = tokens.size() - 1; // the END_OF_INPUT token
        Boolean nullsFirst = null;
        if (end >= 3 && tokens.get(end - 2).isKeyword("NULLS")
                && (tokens.get(end - 1).isKeyword("FIRST") || tokens.get(end - 1).isKeyword("LAST"))) {
            nullsFirst = tokens.get(end - 1).isKeyword("FIRST");
            end -= 2;
        }
        boolean ascending = true;
        if (end >= 2 && (tokens.get(end - 1).isKeyword("ASC") || tokens.get(end - 1).isKeyword("DESC"))
                && tokens.get(end - 2).kind() != TokenKind.DOT) {
            ascending = tokens.get(end - 1).isKeyword("ASC");
            end -= 1;
        }
        String expression = text.substring(0, tokens.get(end).span().start()).stripTrailing();
        return new SortOrder(expression, ascending, nullsFirst != null ? nullsFirst : ascending);
    }
}
