package sluice.engine.expr.compile;

import java.math.BigDecimal;
import sluice.engine.expr.analyze.NumberPattern;
import sluice.engine.expr.analyze.NumberPattern.Digits;
import sluice.engine.expr.analyze.NumberPattern.Group;
import sluice.engine.expr.analyze.NumberPattern.Part;

/**
 * to_char of a decimal by a number format, as Spark writes it: every digit of the format takes a place, filled with
 * leading zeros after a 0 and spaces after a 9, signs and brackets moved next to the digits, and {@code #}s for a
 * value with more digits than the format has. Mutable while writing one value; one thread.
 */
final class NumberWriter {
    private final NumberPattern pattern;
    private final StringBuilder out = new StringBuilder();
    private String integral;
    private String fraction;
    private int integralAt;
    private int fractionAt;

    private NumberWriter(NumberPattern pattern) {
        this.pattern = pattern;
    }

    static String write(BigDecimal value, NumberPattern pattern) {
        return new NumberWriter(pattern).format(value);
    }

    private String format(BigDecimal value) {
        split(value);
        boolean negative = value.signum() < 0;
        boolean pointSeen = false;
        for (Part part : pattern.parts()) {
            if (part instanceof Group group) {
                digits(group, pointSeen);
            } else if (part instanceof NumberPattern.Point) {
                if (out.length() > 0 && out.charAt(out.length() - 1) == ' ') {
                    out.setCharAt(out.length() - 1, '0');
                }
                out.append('.');
                pointSeen = true;
            } else if (part instanceof NumberPattern.Dollar) {
                out.append('$');
            } else if (part instanceof NumberPattern.PlusOrMinus) {
                dropLonePoint();
                appendBeforeSpaces(negative ? '-' : '+');
            } else if (part instanceof NumberPattern.Minus) {
                if (negative) {
                    dropLonePoint();
                    appendBeforeSpaces('-');
                } else {
                    out.append(' ');
                }
            } else if (part instanceof NumberPattern.OpenAngle) {
                if (negative) {
                    out.append('<');
                }
            } else if (part instanceof NumberPattern.CloseAngle) {
                dropLonePoint();
                if (negative) {
                    appendBeforeSpaces('>');
                } else {
                    out.append("  ");
                }
            }
        }
        if (integralAt < integral.length() || fractionAt < fraction.length()) {
            throw NumberText.mismatchError(new sluice.engine.types.DecimalType(Math.max(value.precision(),
                    value.scale()), Math.max(value.scale(), 0)).sql(), value.toString(), pattern);
        }
        dropLonePoint();
        String text = out.toString();
        return text.isEmpty() || text.equals("+") || text.equals("-") ? "0" : text;
    }

    /** The value's digits before and after the point, padded to the format's (spaces before, zeros after). */
    private void split(BigDecimal value) {
        String plain = value.toPlainString();
        int point = plain.indexOf('.');
        String before = point < 0 ? plain : plain.substring(0, point);
        String after = point < 0 ? "" : plain.substring(point + 1);
        before = before.replaceFirst("^[-0]+", "");
        after = after.replaceFirst("0+$", "");
        int placesBefore = 0;
        int placesAfter = 0;
        boolean pointSeen = false;
        for (Part part : pattern.parts()) {
            if (part instanceof Group group) {
                int count = group.digits().stream().mapToInt(Digits::count).sum();
                if (pointSeen) {
                    placesAfter += count;
                } else {
                    placesBefore += count;
                }
            } else if (part instanceof NumberPattern.Point) {
                pointSeen = true;
            }
        }
        if (placesBefore < before.length() || placesAfter < after.length()) {
            before = "#".repeat(placesBefore);
            after = "#".repeat(placesAfter);
        }
        integral = " ".repeat(placesBefore - before.length()) + before;
        fraction = after + "0".repeat(placesAfter - after.length());
    }

    private void digits(Group group, boolean pointSeen) {
        for (int i = group.parts().size() - 1; i >= 0; i--) {
            Part part = group.parts().get(i);
            if (part instanceof Digits digits) {
                for (int d = 0; d < digits.count(); d++) {
                    if (pointSeen) {
                        out.append(fraction.charAt(fractionAt++));
                        continue;
                    }
                    char c = integral.charAt(integralAt++);
                    if (c != ' ') {
                        out.append(c);
                    } else if (digits.exact()) {
                        out.append('0');
                    } else {
                        appendSpaceBeforeSigns();
                    }
                }
            } else if (out.length() > 0 && Character.isDigit(out.charAt(out.length() - 1))) {
                out.append(',');
            } else {
                appendSpaceBeforeSigns();
            }
        }
    }

    /** Appends {@code c}, moving it left past the spaces before it, so a sign sits next to the digits. */
    private void appendBeforeSpaces(char c) {
        out.append(c);
        for (int i = out.length() - 1; i >= 1 && out.charAt(i - 1) == ' ' && out.charAt(i) == c; i--) {
            out.setCharAt(i, ' ');
            out.setCharAt(i - 1, c);
        }
    }

    /** Appends a space, moving it left past the signs and bracket before it. */
    private void appendSpaceBeforeSigns() {
        out.append(' ');
        for (int i = out.length() - 1; i >= 1 && isSign(out.charAt(i - 1)) && out.charAt(i) == ' '; i--) {
            out.setCharAt(i, out.charAt(i - 1));
            out.setCharAt(i - 1, ' ');
        }
    }

    private static boolean isSign(char c) {
        return c == '+' || c == '-' || c == '<';
    }

    /** A point with no digit after it becomes a space. */
    private void dropLonePoint() {
        int point = out.indexOf(".");
        if (point >= 0 && (point == out.length() - 1 || out.charAt(point + 1) == ' ')) {
            out.setCharAt(point, ' ');
        }
    }
}
