package sluice.engine.expr.compile;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import sluice.engine.expr.analyze.Typed;
import sluice.engine.types.AtomicType;
import sluice.engine.types.Bytes;

/**
 * String functions with Spark's rules: positions count characters (code points) from 1, a negative position counts
 * from the end, and binary values are cut in bytes. Stateless; kernels that cache a pattern memoise it.
 */
final class TextKernels {
    private TextKernels() {
    }

    /** The kernel for {@code call}, or null when this class has none. */
    static Kernel of(Typed.Call call) {
        boolean binary = call.type() == AtomicType.BINARY;
        return switch (call.function()) {
            case "ascii" -> (a, e) -> ((String) a[0]).isEmpty() ? 0L : (long) ((String) a[0]).codePointAt(0);
            case "chr" -> (a, e) -> chr((Long) a[0]);
            case "soundex" -> (a, e) -> Soundex.of((String) a[0]);
            case "space" -> (a, e) -> repeat(" ", (Long) a[0]);
            case "quote" -> (a, e) -> "'" + ((String) a[0]).replace("'", "\\'") + "'";
            case "luhn_check" -> (a, e) -> luhn((String) a[0]);
            case "levenshtein" -> (a, e) -> levenshtein((String) a[0], (String) a[1], a.length > 2 ? (Long) a[2]
                    : null);
            case "repeat" -> (a, e) -> repeat((String) a[0], (Long) a[1]);
            case "replace" -> (a, e) -> ((String) a[1]).isEmpty() ? a[0]
                    : ((String) a[0]).replace((String) a[1], (String) a[2]);
            case "translate" -> {
                Memo<String, Map<Integer, String>> dictionaries = new Memo<>(TextKernels::translation);
                yield (a, e) -> translate((String) a[0], dictionaries.get(a[1] + "\u0000" + a[2]));
            }
            case "substring" -> binary ? (a, e) -> Positions.bytes((Bytes) a[0], (Long) a[1], (Long) a[2])
                    : (a, e) -> Positions.substring((String) a[0], (Long) a[1], (Long) a[2]);
            case "left" -> binary ? (a, e) -> Positions.bytes((Bytes) a[0], 1, (Long) a[1])
                    : (a, e) -> Positions.substring((String) a[0], 1, (Long) a[1]);
            case "right" -> (a, e) -> (Long) a[1] <= 0 ? ""
                    : Positions.substring((String) a[0], -(Long) a[1], Integer.MAX_VALUE);
            case "overlay" -> binary ? (a, e) -> Positions.overlay((Bytes) a[0], (Bytes) a[1], (Long) a[2], (Long) a[3])
                    : (a, e) -> Positions.overlay((String) a[0], (String) a[1], (Long) a[2], (Long) a[3]);
            case "lpad", "rpad" -> {
                boolean left = call.function().equals("lpad");
                yield binary ? (a, e) -> Positions.pad((Bytes) a[0], (Long) a[1], (Bytes) a[2], left)
                        : (a, e) -> Positions.pad((String) a[0], (Long) a[1], (String) a[2], left);
            }
            case "trim", "ltrim", "rtrim" -> {
                boolean leading = !call.function().equals("rtrim");
                boolean trailing = !call.function().equals("ltrim");
                yield (a, e) -> a.length == 1 ? StringKernels.stripSpaces((String) a[0], leading, trailing)
                        : strip((String) a[0], (String) a[1], leading, trailing);
            }
            case "substring_index" -> (a, e) -> Positions.substringIndex((String) a[0], (String) a[1], (Long) a[2]);
            case "split_part" -> (a, e) -> splitPart((String) a[0], (String) a[1], (Long) a[2]);
            case "find_in_set" -> (a, e) -> findInSet((String) a[0], (String) a[1]);
            case "startswith" -> binary(call) ? (a, e) -> Positions.startsWith((Bytes) a[0], (Bytes) a[1])
                    : (a, e) -> ((String) a[0]).startsWith((String) a[1]);
            case "endswith" -> binary(call) ? (a, e) -> Positions.endsWith((Bytes) a[0], (Bytes) a[1])
                    : (a, e) -> ((String) a[0]).endsWith((String) a[1]);
            case "contains" -> binary(call) ? (a, e) -> Positions.indexOf((Bytes) a[0], (Bytes) a[1]) >= 0
                    : (a, e) -> ((String) a[0]).contains((String) a[1]);
            case "is_valid_utf8" -> (a, e) -> !(a[0] instanceof Bytes bytes) || Utf8.isValid(bytes);
            case "collate" -> (a, e) -> a[0];
            case "make_valid_utf8" -> (a, e) -> a[0] instanceof Bytes bytes ? bytes.toUtf8String() : a[0];
            case "validate_utf8" -> (a, e) -> a[0] instanceof Bytes bytes ? Utf8.validated(bytes) : a[0];
            case "try_validate_utf8" -> (a, e) -> !(a[0] instanceof Bytes bytes) ? a[0]
                    : Utf8.isValid(bytes) ? bytes.toUtf8String() : null;
            default -> null;
        };
    }

