package sluice.engine.expr.compile;

/**
 * Whether text is base 64 as Spark's to_binary requires (RFC 4648): groups of four symbols of A-Z, a-z, 0-9, + and
 * /, white space anywhere before the padding, and a last group of two to four symbols, padded with = to four when
 * padded at all. Stateless.
 */
final class Base64Text {
    private Base64Text() {
    }

    static boolean isValid(String text) {
        int symbols = 0;
        int padding = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '/' || c == '+') {
                if (padding != 0) {
                    return false;
                }
                symbols++;
            } else if (c == '=') {
                padding++;
                if (padding > 2 || symbols % 4 < 2) {
                    return false;
                }
            } else if (Character.isWhitespace(c)) {
                if (padding != 0) {
                    return false;
                }
            } else {
                return false;
            }
        }
        return padding > 0 ? (symbols + padding) % 4 == 0 : symbols % 4 != 1;
    }
}
