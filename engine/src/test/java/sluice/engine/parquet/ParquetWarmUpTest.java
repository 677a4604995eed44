package sluice.engine.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which pipeline texts start the warm-up of parquet-mr's reading classes (reading the file: WarmUpsTest). */
class ParquetWarmUpTest {
    @Test
    void pipelinesNamingTheParquetFormatWantIt() {
        assertThat(ParquetWarmUp.wantedBy("""
                {"format": "sluice/1", "nodes": [{"id": "in", "type": "source.file",
                 "options": {"path": "lake", "format": "parquet"}}]}""")).isTrue();
    }

    @Test
    void otherPipelinesDoNot() {
        assertThat(ParquetWarmUp.wantedBy("""
                {"format": "sluice/1", "nodes": [{"id": "in", "type": "source.file",
                 "options": {"path": "parquet-files", "format": "csv"}}]}""")).isFalse();
    }
}
