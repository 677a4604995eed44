package sluice.engine.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sluice.engine.diag.SluiceException;

class AtomicFileTest {
    @TempDir
    Path dir;

    private long filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.count();
        }
    }

    @Test
    void writesTheWholeFileUnderItsName() throws IOException {
        AtomicFile.write(dir.resolve("sub/0"), "v1\n{}", LogOwner.CHECKPOINT);

        assertThat(dir.resolve("sub/0")).hasContent("v1\n{}");
        assertThat(filesIn(dir.resolve("sub"))).isEqualTo(1);
    }

    @Test
    void aRenameThatFailsLeavesNoTemporaryFile() throws IOException {
        // A folder with a file in it stands where the file should go: writing succeeds, the rename cannot.
        Path target = Files.createDirectories(dir.resolve("0"));
        Files.writeString(target.resolve("inside"), "x");

        assertThatThrownBy(() -> AtomicFile.write(target, "v1", LogOwner.CHECKPOINT))
                .isInstanceOf(SluiceException.class)
                .hasMessageStartingWith("checkpointLocation: cannot write file '" + target + "': ");
        assertThat(filesIn(dir)).isEqualTo(1);
    }

    @Test
    void aFileWhereTheFolderShouldBeIsNamed() throws IOException {
        Files.writeString(dir.resolve("offsets"), "in the way");

        assertThatThrownBy(() -> AtomicFile.write(dir.resolve("offsets/0"), "v1", LogOwner.CHECKPOINT))
                .isInstanceOf(SluiceException.class)
                .hasMessage("checkpointLocation: cannot create folder '" + dir.resolve("offsets")
                        + "': a file of that name is in the way");
    }
}
