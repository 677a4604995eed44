package sluice.engine.expr.compile;

import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A LIKE pattern made into a test of a string. The shapes Spark's optimizer rewrites (LikeSimplification:
 * {@code 'x%'}, {@code '%x'}, {@code 'x%y'}, {@code '%x%'} and no wildcard at all, without the escape character) become
 * startsWith, endsWith, contains or equals, as there; the rest a regular expression. Both give the same answers; the
 * plain ones skip the regex engine, which took a second per million rows. Immutable.
 */
final class LikeMatcher {
    private static final Pattern STARTS_WITH = Pattern.compile("([^_%]+)%+");
    private static final Pattern ENDS_WITH = Pattern.compile("%+([^_%]+)");
    private static final Pattern STARTS_AND_ENDS_WITH = Pattern.compile("([^_%]+)%+([^_%]+)");
    private static final Pattern CONTAINS = Pattern.compile("%+([^_%]+)%+");
    private static final Pattern EQUAL_TO = Pattern.compile("[^_%]*");

    private LikeMatcher() {
    }

    static Predicate<String> of(String pattern, char escape) {
        if (pattern.indexOf(escape) < 0) {
            Matcher shape;
            if ((shape = STARTS_WITH.matcher(pattern)).matches()) {
                String prefix = shape.group(1);
                return s -> s.startsWith(prefix);
            } else if ((shape = ENDS_WITH.matcher(pattern)).matches()) {
                String suffix = shape.group(1);
                return s -> s.endsWith(suffix);
            } else if ((shape = STARTS_AND_ENDS_WITH.matcher(pattern)).matches()) {
                String prefix = shape.group(1);
                String suffix = shape.group(2);
                // The length keeps 'a' from matching 'a%a'.
                return s -> s.length() >= prefix.length() + suffix.length() && s.startsWith(prefix)
                        && s.endsWith(suffix);
            } else if ((shape = CONTAINS.matcher(pattern)).matches()) {
                String infix = shape.group(1);
                return s -> s.contains(infix);
            } else if (EQUAL_TO.matcher(pattern).matches()) {
                return pattern::equals;
            }
        }
        Pattern regex = StringKernels.likePattern(pattern, escape);
        return s -> regex.matcher(s).matches();
    }
}
