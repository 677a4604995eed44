package sluice.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import sluice.engine.plan.NodeCatalog;

/** The README's node reference is generated from the catalog; this keeps the two from drifting apart. */
class ReadmeNodeReferenceTest {
    private static final Path README = Path.of("..", "README.md");
    private static final String BEGIN = "<!-- nodes:begin -->\n";
    private static final String END = "<!-- nodes:end -->";

    @Test
    void readmeNodeReferenceMatchesTheCatalog() throws Exception {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        int begin = readme.indexOf(BEGIN) + BEGIN.length();
        int end = readme.indexOf(END);
        String generated = NodeReference.markdown(NodeCatalog.standard());

        if (Boolean.getBoolean("sluice.golden.update")) {
            Files.writeString(README, readme.substring(0, begin) + generated + readme.substring(end),
                    StandardCharsets.UTF_8);
            return;
        }

        assertThat(readme.substring(begin, end))
                .as("README node reference; regenerate with -Dsluice.golden.update=true")
                .isEqualTo(generated);
    }
}
