package sluice.engine.expr.lex;

import java.util.ArrayList;
import java.util.List;
import sluice.engine.diag.ErrorCode;

/**
 * Splits Spark SQL text into tokens as Spark's lexer ({@code SqlBaseLexer}) does: its white space, {@code --} and
 * nested {@code /* *}{@code /} comments, string literals, numbers and names. Stateless apart from its input; one
 * instance per text.
 */
public final class Lexer {
    private final SourceText source;
    private final String text;
    private final ErrorCode syntaxCode;
    private int pos;

    /** {@code syntaxCode} is the code of problems about malformed text (expressions and schemas differ). */
    public Lexer(SourceText source, ErrorCode syntaxCode) {
        this.source = source;
        this.text = source.text();
        this.syntaxCode = syntaxCode;
    }

    public List<Token> tokenize() {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            skipSpaceAndComments();
            if (pos >= text.length()) {
                tokens.add(new Token(TokenKind.END_OF_INPUT, "", new Span(text.length(), text.length())));
                return tokens;
            }
            tokens.add(next());
        }
    }

    /** Spark's white space: not Java's, which also counts control characters and leaves out no-break spaces. */
    static boolean isSpace(char c) {
        return switch (c) {
            case ' ', '\t', '\n', '\f', '\r', '\u000B', '\u00A0', '\u1680', '\u2028', '\u202F', '\u205F', '\u3000' ->
                    true;
            default -> c >= '\u2000' && c <= '\u200A';
        };
    }

    private void skipSpaceAndComments() {
        while (pos < text.length()) {
            if (isSpace(text.charAt(pos))) {
                pos++;
            } else if (text.startsWith("--", pos)) {
                skipLineComment();
            } else if (text.startsWith("/*+", pos)) {
                throw source.error(syntaxCode, new Span(pos, pos + 3), "hints ('/*+') are not allowed here");
            } else if (text.startsWith("/*", pos)) {
                skipBracketedComment();
            } else {
                return;
            }
        }
    }

    // A backslash right before the line feed carries the comment on to the next line, as in Spark.
    private void skipLineComment() {
        pos += 2;
        while (pos < text.length() && text.charAt(pos) != '\n' && text.charAt(pos) != '\r') {
            pos += text.charAt(pos) == '\\' && pos + 1 < text.length() && text.charAt(pos + 1) == '\n' ? 2 : 1;
        }
    }

    /** Bracketed comments nest in Spark: {@code /* a /* b *}{@code / c *}{@code /} is one comment. */
    private void skipBracketedComment() {
        int start = pos;
        int depth = 0;
        while (pos < text.length()) {
            if (text.startsWith("/*", pos) && !text.startsWith("/*+", pos)) {
                depth++;
                pos += 2;
            } else if (text.startsWith("*/", pos)) {
                depth--;
                pos += 2;
                if (depth == 0) {
                    return;
                }
            } else {
                pos++;
            }
        }
        throw source.error(syntaxCode, new Span(start, start + 2), "unclosed comment; end it with '*/'");
    }

    private Token next() {
        int start = pos;
        char c = text.charAt(pos);
        if (NumberLiterals.isDigit(c) || c == '.' && pos + 1 < text.length()
                && NumberLiterals.isDigit(text.charAt(pos + 1))) {
            return numberOrName(start);
        }
        if ((c == 'r' || c == 'R') && pos + 1 < text.length() && isQuote(text.charAt(pos + 1))) {
            return rawString(start);
        }
        if (isWordStart(text.codePointAt(pos))) {
            return name(start, wordEnd(start));
        }
        if (c == '`') {
            return quotedIdentifier();
        }
        if (isQuote(c)) {
            return string(start);
        }
        return symbol(start, c);
    }

    private static boolean isQuote(char c) {
        return c == '\'' || c == '"';
    }

    /** Spark's name characters: Unicode letters, ASCII digits and '_'. */
    private static boolean isWordPart(int c) {
        return Character.isLetter(c) || NumberLiterals.isDigit(c) || c == '_';
    }

    private static boolean isWordStart(int c) {
        return Character.isLetter(c) || c == '_';
    }

    private int wordEnd(int from) {
        int end = from;
        while (end < text.length() && isWordPart(text.codePointAt(end))) {
            end += Character.charCount(text.codePointAt(end));
        }
        return end;
    }

    // Spark's lexer takes the longest match: 12e3 is a number, 12e3L and 123abc are names, and the '.' of .5x is a
    // dot, as .5 may not have a letter after it.
    private Token numberOrName(int start) {
        NumberLiterals.Match number = NumberLiterals.longest(text, start);
        int word = wordEnd(start);
        if (number == null && word == start) {
            return symbol(start, text.charAt(start));
        }
        if (number == null || word > number.end()) {
            return name(start, word);
        }
        pos = number.end();
        return new Token(number.kind(), text.substring(start, number.valueEnd()), new Span(start, pos));
    }

    // Spark reads any letters into a name, then refuses unquoted names that are not plain ASCII (INVALID_IDENTIFIER).
    private Token name(int start, int end) {
        String word = text.substring(start, end);
        if (!word.chars().allMatch(c -> c < 128)) {
            throw source.error(syntaxCode, new Span(start, end),
                    "invalid name '%s': a name without backquotes may hold only ASCII letters, digits and '_'; "
                            + "write `%s`", word, word.replace("`", "``"));
        }
        pos = end;
        return new Token(TokenKind.IDENTIFIER, word, new Span(start, end));
    }

    private Token symbol(int start, char c) {
        String two = pos + 1 < text.length() ? text.substring(pos, pos + 2) : "";
        String three = pos + 2 < text.length() ? text.substring(pos, pos + 3) : "";
        if (three.equals("<=>")) {
            pos += 3;
            return new Token(TokenKind.NULL_SAFE_EQ, three, new Span(start, pos));
        }
        TokenKind kind = switch (two) {
            case "==" -> TokenKind.DOUBLE_EQ;
            case "<>", "!=" -> TokenKind.NOT_EQ;
            case "<=", "!>" -> TokenKind.LE;
            case ">=", "!<" -> TokenKind.GE;
            case "||" -> TokenKind.CONCAT;
            case "::" -> TokenKind.DOUBLE_COLON;
            case "->" -> TokenKind.ARROW;
            case "=>" -> TokenKind.FAT_ARROW;
            default -> null;
        };
        if (kind != null) {
            pos += 2;
            return new Token(kind, two, new Span(start, pos));
        }
        kind = switch (c) {
            case '(' -> TokenKind.LEFT_PAREN;
            case ')' -> TokenKind.RIGHT_PAREN;
            case '[' -> TokenKind.LEFT_BRACKET;
            case ']' -> TokenKind.RIGHT_BRACKET;
            case ',' -> TokenKind.COMMA;
            case '.' -> TokenKind.DOT;
            case ':' -> TokenKind.COLON;
            case '+' -> TokenKind.PLUS;
            case '-' -> TokenKind.MINUS;
            case '*' -> TokenKind.STAR;
            case '/' -> TokenKind.SLASH;
            case '%' -> TokenKind.PERCENT;
            case '=' -> TokenKind.EQ;
            case '<' -> TokenKind.LT;
            case '>' -> TokenKind.GT;
            case '!' -> TokenKind.BANG;
            case '&' -> TokenKind.AMPERSAND;
            case '|' -> TokenKind.PIPE;
            case '^' -> TokenKind.HAT;
            case '~' -> TokenKind.TILDE;
            default -> null;
        };
        if (kind == null) {
            int codePoint = text.codePointAt(start);
            boolean visible = !Character.isISOControl(codePoint) && !Character.isWhitespace(codePoint)
                    && Character.getType(codePoint) != Character.FORMAT;
            throw source.error(syntaxCode, new Span(start, start + Character.charCount(codePoint)),
                    visible ? "unexpected character '%s'" : "unexpected character %s",
                    visible ? Character.toString(codePoint) : String.format("U+%04X", codePoint));
        }
        pos++;
        return new Token(kind, String.valueOf(c), new Span(start, pos));
    }

    private Token quotedIdentifier() {
        int start = pos++;
        StringBuilder name = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw source.error(syntaxCode, new Span(start, start + 1), "unclosed quoted identifier");
            }
            char c = text.charAt(pos++);
            if (c == '`') {
                if (pos < text.length() && text.charAt(pos) == '`') {
                    name.append('`');
                    pos++;
                } else {
                    return new Token(TokenKind.QUOTED_IDENTIFIER, name.toString(), new Span(start, pos));
                }
            } else {
                name.append(c);
            }
        }
    }

    private Token string(int start) {
        int end = StringLiterals.end(text, start);
        if (end < 0) {
            throw source.error(syntaxCode, new Span(start, start + 1), "unclosed string literal");
        }
        pos = end;
        String value = StringLiterals.unescape(text.substring(start + 1, end - 1), text.charAt(start));
        return new Token(TokenKind.STRING, value, new Span(start, end));
    }

    private Token rawString(int start) {
        int end = StringLiterals.rawEnd(text, start + 1);
        if (end < 0) {
            throw source.error(syntaxCode, new Span(start, start + 2), "unclosed string literal");
        }
        pos = end;
        return new Token(TokenKind.STRING, text.substring(start + 2, end - 1), new Span(start, end));
    }
}
