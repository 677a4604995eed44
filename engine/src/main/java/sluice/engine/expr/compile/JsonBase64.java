package sluice.engine.expr.compile;

import com.fasterxml.jackson.core.Base64Variant;
import com.fasterxml.jackson.core.Base64Variants;
import sluice.engine.types.Bytes;

/**
 * A JSON string read as BINARY the way Spark's JSON parser reads it: base64 in Jackson's default variant, decoded by
 * Jackson's streaming parser straight from the input. Where that decoding fails after it has read the string's
 * closing quote, the parser reads on out of step and Spark loses the whole record, not just the field; from_json
 * reads a parsed tree, so this class tells from the string's text where Jackson would have stopped. Stateless.
 */
final class JsonBase64 {
    private static final Base64Variant VARIANT = Base64Variants.getDefaultVariant();

    private JsonBase64() {
    }

    /** The bytes of {@code text}, or null when it is no base64 that Jackson reads. */
    static Bytes decode(String text) {
        try {
            return Bytes.of(VARIANT.decode(text));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Whether Jackson, decoding {@code text} (which does not decode) from a JSON string, fails only after reading the
     * closing quote: one character after the last whole group of four, or a group {@code xx=} without its second
     * {@code =}. Other failures (a character outside base64, missing padding, which Jackson steps back from) leave
     * the parser in step, and only the field is null.
     */
    static boolean breaksRecord(String text) {
        int i = 0;
        int n = text.length();
        while (true) {
            // Jackson skips white space before a group of four only.
            while (i < n && text.charAt(i) <= ' ') {
                i++;
            }
            if (i == n || !isBase64(text.charAt(i++))) {
                return false;
            }
            if (i == n) {
                return true;
            }
            if (!isBase64(text.charAt(i++)) || i == n) {
                return false;
            }
            char third = text.charAt(i++);
            if (third == VARIANT.getPaddingChar()) {
                if (i == n) {
                    return true;
                }
                if (text.charAt(i++) != VARIANT.getPaddingChar()) {
                    return false;
                }
                continue;
            }
            if (!isBase64(third) || i == n) {
                return false;
            }
            char fourth = text.charAt(i++);
            if (fourth != VARIANT.getPaddingChar() && !isBase64(fourth)) {
                return false;
            }
        }
    }

    private static boolean isBase64(char c) {
        return VARIANT.decodeBase64Char(c) >= 0;
    }
}
