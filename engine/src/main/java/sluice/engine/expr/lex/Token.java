package sluice.engine.expr.lex;

import static java.util.Objects.requireNonNull;

/**
 * One token: its kind, its text (identifiers without backquotes, strings unescaped, numbers without suffix) and
 * where it is.
 */
public record Token(TokenKind kind, String text, Span span) {
    public Token {
        requireNonNull(kind, "kind is null");
        requireNonNull(text, "text is null");
        requireNonNull(span, "span is null");
    }

    /** True for an unquoted identifier spelling {@code keyword} in any case. */
    public boolean isKeyword(String keyword) {
        return kind == TokenKind.IDENTIFIER && text.equalsIgnoreCase(keyword);
    }

    public boolean isIdentifier() {
        return kind == TokenKind.IDENTIFIER || kind == TokenKind.QUOTED_IDENTIFIER;
    }

    /** How a problem names this token: {@code 'foo'}, or {@code end of input}. */
    public String describe() {
        if (kind == TokenKind.END_OF_INPUT) {
            return "end of input";
        }
        return switch (kind) {
            case STRING -> "'" + text + "'";
            case QUOTED_IDENTIFIER -> "'`" + text + "`'";
            default -> "'" + text + "'";
        };
    }
}
