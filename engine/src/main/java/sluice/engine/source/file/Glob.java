package sluice.engine.source.file;

import java.util.regex.Pattern;

/**
 * Hadoop's glob syntax, which Spark uses for a source's {@code path} and its {@code pathGlobFilter}: {@code *} and
 * {@code ?} within one path part, {@code [abc]}, {@code [a-z]} and {@code [^a]} or {@code [!a]}, {@code {a,b}}
 * alternatives (nested too), and {@code \} to escape the next character. Stateless.
 */
final class Glob {
    private static final String SPECIAL = "{}[]*?\\";

    private Glob() {
    }

    /** Spark's {@code isGlobPath}: a path is a glob when it holds any of {@code {}[]*?\}. */
    static boolean isGlob(String path) {
        for (int i = 0; i < path.length(); i++) {
            if (SPECIAL.indexOf(path.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** A pattern that matches what {@code glob} matches in one path part; IllegalArgumentException when malformed. */
    static Pattern compile(String glob) {
        StringBuilder regex = new StringBuilder();
        int braces = 0;
        boolean inSet = false;
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '\\') {
                if (++i == glob.length()) {
                    throw new IllegalArgumentException("'\\' at the end of '" + glob + "' escapes nothing");
                }
                regex.append(Pattern.quote(String.valueOf(glob.charAt(i))));
            } else if (inSet) {
                if (c == ']') {
                    inSet = false;
                    regex.append(']');
                } else if ((c == '^' || c == '!') && glob.charAt(i - 1) == '[') {
                    regex.append('^');
                } else if (c == '-' && glob.charAt(i - 1) != '[') {
                    regex.append('-');
                } else {
                    // Java's own set syntax ([a[b]], &&) has no meaning in a glob.
                    regex.append(Character.isLetterOrDigit(c) ? String.valueOf(c) : "\\" + c);
                }
            } else if (c == '[') {
                inSet = true;
                regex.append('[');
            } else if (c == '*') {
                regex.append("[^/]*");
            } else if (c == '?') {
                regex.append("[^/]");
            } else if (c == '{') {
                braces++;
                regex.append("(?:");
            } else if (c == '}' && braces > 0) {
                braces--;
                regex.append(')');
            } else if (c == ',' && braces > 0) {
                regex.append('|');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        if (inSet) {
            throw new IllegalArgumentException("'[' in '" + glob + "' is not closed");
        }
        if (braces > 0) {
            throw new IllegalArgumentException("'{' in '" + glob + "' is not closed");
        }
        return Pattern.compile(regex.toString());
    }
}
