package sluice.app;

import java.nio.file.Path;
import java.util.List;

/** What the command line asks of the workbench: a pipeline to open ({@code --open FILE}) and whether to run it. */
public record StartOptions(Path open, boolean run) {

    /** Parses {@code --open FILE} and {@code --run}; unknown arguments are ignored, as JavaFX passes its own. */
    public static StartOptions parse(List<String> args) {
        Path open = null;
        boolean run = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--open") && i + 1 < args.size()) {
                open = Path.of(args.get(++i));
            } else if (arg.startsWith("--open=")) {
                open = Path.of(arg.substring("--open=".length()));
            } else if (arg.equals("--run")) {
                run = true;
            }
        }
        return new StartOptions(open, run);
    }
}
