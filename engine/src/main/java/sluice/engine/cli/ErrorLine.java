package sluice.engine.cli;

import java.io.PrintWriter;
import java.util.Locale;
import sluice.engine.diag.ControlCharacters;

/**
 * One {@code error: …} line on standard error. The text quotes what the user typed (a trigger, a path), so its
 * control characters are escaped: no argument can break the line in two or forge another. Stateless.
 */
final class ErrorLine {
    private ErrorLine() {
    }

    static void print(PrintWriter err, String format, Object... args) {
        err.println("error: " + ControlCharacters.escape(String.format(Locale.ROOT, format, args)));
        err.flush();
    }
}
