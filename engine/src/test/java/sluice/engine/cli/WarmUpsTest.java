package sluice.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which command-line arguments the warm-ups read a pipeline's text from: real files. */
class WarmUpsTest {
    @TempDir
    Path dir;

    @Test
    void aPipelineFileIsReadOnce() throws IOException {
        String text = """
                {"format": "sluice/1", "nodes": [{"id": "in", "type": "source.kafka", "options": {}}]}""";
        Path pipeline = Files.writeString(dir.resolve("in.sluice.json"), text);

        assertThat(WarmUps.pipelineText(pipeline.toString())).contains(text);
    }

    @Test
    void otherArgumentsGiveNoText() throws IOException {
        Path large = dir.resolve("large.sluice.json");
        Files.writeString(large, "\"source.kafka\"" + " ".repeat(1 << 20));

        assertThat(WarmUps.pipelineText(large.toString())).isEmpty();
        assertThat(WarmUps.pipelineText("--trigger")).isEmpty();
        assertThat(WarmUps.pipelineText(dir.resolve("missing.sluice.json").toString())).isEmpty();
        assertThat(WarmUps.pipelineText(dir.toString())).isEmpty();
        assertThat(WarmUps.pipelineText("\0")).isEmpty();
    }
}
