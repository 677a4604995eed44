package sluice.app.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExamplesTest {
    private static final String[] ALL = {"json-messages", "kafka-echo", "rate-plus-one", "rate-windowed",
        "socket-lines", "socket-word-count", "stocks-monthly", "stocks-parquet", "stocks-replay", "stocks-sectors",
        "stocks-to-kafka", "stocks-trading-weeks"};

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
    void theConfiguredFolderComesFirst(@TempDir Path image) throws Exception {
        Path shipped = Files.createDirectories(image.resolve("lib/app/sample-data/pipelines"));

        assertThat(Examples.folder(Path.of("").toAbsolutePath(), shipped.toString())).contains(shipped);
    }

    @Test
    void aConfiguredFolderThatIsNotThereLeavesTheWorkingDirectoryLookup(@TempDir Path image) {
        Path moduleFolder = Path.of("").toAbsolutePath();

        assertThat(Examples.folder(moduleFolder, image.resolve("gone").toString()))
                .contains(moduleFolder.resolve("../sample-data/pipelines").normalize());
    }

    @Test
    void noneWhereThereIsNoSampleDataFolder(@TempDir Path elsewhere) {
        assertThat(Examples.list(elsewhere.resolve("a"))).isEmpty();
    }
}
