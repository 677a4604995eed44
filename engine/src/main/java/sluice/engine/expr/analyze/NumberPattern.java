package sluice.engine.expr.analyze;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A number format of Spark's to_number and to_char ({@code 0 9 . D , G $ S MI PR}), read into tokens: runs of digits
 * (a run starting with 0 before the point must be matched in full), the point, thousands separators, the currency
 * sign and the sign markers, with each run of digits and separators as one group. Gives the DECIMAL type it reads
 * into and the problem with a format Spark refuses. Immutable.
 */
public final class NumberPattern {
    /** One part of the format. */
    public sealed interface Part permits Digits, Point, Separator, Dollar, PlusOrMinus, Minus, OpenAngle, CloseAngle,
            Unknown, Group {}

    /** {@code count} digits, exactly that many when {@code exact}, else at most. */
    public record Digits(int count, boolean exact) implements Part {}

    public record Point() implements Part {}

    public record Separator() implements Part {}

    public record Dollar() implements Part {}

    /** S: an optional + or -. */
    public record PlusOrMinus() implements Part {}

    /** MI: an optional -. */
    public record Minus() implements Part {}

    /** PR's opening bracket, which goes first. */
    public record OpenAngle() implements Part {}

    /** PR's closing bracket. */
    public record CloseAngle() implements Part {}

    public record Unknown(char character) implements Part {}

    /** Digits and separators in a row, from the rightmost: {@code parts} all of them, {@code digits} the digits. */
    public record Group(List<Part> parts, List<Digits> digits) implements Part {
        public Group {
            parts = List.copyOf(parts);
            digits = List.copyOf(digits);
        }
    }

    private final String format;
    private final List<Part> parts;

    private NumberPattern(String format, List<Part> parts) {
        this.format = format;
        this.parts = List.copyOf(parts);
    }

    /** The pattern of {@code format}, read in upper case as Spark reads it. */
    public static NumberPattern of(String format) {
        String upper = format.toUpperCase(Locale.ROOT);
        return new NumberPattern(upper, group(tokens(upper)));
    }

    public String format() {
        return format;
    }

    public List<Part> parts() {
        return parts;
    }

    private static List<Part> tokens(String format) {
        List<Part> tokens = new ArrayList<>();
        boolean afterPoint = false;
        int i = 0;
        while (i < format.length()) {
            char c = format.charAt(i);
            if (c == '0' || c == '9') {
                int start = i;
                do {
                    i++;
                } while (i < format.length() && (format.charAt(i) == '0' || format.charAt(i) == '9'));
                tokens.add(new Digits(i - start, c == '0' && !afterPoint));
                continue;
            }
            if (c == '.' || c == 'D') {
                tokens.add(new Point());
                afterPoint = true;
            } else if (c == ',' || c == 'G') {
                tokens.add(new Separator());
            } else if (c == '$') {
                tokens.add(new Dollar());
            } else if (c == 'S') {
                tokens.add(new PlusOrMinus());
            } else if (c == 'M' && i + 1 < format.length() && format.charAt(i + 1) == 'I') {
                tokens.add(new Minus());
                i++;
            } else if (c == 'P' && i + 1 < format.length() && format.charAt(i + 1) == 'R') {
                tokens.add(0, new OpenAngle());
                tokens.add(new CloseAngle());
                i++;
            } else {
                tokens.add(new Unknown(c));
            }
            i++;
        }
        return tokens;
    }

    /** Each run of digits and separators becomes one group, its parts from right to left. */
    private static List<Part> group(List<Part> tokens) {
        List<Part> grouped = new ArrayList<>();
        List<Part> run = new ArrayList<>();
        List<Digits> digits = new ArrayList<>();
        for (Part token : tokens) {
            if (token instanceof Digits d) {
                run.add(d);
                digits.add(d);
            } else if (token instanceof Separator) {
                run.add(token);
            } else {
                closeGroup(grouped, run, digits);
                grouped.add(token);
            }
        }
        closeGroup(grouped, run, digits);
        return grouped;
    }

    private static void closeGroup(List<Part> grouped, List<Part> run, List<Digits> digits) {
        if (run.isEmpty()) {
            return;
        }
        Collections.reverse(run);
        Collections.reverse(digits);
        grouped.add(new Group(run, digits));
        run.clear();
        digits.clear();
    }

    /** The digits of the whole format: the precision of the DECIMAL it reads. */
    public int precision() {
        return digitsIn(parts);
    }

