package sluice.engine.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import sluice.engine.diag.ControlCharacters;
import sluice.engine.diag.Problem;

/** Prints problems one per line: file, node, option, line:column, message; control characters escaped. */
final class ProblemPrinter {
    private ProblemPrinter() {
    }

    static void print(PrintWriter err, Path file, List<Problem> problems) {
        String name = ControlCharacters.escape(file.toString());
        for (Problem problem : problems) {
            err.println(name + ": " + problem.render());
        }
        err.printf("%d problem%s in %s%n", problems.size(), problems.size() == 1 ? "" : "s", name);
        err.flush();
    }
}
