package sluice.engine.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which command-line arguments start the warm-up of parquet-mr's reading classes: real files. */
class ParquetWarmUpTest {
    @TempDir
    Path dir;

    @Test
    void pipelineFilesNamingTheParquetFormatAreRecognized() throws IOException {
        Path source = Files.writeString(dir.resolve("in.sluice.json"), """
                {"format": "sluice/1", "nodes": [{"id": "in", "type": "source.file",
                 "options": {"path": "lake", "format": "parquet"}}]}""");

        assertThat(ParquetWarmUp.mentionsParquet(source.toString())).isTrue();
    }

    @Test
    void otherArgumentsAreNot() throws IOException {
        Path csv = Files.writeString(dir.resolve("csv.sluice.json"), """
                {"format": "sluice/1", "nodes": [{"id": "in", "type": "source.file",
                 "options": {"path": "parquet-files", "format": "csv"}}]}""");
        Path large = dir.resolve("large.sluice.json");
        Files.writeString(large, "\"parquet\"" + " ".repeat(1 << 20));

        assertThat(ParquetWarmUp.mentionsParquet(csv.toString())).isFalse();
        assertThat(ParquetWarmUp.mentionsParquet(large.toString())).isFalse();
        assertThat(ParquetWarmUp.mentionsParquet("--trigger")).isFalse();
        assertThat(ParquetWarmUp.mentionsParquet(dir.resolve("missing.sluice.json").toString())).isFalse();
        assertThat(ParquetWarmUp.mentionsParquet(dir.toString())).isFalse();
    }
}
