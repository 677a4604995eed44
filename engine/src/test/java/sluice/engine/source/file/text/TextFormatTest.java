package sluice.engine.source.file.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sluice.engine.source.SourceContext;
import sluice.engine.types.Row;

class TextFormatTest {
    @TempDir
    Path folder;

    @Test
    void everyLineIsARowIncludingEmptyOnes() throws IOException {
        Path file = folder.resolve("log.txt");
        Files.writeString(file, "first\r\n\nthird\n");

        var rows = new TextFormat().read(file,
                new SourceContext("log", null, Clock.systemUTC(), ZoneOffset.UTC)).rows();

        assertThat(rows).containsExactly(Row.of("first"), Row.of(""), Row.of("third"));
    }
}