    /** The kernels that look at null arguments themselves (the others are null for any null argument). */
    static Kernel nullTolerant(Typed.Call call) {
        return switch (call.function()) {
            // locate's start of null gives 0 rather than null.
            case "locate", "position" -> (a, e) -> a[2] == null ? (Object) 0L : a[0] == null || a[1] == null ? null
                    : Positions.locate((String) a[1], (String) a[0], (Long) a[2]);
            case "elt" -> (a, e) -> elt(a);
            // Spark's collation is a constant of the argument's type, not null for a null value.
            case "collation" -> (a, e) -> "SYSTEM.BUILTIN.UTF8_BINARY";
            case "sentences" -> (a, e) -> a[0] == null ? null
                    : Sentences.of((String) a[0], (String) a[1], (String) a[2]);
            // A null replacement keeps that class of characters.
            case "mask" -> (a, e) -> a[0] == null ? null : mask((String) a[0], a[1], a[2], a[3], a[4]);
            default -> null;
        };
    }

    private static boolean binary(Typed.Call call) {
        return call.args().get(0).type() == AtomicType.BINARY;
    }

    /** str repeated n times; a result longer than a string can hold is an error instead of running out of memory. */
    static String repeat(String text, long times) {
        if (times <= 0 || text.isEmpty()) {
            return "";
        }
        if (times > (Integer.MAX_VALUE - 8) / text.length()) {
            throw RowFailure.invalidArgument("repeat would make a string of " + (times * text.length())
                    + " characters, more than a string can hold");
        }
        return text.repeat((int) times);
    }

    // Spark's chr: the character of the low byte; a negative number gives the empty string.
    private static String chr(long n) {
        return n < 0 ? "" : String.valueOf((char) (n & 0xFF));
    }

