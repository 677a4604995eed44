package sluice.engine.expr.compile;

import java.nio.charset.StandardCharsets;

/**
 * The American Soundex code as Spark computes it: over the UTF-8 bytes, a text whose first byte is no ASCII letter is
 * returned as it is; other non-letters separate codes; H and W do not. Stateless.
 */
final class Soundex {
    /** The digit of each letter A to Z; 0 for vowels and Y, '7' for H and W, which are skipped. */
    private static final String CODES = "01230127022455012623017202";

    private Soundex() {
    }

    static String of(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length == 0) {
            return "";
        }
        int first = upper(bytes[0]);
        if (first < 'A' || first > 'Z') {
            return text;
        }
        char[] code = {(char) first, '0', '0', '0'};
        int filled = 1;
        char last = CODES.charAt(first - 'A');
        for (int i = 1; i < bytes.length && filled < 4; i++) {
            int letter = upper(bytes[i]);
            if (letter < 'A' || letter > 'Z') {
                last = '0';
                continue;
            }
            char digit = CODES.charAt(letter - 'A');
            if (digit == '7') {
                continue;
            }
            if (digit != '0' && digit != last) {
                code[filled++] = digit;
            }
            last = digit;
        }
        return new String(code);
    }

    private static int upper(byte b) {
        return b >= 'a' && b <= 'z' ? b - 32 : b;
    }
}
