package sluice.app.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExamplesTest {
    private static final String[] ALL = {"json-messages", "kafka-echo", "rate-plus-one", "rate-windowed",
        "socket-lines", "stocks-monthly", "stocks-replay", "stocks-to-kafka"};

    @Test
    void foundFromTheAppModuleFolder() {
        assertThat(Examples.list(Path.of("").toAbsolutePath())).extracting(Examples::title).containsExactly(ALL);
    }

    @Test
    void foundFromTheRepositoryRoot() {
        Path root = Path.of("").toAbsolutePath().getParent();

        assertThat(Examples.list(root)).extracting(Examples::title).containsExactly(ALL);
    }

    @Test
    void noneWhereThereIsNoSampleDataFolder(@TempDir Path elsewhere) {
        assertThat(Examples.list(elsewhere.resolve("a"))).isEmpty();
    }
}
