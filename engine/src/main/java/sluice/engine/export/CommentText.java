package sluice.engine.export;

/**
 * User text (node ids, pipeline names, option values) made safe for a one-line comment in either language: line
 * breaks and other control, separator or format characters become spaces, so nothing the user wrote can end the
 * comment or reorder how it is displayed.
 */
final class CommentText {
    private CommentText() {
    }

    static String clean(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.appendCodePoint(ScriptText.isPrintable(c) ? c : ' '));
        return out.toString();
    }

    static boolean isClean(String text) {
        return text.codePoints().allMatch(ScriptText::isPrintable);
    }
}
