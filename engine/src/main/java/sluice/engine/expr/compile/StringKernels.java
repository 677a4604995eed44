package sluice.engine.expr.compile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** String functions with Spark's rules (1-based positions, negative positions count from the end). Stateless. */
final class StringKernels {
    private StringKernels() {
    }

    /** The kernel for a string function, or null if {@code name} is not one. */
    static Kernel of(String name) {
        return switch (name) {
            case "upper", "ucase" -> (a, e) -> upper((String) a[0]);
            case "lower", "lcase" -> (a, e) -> lower((String) a[0]);
            case "length", "char_length", "character_length" ->
                    (a, e) -> (long) ((String) a[0]).codePointCount(0, ((String) a[0]).length());
            case "reverse" -> (a, e) -> new StringBuilder((String) a[0]).reverse().toString();
            case "initcap" -> (a, e) -> TitleCase.initcap((String) a[0]);
            // Positions count characters (code points), not UTF-16 units.
            case "instr" -> (a, e) -> Positions.locate((String) a[0], (String) a[1], 1);
            case "concat" -> (a, e) -> {
                StringBuilder text = new StringBuilder();
                for (Object arg : a) {
                    text.append((String) arg);
                }
                return text.toString();
            };
            case "split" -> {
                Memo<String, Pattern> regexes = new Memo<>(p -> regex(p, name));
                yield (a, e) -> split((String) a[0], regexes.get((String) a[1]), (Long) a[2]);
            }
            case "regexp_replace" -> {
                Memo<String, Pattern> regexes = new Memo<>(p -> regex(p, name));
                yield (a, e) -> regexpReplace((String) a[0], regexes.get((String) a[1]), (String) a[2], (Long) a[3]);
            }
            case "regexp_extract" -> {
                Memo<String, Pattern> regexes = new Memo<>(p -> regex(p, name));
                yield (a, e) -> regexpExtract((String) a[0], regexes.get((String) a[1]), (Long) a[2]);
            }
            case "rlike" -> {
                Memo<String, Pattern> regexes = new Memo<>(p -> regex(p, name));
                yield (a, e) -> regexes.get((String) a[1]).matcher((String) a[0]).find();
            }
            case "like" -> {
                // The escape character is a constant the analyzer supplies, so the memo keys on the pattern alone.
                Memo<String, java.util.function.Predicate<String>> patterns = new Memo<>(p -> LikeMatcher.of(p, '\\'));
                Memo<String, java.util.function.Predicate<String>> escaped =
                        new Memo<>(key -> LikeMatcher.of(key.substring(1), key.charAt(0)));
                yield (a, e) -> {
                    char escape = ((String) a[2]).charAt(0);
                    return (escape == '\\' ? patterns.get((String) a[1]) : escaped.get(escape + (String) a[1]))
                            .test((String) a[0]);
                };
            }
            default -> null;
        };
    }

    /** Upper case; ASCII text takes a loop without locale tables and is returned as is when already upper case. */
    static String upper(String s) {
        return asciiCase(s, 'a', 'z', -32);
    }

    static String lower(String s) {
        return asciiCase(s, 'A', 'Z', 32);
    }

