package sluice.engine.pipeline;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says in words for people what a JSON syntax error in a pipeline file is: what was found and what was expected
 * there. Jackson's messages name its codes, features and internal source descriptions; none of that is shown. Reads
 * the parser's message (its only account of what went wrong) and falls back to a plain sentence for any other.
 * Stateless.
 */
final class JsonSyntaxMessage {
    private static final String VALUE = "a value (text in double quotes, a number, true, false, null, [ or {)";
    private static final Pattern FOUND = Pattern.compile("^Unexpected character \\('(.*?)' \\(code (\\d+)\\)\\)");
    private static final Pattern TOKEN = Pattern.compile("^(?:Unrecognized|Non-standard) token '(.*?)'");
    private static final Pattern START = Pattern.compile("line: (\\d+), column: (\\d+)");
    private static final Pattern CLOSE = Pattern.compile("^Unexpected close marker '(.)': expected '(.)'");
    private static final Pattern DUPLICATE = Pattern.compile("^Duplicate field '(.*?)'");
    private static final Pattern ESCAPE = Pattern.compile("^Unrecognized character escape '(.*?)'");
    private static final Pattern CONTROL =
            Pattern.compile("^Illegal unquoted character \\(\\(CTRL-CHAR, code (\\d+)\\)\\)");

    private JsonSyntaxMessage() {
    }

    /** One line for the problem; {@code parserMessage} is Jackson's original message, without its location. */
    static String of(String parserMessage) {
        String message = parserMessage == null ? "" : parserMessage;
        String said = endOfInput(message);
        if (said == null) {
            said = unexpectedCharacter(message);
        }
        if (said == null) {
            said = other(message);
        }
        return "invalid JSON: " + said;
    }

    private static String endOfInput(String message) {
        if (!message.startsWith("Unexpected end-of-input")) {
            return null;
        }
        if (message.contains("closing quote")) {
            return "the file ends inside a text; expected '\"' to close it";
        }
        String opened = opened(message);
        if (message.contains("close marker for Array")) {
            return "the file ends too early; expected ']' to close the array" + opened;
        }
        if (message.contains("close marker for Object")) {
            return "the file ends too early; expected '}' to close the object" + opened;
        }
        return "the file ends too early; expected " + VALUE;
    }

    private static String unexpectedCharacter(String message) {
        Matcher found = FOUND.matcher(message);
        if (!found.find()) {
            return null;
        }
        String character = shown(found.group(1), Integer.parseInt(found.group(2)));
        if (message.contains("start field name")) {
            if (character.equals("'}'")) {
                return "found '}' where a name in double quotes was expected; remove the comma before it";
            }
            if (character.equals("'''")) {
                return "found ''' where a name in double quotes was expected; JSON names and texts take double quotes";
            }
            return "found " + character + " where a name in double quotes was expected";
        }
        if (message.contains("separate Object entries")) {
            return "found " + character + " where ',' or '}' was expected";
        }
        if (message.contains("separate Array entries")) {
            return "found " + character + " where ',' or ']' was expected";
        }
        if (message.contains("colon to separate")) {
            return "found " + character + " where ':' was expected after the name";
        }
        if (message.contains("comment")) {
            return "found " + character + "; JSON has no comments";
        }
        if (message.contains("numeric value")) {
            return "found " + character + " inside a number; write numbers such as 12, -3.5 or 1e6";
        }
        if (message.contains("expected a valid value")) {
            return "found " + character + " where " + VALUE + " was expected"
                    + (character.equals("']'") || character.equals("'}'") ? "; remove the comma before it" : "");
        }
        return "found " + character + " where it cannot be";
    }

    private static String other(String message) {
        Matcher token = TOKEN.matcher(message);
        if (token.find()) {
            return "found '" + token.group(1) + "' where " + VALUE + " was expected";
        }
        Matcher close = CLOSE.matcher(message);
        if (close.find()) {
            return "found '" + close.group(1) + "' where '" + close.group(2) + "' was expected to close the "
                    + (close.group(2).equals("]") ? "array" : "object") + opened(message);
        }
        Matcher duplicate = DUPLICATE.matcher(message);
        if (duplicate.find()) {
            return "the name '" + duplicate.group(1) + "' appears twice in one object";
        }
        Matcher escape = ESCAPE.matcher(message);
        if (escape.find()) {
            return "'\\" + escape.group(1) + "' is not an escape JSON knows; write '\\\\' for a backslash";
        }
        Matcher control = CONTROL.matcher(message);
        if (control.find()) {
            int code = Integer.parseInt(control.group(1));
            String what = code == '\n' || code == '\r' ? "a line break" : code == '\t' ? "a tab"
                    : String.format(Locale.ROOT, "the control character U+%04X", code);
            return "a text holds " + what + "; write it as an escape such as \\n or \\t inside the quotes";
        }
        if (message.contains("numeric value") || message.startsWith("Numeric value")) {
            return "a number is not written as JSON writes numbers, such as 12, -3.5 or 1e6";
        }
        if (message.startsWith("unexpected content after the end")) {
            return "there is more after the end of the pipeline's object";
        }
        return "the text here is not JSON";
    }

    /** Where the array or object being closed was opened, from the parser's note of its start. */
    private static String opened(String message) {
        Matcher start = START.matcher(message);
        return start.find() ? " opened at line " + start.group(1) + ", column " + start.group(2) : "";
    }

    /** A character as the person sees it: quoted, or a control character by its code. */
    private static String shown(String character, int code) {
        if (code < 0x20 || code == 0x7F) {
            return String.format(Locale.ROOT, "the control character U+%04X", code);
        }
        return "'" + character + "'";
    }
}
