package sluice.engine.expr.lex;

import java.util.List;

/**
 * Finds the number token Spark's lexer reads at an offset: the longest of its numeric rules, with ASCII digits only
 * and suffixes in any case. A decimal point or exponent only counts when no letter, digit or '_' follows the number
 * (Spark's {@code isValidDecimal}), so {@code 2.3W} is {@code 2} then {@code .3W}. The lexer still prefers a longer
 * identifier ({@code 123abc} is a name in Spark). Stateless.
 */
final class NumberLiterals {
    /** A number token: its kind, where it ends, and where its digits end (the value without the suffix). */
    record Match(TokenKind kind, int end, int valueEnd) {}

    private record Suffix(String letters, TokenKind kind) {}

    /** Suffixes allowed after plain digits only. */
    private static final List<Suffix> INTEGER_SUFFIXES = List.of(new Suffix("L", TokenKind.BIGINT),
            new Suffix("Y", TokenKind.TINYINT), new Suffix("S", TokenKind.SMALLINT));

    /** Suffixes allowed after digits, a decimal or an exponent; in Spark's rule order. */
    private static final List<Suffix> FRACTION_SUFFIXES = List.of(new Suffix("F", TokenKind.FLOAT),
            new Suffix("D", TokenKind.DOUBLE), new Suffix("BD", TokenKind.BIG_DECIMAL));

    private NumberLiterals() {
    }

    static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    /** The longest number at {@code start}, or null when none starts there. */
    static Match longest(String text, int start) {
        int digits = digitsEnd(text, start);
        Match best = null;
        if (digits > start) {
            for (Suffix suffix : INTEGER_SUFFIXES) {
                best = longer(best, suffixed(text, digits, suffix, false));
            }
            best = longer(best, new Match(TokenKind.INTEGER, digits, digits));
            int exponent = exponentEnd(text, digits);
            if (exponent > 0) {
                best = longer(best, new Match(TokenKind.DOUBLE, exponent, exponent));
            }
            best = longer(best, fractionSuffixed(text, digits, exponent, false));
        }
        int decimal = decimalEnd(text, start, digits);
        if (decimal > 0) {
            int exponent = exponentEnd(text, decimal);
            if (exponent > 0 && isValidDecimal(text, exponent)) {
                best = longer(best, new Match(TokenKind.DOUBLE, exponent, exponent));
            }
            if (isValidDecimal(text, decimal)) {
                best = longer(best, new Match(TokenKind.DECIMAL, decimal, decimal));
            }
            best = longer(best, fractionSuffixed(text, decimal, exponent, true));
        }
        return best;
    }

    /** F, D or BD right after {@code base} or after its exponent. */
    private static Match fractionSuffixed(String text, int base, int exponent, boolean checked) {
        Match best = null;
        for (Suffix suffix : FRACTION_SUFFIXES) {
            best = longer(best, suffixed(text, base, suffix, checked));
            if (exponent > 0) {
                best = longer(best, suffixed(text, exponent, suffix, checked));
            }
        }
        return best;
    }

    private static Match suffixed(String text, int valueEnd, Suffix suffix, boolean checked) {
        int end = valueEnd + suffix.letters().length();
        if (!text.regionMatches(true, valueEnd, suffix.letters(), 0, suffix.letters().length())
                || checked && !isValidDecimal(text, end)) {
            return null;
        }
        return new Match(suffix.kind(), end, valueEnd);
    }

    // Ties keep the earlier match: Spark's lexer prefers the rule it declares first.
    private static Match longer(Match best, Match candidate) {
        return candidate != null && (best == null || candidate.end() > best.end()) ? candidate : best;
    }

    private static int digitsEnd(String text, int from) {
        int i = from;
        while (i < text.length() && isDigit(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The end of {@code DIGIT+ '.' DIGIT*} or {@code '.' DIGIT+} at {@code start}, or -1. */
    private static int decimalEnd(String text, int start, int digits) {
        if (digits >= text.length() || text.charAt(digits) != '.') {
            return -1;
        }
        int fraction = digitsEnd(text, digits + 1);
        return digits > start || fraction > digits + 1 ? fraction : -1;
    }

    /** The end of {@code E [+-] DIGIT+} at {@code from}, or -1. */
    private static int exponentEnd(String text, int from) {
        if (from >= text.length() || Character.toUpperCase(text.charAt(from)) != 'E') {
            return -1;
        }
        int i = from + 1;
        if (i < text.length() && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            i++;
        }
        int end = digitsEnd(text, i);
        return end > i ? end : -1;
    }

    /** Spark's {@code isValidDecimal}: what follows, upper-cased, is not A-Z, 0-9 or '_'. */
    private static boolean isValidDecimal(String text, int end) {
        if (end >= text.length()) {
            return true;
        }
        int next = Character.toUpperCase(text.codePointAt(end));
        return !(next >= 'A' && next <= 'Z' || isDigit(next) || next == '_');
    }
}