    private static boolean luhn(String digits) {
        if (digits.isEmpty()) {
            return false;
        }
        int sum = 0;
        boolean second = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            char c = digits.charAt(i);
            if (!Character.isDigit(c)) {
                return false;
            }
            int digit = Character.getNumericValue(c) * (second ? 2 : 1);
            sum += digit % 10 + digit / 10;
            second = !second;
        }
        return sum % 10 == 0;
    }

    /** The edit distance in code points; with a threshold, -1 when the distance is above it. */
    private static long levenshtein(String left, String right, Long threshold) {
        int[] s = left.codePoints().toArray();
        int[] t = right.codePoints().toArray();
        int[] previous = new int[s.length + 1];
        int[] current = new int[s.length + 1];
        for (int i = 0; i <= s.length; i++) {
            previous[i] = i;
        }
        for (int j = 0; j < t.length; j++) {
            current[0] = j + 1;
            for (int i = 0; i < s.length; i++) {
                int cost = s[i] == t[j] ? 0 : 1;
                current[i + 1] = Math.min(Math.min(current[i] + 1, previous[i + 1] + 1), previous[i] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        int distance = previous[s.length];
        return threshold == null || distance <= threshold ? distance : -1;
    }

    /** Spark's translate: each code point of {@code from} maps to the one at the same place in {@code to}. */
    private static Map<Integer, String> translation(String key) {
        int split = key.indexOf('\u0000');
        String from = key.substring(0, split);
        int[] to = key.substring(split + 1).codePoints().toArray();
        Map<Integer, String> dictionary = new HashMap<>();
        int[] sources = from.codePoints().toArray();
        for (int i = 0; i < sources.length; i++) {
            // The first mapping of a character wins; characters past the end of 'to' are deleted (null).
            if (!dictionary.containsKey(sources[i])) {
                dictionary.put(sources[i], i < to.length && to[i] != 0 ? Character.toString(to[i]) : null);
            }
        }
        return dictionary;
    }

    private static String translate(String text, Map<Integer, String> dictionary) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (!dictionary.containsKey(c)) {
                out.appendCodePoint(c);
            } else if (dictionary.get(c) != null) {
                out.append(dictionary.get(c));
            }
        });
        return out.toString();
    }

    /** trim with a set of characters to remove, each a code point of {@code characters}. */
    private static String strip(String text, String characters, boolean leading, boolean trailing) {
        int start = 0;
        int end = text.length();
        while (leading && start < end && characters.indexOf(text.codePointAt(start)) >= 0) {
            start += Character.charCount(text.codePointAt(start));
        }
        while (trailing && end > start && characters.indexOf(text.codePointBefore(end)) >= 0) {
            end -= Character.charCount(text.codePointBefore(end));
        }
        return text.substring(start, end);
    }

    /** split_part: the text split at every delimiter (none when it is empty), the part at 1-based partNum. */
    private static String splitPart(String text, String delimiter, long partNum) {
        if (partNum == 0) {
            throw RowFailure.invalidArgument("[INVALID_INDEX_OF_ZERO] The index 0 is invalid. An index shall be "
                    + "either < 0 or > 0 (the first element has index 1).");
        }
        String[] parts = delimiter.isEmpty() ? new String[] {text} : text.split(Pattern.quote(delimiter), -1);
        long index = partNum > 0 ? partNum - 1 : parts.length + partNum;
        return index < 0 || index >= parts.length ? "" : parts[(int) index];
    }

    private static long findInSet(String word, String set) {
        if (word.contains(",")) {
            return 0;
        }
        String[] items = set.split(",", -1);
        for (int i = 0; i < items.length; i++) {
            if (items[i].equals(word)) {
                return i + 1;
            }
        }
        return 0;
    }

    /** elt(n, v1, ...): the n-th value; an index outside 1..count fails as Spark's ANSI mode does. */
    private static Object elt(Object[] args) {
        if (args[0] == null) {
            return null;
        }
        long index = (Long) args[0];
        int count = args.length - 1;
        if (index < 1 || index > count) {
            throw RowFailure.invalidArgument("[INVALID_ARRAY_INDEX] The index " + index + " is out of bounds. The "
                    + "array has " + count + " elements. Use the SQL function `get()` to tolerate accessing element "
                    + "at invalid index and return NULL instead.");
        }
        return args[(int) index];
    }

    /** mask: upper-case letters, lower-case letters, digits and the rest, each by a UTF-16 unit, as Spark's. */
    private static String mask(String text, Object upper, Object lower, Object digit, Object other) {
        char[] out = text.toCharArray();
        for (int i = 0; i < out.length; i++) {
            Object replacement = switch (Character.getType(out[i])) {
                case Character.UPPERCASE_LETTER -> upper;
                case Character.LOWERCASE_LETTER -> lower;
                case Character.DECIMAL_DIGIT_NUMBER -> digit;
                default -> other;
            };
            if (replacement != null) {
                out[i] = ((String) replacement).charAt(0);
            }
        }
        return new String(out);
    }
}
