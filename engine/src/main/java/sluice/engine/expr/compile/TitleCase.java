package sluice.engine.expr.compile;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Spark's initcap under its default settings (ICU case mappings on UTF8_BINARY strings), with the JDK's Unicode
 * tables: the first character of each word (after an ASCII space) in title case, every other character in lower
 * case one code point at a time, with a capital sigma final or not by its neighbours and a capital dotted I as
 * {@code i} and a combining dot. Letters that gained a case partner after the JDK's Unicode version (ƛ and ɤ, given
 * capitals in Unicode 16) stay as they are where Spark's newer ICU changes them. Stateless.
 */
final class TitleCase {
    private static final int CAPITAL_SIGMA = 0x03A3;
    private static final int CAPITAL_I_WITH_DOT = 0x0130;
    private static final int CAPITAL_IOTA = 0x0399;
    private static final int YPOGEGRAMMENI = 0x0345;

    private TitleCase() {
    }

    static String initcap(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean wordStart = true;
        boolean precededByCased = false;
        for (int i = 0; i < s.length(); i += Character.charCount(s.codePointAt(i))) {
            int c = s.codePointAt(i);
            if (wordStart) {
                out.append(title(c));
            } else if (c == CAPITAL_SIGMA) {
                out.append(precededByCased && !followedByCased(s, i) ? 'ς' : 'σ');
            } else if (c == CAPITAL_I_WITH_DOT) {
                out.append("i\u0307");
            } else {
                out.appendCodePoint(Character.toLowerCase(c));
            }
            wordStart = c == ' ';
            if (!isCaseIgnorable(c)) {
                precededByCased = isCased(c);
            }
        }
        return out.toString();
    }

    /**
     * The full title case of one character. Most have a single-character mapping (the JDK's toTitleCase); those
     * whose upper case is several characters (ß, ligatures such as ﬁ, ŉ, Greek with a iota subscript) title-case to
     * that upper case with the cased letters after the first in lower case, and a iota that was a subscript
     * written as a subscript again (ᾲ is Ὰ and U+0345), as Unicode's SpecialCasing gives them.
     */
    private static String title(int c) {
        int simple = Character.toTitleCase(c);
        String upper = new String(Character.toChars(c)).toUpperCase(Locale.ROOT);
        if (simple != c || Character.getType(c) == Character.TITLECASE_LETTER
                || upper.codePointCount(0, upper.length()) == 1) {
            return new String(Character.toChars(simple));
        }
        boolean subscript = Normalizer.normalize(new String(Character.toChars(c)), Normalizer.Form.NFD)
                .indexOf(YPOGEGRAMMENI) >= 0;
        StringBuilder out = new StringBuilder();
        boolean seenCased = false;
        for (int i = 0; i < upper.length(); i += Character.charCount(upper.codePointAt(i))) {
            int u = upper.codePointAt(i);
            boolean last = i + Character.charCount(u) == upper.length();
            if (subscript && last && u == CAPITAL_IOTA) {
                out.appendCodePoint(YPOGEGRAMMENI);
            } else {
                out.appendCodePoint(seenCased ? Character.toLowerCase(u) : u);
            }
            seenCased |= isCased(u);
        }
        return out.toString();
    }

    private static boolean followedByCased(String s, int at) {
        for (int i = at + Character.charCount(s.codePointAt(at)); i < s.length();
                i += Character.charCount(s.codePointAt(i))) {
            int c = s.codePointAt(i);
            if (!isCaseIgnorable(c)) {
                return isCased(c);
            }
        }
        return false;
    }

    // Unicode's Cased: lower case (with Other_Lowercase, as the JDK's isLowerCase), upper case or title case.
    private static boolean isCased(int c) {
        return Character.isLowerCase(c) || Character.isUpperCase(c) || Character.isTitleCase(c);
    }

    // Unicode's Case_Ignorable: marks, format characters, modifier letters and symbols, and the word-internal
    // punctuation of Word_Break MidLetter, MidNumLet and Single_Quote.
    private static boolean isCaseIgnorable(int c) {
        return switch (Character.getType(c)) {
            case Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.FORMAT, Character.MODIFIER_LETTER,
                    Character.MODIFIER_SYMBOL -> true;
            default -> c == '\'' || c == '.' || c == ':' || c == 0x00B7 || c == 0x0387 || c == 0x055F
                    || c == 0x05F4 || c == 0x2018 || c == 0x2019 || c == 0x2024 || c == 0x2027 || c == 0xFE13
                    || c == 0xFE52 || c == 0xFE55 || c == 0xFF07 || c == 0xFF0E || c == 0xFF1A;
        };
    }
}