    /** The digits after the point: the scale. */
    public int scale() {
        int point = parts.indexOf(new Point());
        return point < 0 ? 0 : digitsIn(parts.subList(point, parts.size()));
    }

    private static int digitsIn(List<Part> parts) {
        int count = 0;
        for (Part part : parts) {
            if (part instanceof Group group) {
                count += group.digits().stream().mapToInt(Digits::count).sum();
            }
        }
        return count;
    }

    /** Spark's INVALID_FORMAT subclass and message for a format it refuses, or empty. */
    public Optional<String> problem() {
        if (format.isEmpty()) {
            return invalid("EMPTY", "The number format string cannot be empty.");
        }
        int dollar = parts.indexOf(new Dollar());
        int point = parts.indexOf(new Point());
        int firstDigits = -1;
        for (int i = 0; i < parts.size() && firstDigits < 0; i++) {
            firstDigits = parts.get(i) instanceof Group ? i : -1;
        }
        if (firstDigits < 0) {
            return invalid("WRONG_NUM_DIGIT", "The format string requires at least one number digit.");
        }
        if (firstDigits < dollar) {
            return invalid("CUR_MUST_BEFORE_DIGIT", "Currency characters must appear before digits in the number "
                    + "format.");
        }
        if (point >= 0 && point < dollar) {
            return invalid("CUR_MUST_BEFORE_DEC", "Currency characters must appear before any decimal point in the "
                    + "number format.");
        }
        for (int i = 0; i < parts.size(); i++) {
            if (parts.get(i) instanceof Group group) {
                boolean beforePoint = point < 0 || i < point;
                if (beforePoint && badSeparators(group.parts())) {
                    return invalid("CONT_THOUSANDS_SEPS", "Thousands separators (, or G) must have digits in between "
                            + "them in the number format.");
                }
                if (!beforePoint && point >= 0 && i > point && group.parts().size() > group.digits().size()) {
                    return invalid("THOUSANDS_SEPS_MUST_BEFORE_DEC", "Thousands separators (, or G) may not appear "
                            + "after the decimal point in the number format.");
                }
            }
        }
        for (Part single : List.of(new Point(), new PlusOrMinus(), new Minus(), new Dollar(), new CloseAngle())) {
            if (parts.stream().filter(single::equals).count() > 1) {
                return invalid("WRONG_NUM_TOKEN", "At most one " + describe(single) + " is allowed in the number "
                        + "format.");
            }
        }
        return order();
    }

    private static boolean badSeparators(List<Part> run) {
        for (int j = 0; j < run.size(); j++) {
            if (run.get(j) instanceof Separator && (j == 0 || j == run.size() - 1
                    || run.get(j - 1) instanceof Separator || run.get(j + 1) instanceof Separator)) {
                return true;
            }
        }
        return false;
    }

    /** Spark's order: [PR] [MI|S] [$] digits [.] digits [$] [PR|MI|S], each step taken at most once. */
    private Optional<String> order() {
        List<List<Class<?>>> steps = List.of(List.of(OpenAngle.class), List.of(Minus.class, PlusOrMinus.class),
                List.of(Dollar.class), List.of(Group.class), List.of(Point.class), List.of(Group.class),
                List.of(Dollar.class), List.of(Minus.class, PlusOrMinus.class, CloseAngle.class));
        int index = 0;
        for (List<Class<?>> step : steps) {
            if (index < parts.size() && step.contains(parts.get(index).getClass())) {
                index++;
            }
        }
        if (index < parts.size()) {
            return invalid("UNEXPECTED_TOKEN", "Found the unexpected " + describe(parts.get(index)) + " in the "
                    + "format string; the structure of the format string must match: `[MI|S]` `[$]` `[0|9|G|,]*` "
                    + "`[.|D]` `[0|9]*` `[$]` `[PR|MI|S]`.");
        }
        return Optional.empty();
    }

    private static String describe(Part part) {
        if (part instanceof Point) {
            return ". or D";
        } else if (part instanceof Separator) {
            return ", or G";
        } else if (part instanceof Dollar) {
            return "$";
        } else if (part instanceof PlusOrMinus) {
            return "S";
        } else if (part instanceof Minus) {
            return "MI";
        } else if (part instanceof OpenAngle || part instanceof CloseAngle) {
            return "PR";
        } else if (part instanceof Unknown unknown) {
            return "character '" + unknown.character() + "''";
        }
        return "digit sequence";
    }

    private Optional<String> invalid(String subclass, String message) {
        return Optional.of("[INVALID_FORMAT." + subclass + "] The format is invalid: '" + format + "'. " + message);
    }
}
