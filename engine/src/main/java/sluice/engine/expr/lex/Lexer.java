package sluice.engine.expr.lex;

import java.util.ArrayList;
import java.util.List;
import sluice.engine.diag.ErrorCode;

/** Splits Spark SQL text into tokens. Stateless apart from its input; one instance per text. */
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

    private void skipSpaceAndComments() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (Character.isWhitespace(c)) {
                pos++;
            } else if (text.startsWith("--", pos)) {
                while (pos < text.length() && text.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (text.startsWith("/*", pos)) {
                int close = text.indexOf("*/", pos + 2);
                if (close < 0) {
                    throw source.error(syntaxCode, new Span(pos, pos + 2), "unclosed comment");
                }
                pos = close + 2;
            } else {
                return;
            }
        }
    }

    private Token next() {
        int start = pos;
        char c = text.charAt(pos);
        if (Character.isDigit(c) || (c == '.' && pos + 1 < text.length() && Character.isDigit(text.charAt(pos + 1)))) {
            return number();
        }
        if (Character.isLetter(c) || c == '_') {
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
                pos++;
            }
            return new Token(TokenKind.IDENTIFIER, text.substring(start, pos), new Span(start, pos));
        }
        if (c == '`') {
            return quotedIdentifier();
        }
        if (c == '\'' || c == '"') {
            return string(c);
        }
        return symbol(start, c);
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
            case "<=" -> TokenKind.LE;
            case ">=" -> TokenKind.GE;
            case "||" -> TokenKind.CONCAT;
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
            default -> null;
        };
        if (kind == null) {
            throw source.error(syntaxCode, new Span(start, start + 1), "unexpected character '%c'", c);
        }
        pos++;
        return new Token(kind, String.valueOf(c), new Span(start, pos));
    }

    private Token number() {
        int start = pos;
        boolean point = false;
        boolean exponent = false;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (Character.isDigit(c)) {
                pos++;
            } else if (c == '.' && !point && !exponent) {
                point = true;
                pos++;
            } else if ((c == 'e' || c == 'E') && !exponent && exponentFollows()) {
                exponent = true;
                pos += text.charAt(pos + 1) == '+' || text.charAt(pos + 1) == '-' ? 2 : 1;
            } else {
                break;
            }
        }
        String digits = text.substring(start, pos);
        TokenKind kind = exponent ? TokenKind.DOUBLE : point ? TokenKind.DECIMAL : TokenKind.INTEGER;
        String suffix = suffix();
        if (suffix.equalsIgnoreCase("bd")) {
            kind = TokenKind.BIG_DECIMAL;
        } else if (suffix.equalsIgnoreCase("d")) {
            kind = TokenKind.DOUBLE;
        } else if (suffix.equalsIgnoreCase("f")) {
            kind = TokenKind.FLOAT;
        } else if (suffix.equalsIgnoreCase("l") && kind == TokenKind.INTEGER) {
            kind = TokenKind.BIGINT;
        } else if (suffix.equalsIgnoreCase("y") && kind == TokenKind.INTEGER) {
            kind = TokenKind.TINYINT;
        } else if (suffix.equalsIgnoreCase("s") && kind == TokenKind.INTEGER) {
            kind = TokenKind.SMALLINT;
        } else if (!suffix.isEmpty()) {
            throw source.error(syntaxCode, new Span(start, pos + suffix.length()),
                    "invalid number '%s'", digits + suffix);
        }
        pos += suffix.length();
        return new Token(kind, digits, new Span(start, pos));
    }

    private boolean exponentFollows() {
        int i = pos + 1;
        if (i < text.length() && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            i++;
        }
        return i < text.length() && Character.isDigit(text.charAt(i));
    }

    /** Letters right after a number; a suffix only if no identifier character follows them. */
    private String suffix() {
        int end = pos;
        while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
            end++;
        }
        return text.substring(pos, end);
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

    // Spark unescapes backslash sequences in string literals (spark.sql.parser.escapedStringLiterals=false).
    private Token string(char quote) {
        int start = pos++;
        StringBuilder value = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw source.error(syntaxCode, new Span(start, start + 1), "unclosed string literal");
            }
            char c = text.charAt(pos++);
            if (c == quote) {
                if (pos < text.length() && text.charAt(pos) == quote) {
                    value.append(quote);
                    pos++;
                    continue;
                }
                return new Token(TokenKind.STRING, value.toString(), new Span(start, pos));
            }
            if (c == '\\' && pos < text.length()) {
                value.append(escaped(text.charAt(pos++)));
            } else {
                value.append(c);
            }
        }
    }

    private static String escaped(char c) {
        return switch (c) {
            case 'n' -> "\n";
            case 't' -> "\t";
            case 'r' -> "\r";
            case 'b' -> "\b";
            case '0' -> "\0";
            case 'Z' -> "\u001A";
            // Spark keeps the backslash before % and _ so LIKE patterns can escape them.
            case '%' -> "\\%";
            case '_' -> "\\_";
            default -> String.valueOf(c);
        };
    }
}