    private static String asciiCase(String s, char from, char to, int shift) {
        int n = s.length();
        int first = 0;
        while (first < n) {
            char c = s.charAt(first);
            if (c >= 0x80) {
                return shift < 0 ? s.toUpperCase(Locale.ROOT) : s.toLowerCase(Locale.ROOT);
            }
            if (c >= from && c <= to) {
                break;
            }
            first++;
        }
        if (first == n) {
            return s;
        }
        char[] out = new char[n];
        s.getChars(0, first, out, 0);
        for (int i = first; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                return shift < 0 ? s.toUpperCase(Locale.ROOT) : s.toLowerCase(Locale.ROOT);
            }
            out[i] = c >= from && c <= to ? (char) (c + shift) : c;
        }
        return new String(out);
    }

    /** Spark's trim without a set of characters removes spaces only, not tabs or line breaks. */
    static String stripSpaces(String s, boolean leading, boolean trailing) {
        int start = 0;
        int end = s.length();
        while (leading && start < end && s.charAt(start) == ' ') {
            start++;
        }
        while (trailing && end > start && s.charAt(end - 1) == ' ') {
            end--;
        }
        return s.substring(start, end);
    }

    static Pattern regex(String pattern, String function) {
        try {
            return Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            throw RowFailure.invalidArgument("[INVALID_PARAMETER_VALUE.PATTERN] The value of parameter(s) `regexp` "
                    + "in `" + function + "` is invalid: '" + pattern + "'.");
        }
    }

    private static List<String> split(String s, Pattern regex, long limit) {
        if (regex.pattern().isEmpty() && !s.isEmpty()) {
            return splitCharacters(s, limit);
        }
        String[] parts = regex.split(s, limit > 0 ? (int) limit : -1);
        List<String> out = new ArrayList<>(parts.length);
        for (String part : parts) {
            out.add(withoutLoneSurrogates(part));
        }
        // Java drops a leading empty piece for a zero-width match at 0; an empty input stays one empty string.
        return Collections.unmodifiableList(out);
    }

    /**
     * Spark's split by an empty pattern (UTF8String.split): one piece per character (code point) with no trailing
     * empty piece, and with a positive limit below the count the last piece keeps the rest.
     */
    private static List<String> splitCharacters(String s, long limit) {
        int characters = s.codePointCount(0, s.length());
        long pieces = limit > characters || limit <= 0 ? characters : limit;
        List<String> out = new ArrayList<>();
        int at = 0;
        for (int i = 0; i < pieces - 1; i++) {
            int next = s.offsetByCodePoints(at, 1);
            out.add(s.substring(at, next));
            at = next;
        }
        out.add(s.substring(at));
        return Collections.unmodifiableList(out);
    }

    /**
     * Spark's regexp_replace: matches from 1-based {@code position} on (anchors see that position as the start),
     * leaving the text as it is when the position is past its end.
     */
    private static String regexpReplace(String s, Pattern regex, String replacement, long position) {
        int from = (int) position - 1;
        if (from != 0 && from >= s.length()) {
            return s;
        }
        Matcher matcher = regex.matcher(s).region(from, s.length());
        StringBuilder out = new StringBuilder();
        try {
            while (matcher.find()) {
                matcher.appendReplacement(out, replacement);
            }
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw RowFailure.invalidArgument("[INVALID_REGEXP_REPLACE] Could not perform regexp_replace for source = "
                    + "\"" + s + "\", pattern = \"" + regex.pattern() + "\", replacement = \"" + replacement
                    + "\" and position = " + position + ".");
        }
        matcher.appendTail(out);
        return withoutLoneSurrogates(out.toString());
    }

    /**
     * {@code s} as Spark's UTF-8 strings hold it: a regex's empty match falls between the two halves of a character
     * beyond U+FFFF (as Java's does), and UTF-8 encodes each lone half as '?', as String.getBytes does.
     */
    static String withoutLoneSurrogates(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isSurrogate(s.charAt(i))) {
                return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
            }
        }
        return s;
    }

    private static String regexpExtract(String s, Pattern regex, long group) {
        Matcher matcher = regex.matcher(s);
        if (!matcher.find()) {
            return "";
        }
        // As Spark, the index is checked only against a match: a text the pattern does not match gives ''.
        if (group < 0 || group > matcher.groupCount()) {
            throw RowFailure.invalidArgument("[INVALID_PARAMETER_VALUE.REGEX_GROUP_INDEX] The value of parameter(s) "
                    + "`idx` in `regexp_extract` is invalid: Expects group index between 0 and "
                    + matcher.groupCount() + ", but got " + group + ".");
        }
        String found = matcher.group((int) group);
        return found == null ? "" : found;
    }

    /** A LIKE pattern as a regex: % any run, _ one character, the escape character makes the next one literal. */
    static Pattern likePattern(String pattern, char escape) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == escape) {
                if (i + 1 >= pattern.length()) {
                    throw RowFailure.invalidArgument("[INVALID_FORMAT.ESC_AT_THE_END] The format is invalid: '"
                            + pattern + "'. The escape character is not allowed to end with.");
                }
                char next = pattern.charAt(++i);
                // Spark lets the escape character stand only before _, % and itself.
                if (next != '_' && next != '%' && next != escape) {
                    throw RowFailure.invalidArgument("[INVALID_FORMAT.ESC_IN_THE_MIDDLE] The format is invalid: '"
                            + pattern + "'. The escape character is not allowed to precede '" + next + "'.");
                }
                regex.append(Pattern.quote(String.valueOf(next)));
            } else if (c == '%') {
                regex.append(".*");
            } else if (c == '_') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
