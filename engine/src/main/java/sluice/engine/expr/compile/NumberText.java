package sluice.engine.expr.compile;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import sluice.engine.diag.ErrorCode;
import sluice.engine.expr.analyze.NumberPattern;
import sluice.engine.expr.analyze.NumberPattern.Digits;
import sluice.engine.expr.analyze.NumberPattern.Group;
import sluice.engine.expr.analyze.NumberPattern.Part;

/**
 * Reads text into a decimal and writes a decimal as text by one of Spark's number formats, as to_number and to_char
 * do: white space inside a run of digits is skipped, every group between separators must have its digits, a missing
 * sign or point is fine, and a value with more digits than the format writes as {@code #}s. Stateless.
 */
final class NumberText {
    private NumberText() {
    }

    /** The value of {@code input}, or null when it does not match and {@code tolerant}, else an error. */
    static BigDecimal parse(String input, NumberPattern pattern, boolean tolerant) {
        StringBuilder before = new StringBuilder();
        StringBuilder after = new StringBuilder();
        boolean pointSeen = false;
        boolean opened = false;
        boolean closed = false;
        boolean negative = false;
        int at = 0;
        for (Part part : pattern.parts()) {
            boolean more = at < input.length();
            char c = more ? input.charAt(at) : 0;
            if (part instanceof Group group) {
                at = digits(group, input, at, pointSeen ? after : before);
                if (at < 0) {
                    return mismatch("STRING", input, pattern, tolerant);
                }
            } else if (part instanceof NumberPattern.Point) {
                if (more && c == '.') {
                    pointSeen = true;
                    at++;
                }
            } else if (part instanceof NumberPattern.Dollar) {
                if (more && c != '$') {
                    return mismatch("STRING", input, pattern, tolerant);
                }
                at += more ? 1 : 0;
            } else if (part instanceof NumberPattern.PlusOrMinus) {
                if (more && (c == '+' || c == '-')) {
                    negative ^= c == '-';
                    at++;
                }
            } else if (part instanceof NumberPattern.Minus) {
                if (more && c == '-') {
                    negative = !negative;
                    at++;
                }
            } else if (part instanceof NumberPattern.OpenAngle) {
                if (more && c == '<') {
                    if (opened) {
                        return mismatch("STRING", input, pattern, tolerant);
                    }
                    opened = true;
                    at++;
                }
            } else if (part instanceof NumberPattern.CloseAngle) {
                if (more && c == '>') {
                    if (!opened) {
                        return mismatch("STRING", input, pattern, tolerant);
                    }
                    closed = true;
                    negative = !negative;
                    at++;
                }
            }
        }
        if (at < input.length() || opened != closed || before.length() == 0 && after.length() == 0) {
            return mismatch("STRING", input, pattern, tolerant);
        }
        String fraction = after + "0".repeat(Math.max(0, pattern.scale() - after.length()));
        String text = (negative ? "-" : "") + before + (fraction.isEmpty() ? "" : "." + fraction);
        return new BigDecimal(text);
    }

    /**
     * Reads a run of digits, separators and white space from {@code at}, appending the digits to {@code into};
     * the index after it, or -1 when the groups between separators do not fit the format's.
     */
    private static int digits(Group group, String input, int at, StringBuilder into) {
        List<Integer> sizes = new ArrayList<>();
        int current = 0;
        int i = at;
        while (i < input.length()) {
            char c = input.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (Character.isDigit(c)) {
                current++;
                into.append(c);
                i++;
            } else if (c == ',') {
                sizes.add(0, current);
                current = 0;
                i++;
            } else {
                break;
            }
        }
        // The sizes are kept from the rightmost group, as the format's digits are.
        sizes.add(0, current);
        List<Digits> expected = group.digits();
        if (sizes.size() > expected.size()) {
            return -1;
        }
        for (int g = 0; g < expected.size(); g++) {
            int actual = g < sizes.size() ? sizes.get(g) : 0;
            Digits digits = expected.get(g);
            if (digits.exact() ? actual != digits.count() : actual > digits.count()) {
                return -1;
            }
        }
        return i;
    }

    private static BigDecimal mismatch(String type, String input, NumberPattern pattern, boolean tolerant) {
        if (tolerant) {
            return null;
        }
        throw mismatchError(type, input, pattern);
    }

    static RowFailure mismatchError(String type, String input, NumberPattern pattern) {
        return new RowFailure(ErrorCode.CAST_INVALID_INPUT, "[INVALID_FORMAT.MISMATCH_INPUT] The format is invalid: "
                + pattern.format() + ". The input \"" + type + "\" " + input + " does not match the format.");
    }
}
