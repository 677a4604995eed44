package sluice.engine.expr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README lists every function the expression language knows; this keeps the list in step with the catalog. */
class ReadmeFunctionListTest {
    private static final Path README = Path.of("..", "README.md");
    private static final String BEGIN = "<!-- functions:begin -->\n";
    private static final String END = "<!-- functions:end -->";
    private static final int WIDTH = 116;

    /** Every name in backquotes, comma-separated, wrapped at {@link #WIDTH} columns. */
    static String markdown() {
        StringBuilder text = new StringBuilder();
        StringBuilder line = new StringBuilder();
        for (String name : ExpressionCompiler.functionNames()) {
            String item = "`" + name + "`,";
            if (line.length() > 0 && line.length() + 1 + item.length() > WIDTH) {
                text.append(line).append('\n');
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(item);
        }
        line.setLength(line.length() - 1);
        return text.append(line).append('\n').toString();
    }

    @Test
    void readmeFunctionListMatchesTheCatalog() throws Exception {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        assertThat(readme).contains(BEGIN, END);
        int begin = readme.indexOf(BEGIN) + BEGIN.length();
        int end = readme.indexOf(END);

        if (Boolean.getBoolean("sluice.golden.update")) {
            Files.writeString(README, readme.substring(0, begin) + markdown() + readme.substring(end),
                    StandardCharsets.UTF_8);
            return;
        }

        assertThat(readme.substring(begin, end))
                .as("README function list; regenerate with -Dsluice.golden.update=true").isEqualTo(markdown());
    }
}
