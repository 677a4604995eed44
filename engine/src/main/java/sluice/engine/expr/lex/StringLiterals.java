package sluice.engine.expr.lex;

/**
 * Reads Spark SQL string literals: {@code 'text'} and {@code "text"} with backslash escapes and doubled quotes, and
 * raw strings {@code r'text'} / {@code R"text"} taken as written. Escapes are Spark's {@code unescapeSQLString} with
 * {@code spark.sql.parser.escapedStringLiterals=false} (the default). Stateless.
 */
final class StringLiterals {
    private StringLiterals() {
    }

    /**
     * The offset just past the closing quote of the literal opening at {@code start}, or -1 when it never closes. A
     * backslash keeps the next character inside the literal (so {@code 'a\'} is unclosed, as in Spark's lexer) and a
     * doubled quote does not close it.
     */
    static int end(String text, int start) {
        char quote = text.charAt(start);
        int i = start + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return -1;
    }

    /** The end of the raw literal whose quote is at {@code quoteAt}: raw text cannot hold its quote; -1 if unclosed. */
    static int rawEnd(String text, int quoteAt) {
        int close = text.indexOf(text.charAt(quoteAt), quoteAt + 1);
        return close < 0 ? -1 : close + 1;
    }

    /** The value of {@code body}, the text between the quotes of a literal quoted with {@code quote}. */
    static String unescape(String body, char quote) {
        if (body.indexOf('\\') < 0 && body.indexOf(quote) < 0) {
            return body;
        }
        StringBuilder value = new StringBuilder(body.length());
        int i = 0;
        int length = body.length();
        while (i < length) {
            char c = body.charAt(i);
            if (c == quote && i + 1 < length && body.charAt(i + 1) == quote) {
                value.append(quote);
                i += 2;
            } else if (c != '\\' || i + 1 == length) {
                value.append(c);
                i++;
            } else {
                i = escape(body, i + 1, value);
            }
        }
        return value.toString();
    }

    /** Appends the escape whose letter is at {@code at} (just after the backslash); returns the offset after it. */
    private static int escape(String body, int at, StringBuilder value) {
        char c = body.charAt(at);
        if (c == 'u' && isHex(body, at + 1, 4)) {
            value.append((char) Integer.parseInt(body, at + 1, at + 5, 16));
            return at + 5;
        }
        if (c == 'U' && isHex(body, at + 1, 8)) {
            appendCodePoint(Long.parseLong(body, at + 1, at + 9, 16), value);
            return at + 9;
        }
        if (isOctal(body, at)) {
            value.append((char) Integer.parseInt(body, at, at + 3, 8));
            return at + 3;
        }
        switch (c) {
            case '0' -> value.append('\0');
            case 'b' -> value.append('\b');
            case 'n' -> value.append('\n');
            case 'r' -> value.append('\r');
            case 't' -> value.append('\t');
            case 'Z' -> value.append('\u001A');
            // Spark keeps the backslash before % and _ (as MySQL does), so LIKE patterns can escape them.
            case '%' -> value.append("\\%");
            case '_' -> value.append("\\_");
            default -> value.append(c);
        }
        return at + 1;
    }

    // Spark splits any 32-bit value into two UTF-16 units by the surrogate formula, even past U+10FFFF.
    private static void appendCodePoint(long codePoint, StringBuilder value) {
        if (codePoint < 0x10000) {
            value.append((char) codePoint);
        } else {
            value.append((char) ((codePoint - 0x10000) / 0x400 + 0xD800));
            value.append((char) ((codePoint - 0x10000) % 0x400 + 0xDC00));
        }
    }

    private static boolean isHex(String body, int from, int count) {
        if (from + count > body.length()) {
            return false;
        }
        for (int i = from; i < from + count; i++) {
            char c = body.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
                return false;
            }
        }
        return true;
    }

    /** {@code \000} to {@code \177}: three octal digits, the first 0 or 1. */
    private static boolean isOctal(String body, int at) {
        return at + 3 <= body.length() && (body.charAt(at) == '0' || body.charAt(at) == '1')
                && isOctalDigit(body.charAt(at + 1)) && isOctalDigit(body.charAt(at + 2));
    }

    private static boolean isOctalDigit(char c) {
        return c >= '0' && c <= '7';
    }
}
