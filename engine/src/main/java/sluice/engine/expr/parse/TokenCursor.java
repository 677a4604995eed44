package sluice.engine.expr.parse;

import java.util.List;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.SluiceException;
import sluice.engine.expr.lex.SourceText;
import sluice.engine.expr.lex.Token;
import sluice.engine.expr.lex.TokenKind;

/** Mutable, one parse only: the position in a token list, with the "expected X but found Y" problems. */
public final class TokenCursor {
    private final List<Token> tokens;
    private final SourceText source;
    private final ErrorCode syntaxCode;
    private int index;

    public TokenCursor(List<Token> tokens, SourceText source, ErrorCode syntaxCode) {
        this.tokens = List.copyOf(tokens);
        this.source = source;
        this.syntaxCode = syntaxCode;
    }

    public Token peek() {
        return tokens.get(index);
    }

    public Token peek(int ahead) {
        return tokens.get(Math.min(index + ahead, tokens.size() - 1));
    }

    /** The token last taken by {@link #advance()}; the first token before any. */
    public Token previous() {
        return tokens.get(Math.max(index - 1, 0));
    }

    public Token advance() {
        Token token = tokens.get(index);
        if (token.kind() != TokenKind.END_OF_INPUT) {
            index++;
        }
        return token;
    }

    public boolean at(TokenKind kind) {
        return peek().kind() == kind;
    }

    public boolean atKeyword(String keyword) {
        return peek().isKeyword(keyword);
    }

    public boolean accept(TokenKind kind) {
        if (at(kind)) {
            advance();
            return true;
        }
        return false;
    }

    public boolean acceptKeyword(String keyword) {
        if (atKeyword(keyword)) {
            advance();
            return true;
        }
        return false;
    }

    public Token expect(TokenKind kind, String what) {
        if (!at(kind)) {
            throw unexpected(what);
        }
        return advance();
    }

    public Token expectKeyword(String keyword) {
        if (!atKeyword(keyword)) {
            throw unexpected(keyword);
        }
        return advance();
    }

    public Token expectIdentifier(String what) {
        if (!peek().isIdentifier()) {
            throw unexpected(what);
        }
        return advance();
    }

    /** {@code expected ')' but found end of input}, at the current token. */
    public SluiceException unexpected(String expected) {
        return source.error(syntaxCode, peek().span(), "expected %s but found %s", expected, peek().describe());
    }

    public SourceText source() {
        return source;
    }

    public ErrorCode syntaxCode() {
        return syntaxCode;
    }
}
