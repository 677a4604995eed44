package sluice.engine.export;

import java.util.List;

/**
 * Mutable, one per rendering: the lines of a script, with comments and method calls laid out the same way in both
 * languages. A call whose line would pass {@value #WIDTH} columns puts each argument on its own line.
 */
final class ScriptText {
    static final int WIDTH = 100;

    private final StringBuilder text = new StringBuilder();
    private final String marker;
    private final String argumentIndent;

    /** {@code marker} starts a line comment; {@code argumentIndent} indents wrapped arguments past their call. */
    ScriptText(String marker, String argumentIndent) {
        this.marker = marker;
        this.argumentIndent = argumentIndent;
    }

    void line(String line) {
        text.append(line).append('\n');
    }

    void blank() {
        text.append('\n');
    }

    void comment(String comment) {
        comment("", comment);
    }

    void comment(String indent, String comment) {
        line(comment.isEmpty() ? indent + marker : indent + marker + " " + comment);
    }

    /** {@code .method(a, b)} at {@code indent}, or one argument a line when that is too wide. */
    void call(String indent, String method, List<String> args) {
        String oneLine = indent + "." + method + "(" + String.join(", ", args) + ")";
        if (oneLine.length() <= WIDTH || args.size() < 2) {
            line(oneLine);
            return;
        }
        line(indent + "." + method + "(");
        for (int i = 0; i < args.size(); i++) {
            line(indent + argumentIndent + args.get(i) + (i < args.size() - 1 ? "," : ""));
        }
        line(indent + ")");
    }

    /** Whether a code point may stand as itself in a string literal or comment of either language. */
    static boolean isPrintable(int c) {
        int type = Character.getType(c);
        return !Character.isISOControl(c) && type != Character.LINE_SEPARATOR
                && type != Character.PARAGRAPH_SEPARATOR && type != Character.SURROGATE
                && type != Character.UNASSIGNED && type != Character.FORMAT && type != Character.PRIVATE_USE;
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
