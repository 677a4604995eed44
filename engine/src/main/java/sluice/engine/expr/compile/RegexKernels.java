package sluice.engine.expr.compile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import sluice.engine.expr.analyze.Typed;

/**
 * ILIKE and the regular expression functions that find every match: regexp_count, regexp_extract_all,
 * regexp_substr and regexp_instr, with Java's regular expressions as Spark uses them. Stateless; each kernel
 * remembers its last pattern.
 */
final class RegexKernels {
    private RegexKernels() {
    }

    static Kernel of(Typed.Call call) {
        String name = call.function();
        return switch (name) {
            case "ilike" -> {
                Memo<String, Pattern> patterns = new Memo<>(key -> StringKernels.likePattern(
                        key.substring(1).toLowerCase(Locale.ROOT), key.charAt(0)));
                // Spark's ilike is LIKE on both sides in lower case.
                yield (a, e) -> patterns.get(a[2] + (String) a[1]).matcher(((String) a[0]).toLowerCase(Locale.ROOT))
                        .matches();
            }
            case "regexp_count" -> {
                Memo<String, Pattern> regexes = regexes("regexp_extract_all");
                yield (a, e) -> (long) extractAll((String) a[0], regexes.get((String) a[1]), 0).size();
            }
            case "regexp_extract_all" -> {
                Memo<String, Pattern> regexes = regexes(name);
                yield (a, e) -> extractAll((String) a[0], regexes.get((String) a[1]), (Long) a[2]);
            }
            case "regexp_substr" -> {
                Memo<String, Pattern> regexes = regexes("regexp_extract");
                // Spark's regexp_substr is nullif(regexp_extract(str, regexp, 0), '').
                yield (a, e) -> {
                    Matcher matcher = regexes.get((String) a[1]).matcher((String) a[0]);
                    return matcher.find() && !matcher.group().isEmpty() ? matcher.group() : null;
                };
            }
            case "regexp_instr" -> {
                Memo<String, Pattern> regexes = regexes(name);
                yield (a, e) -> {
                    Matcher matcher = regexes.get((String) a[1]).matcher((String) a[0]);
                    return matcher.find() ? (long) matcher.start() + 1 : 0L;
                };
            }
            default -> null;
        };
    }

    private static Memo<String, Pattern> regexes(String function) {
        return new Memo<>(p -> StringKernels.regex(p, function));
    }

    /** Group {@code group} of every match; a group that took no part in a match gives ''. */
    private static List<String> extractAll(String text, Pattern regex, long group) {
        Matcher matcher = regex.matcher(text);
        List<String> found = new ArrayList<>();
        while (matcher.find()) {
            if (group < 0 || group > matcher.groupCount()) {
                throw RowFailure.invalidArgument("[INVALID_PARAMETER_VALUE.REGEX_GROUP_INDEX] The value of "
                        + "parameter(s) `idx` in `regexp_extract_all` is invalid: Expects group index between 0 and "
                        + matcher.groupCount() + ", but got " + group + ".");
            }
            String value = matcher.group((int) group);
            found.add(value == null ? "" : value);
        }
        return Collections.unmodifiableList(found);
    }
}
