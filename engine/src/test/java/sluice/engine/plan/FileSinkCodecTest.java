package sluice.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import sluice.engine.pipeline.PipelineJson;
import sluice.engine.pipeline.PipelineSpec;
import sluice.engine.pipeline.Trigger;
import sluice.engine.runtime.EngineEnvironment;
import sluice.engine.runtime.QueryOptions;
import sluice.engine.runtime.StreamingQuery;
import sluice.engine.sink.MemoryTables;
import sluice.engine.types.Row;

/**
 * Each codec sink.file writes Parquet and ORC with, through a run: the part files named as Spark names them, and
 * source.file reading the folder back.
 */
class FileSinkCodecTest {
    @TempDir
    Path dir;

    private final MemoryTables tables = new MemoryTables();

    private void run(String nodes) {
        PipelineSpec spec = PipelineJson.parse("""
                {"format": "sluice/1", "name": "t", "nodes": [%s]}
                """.formatted(nodes)).spec();
        Planner.Result result = new Planner(NodeCatalog.standard()).plan(spec, new PlanEnvironment(dir,
                ZoneOffset.UTC));
        assertThat(result.problems()).isEmpty();
        EngineEnvironment environment = new EngineEnvironment(new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8), tables, Clock.systemUTC(), ZoneOffset.UTC, 2);
        StreamingQuery.create(result.plan(), new QueryOptions(new Trigger.AvailableNow(), null, 0), environment)
                .start().awaitTermination();
    }

    /** As Spark's options: {@code compression} first, then the format's own option, then the default. */
    @ParameterizedTest
    @CsvSource({"parquet, parquet.compression, , gzip, c000.gz.parquet",
            "parquet, parquet.compression, zstd, gzip, c000.zstd.parquet",
            "orc, orc.compress, , snappy, c000.snappy.orc", "orc, orc.compress, zstd, zlib, c000.zstd.orc"})
    void theFormatsOwnCodecOptionCountsWhenCompressionIsNotSet(String format, String own, String compression,
                                                               String codec, String ending) throws IOException {
        Files.createDirectories(dir.resolve("in"));
        Files.writeString(dir.resolve("in/a.json"), "{\"id\": 1}\n");

        run("""
                {"id": "in", "type": "source.file", "options": {"path": "in", "format": "json", "schema": "id INT"}},
                {"id": "out", "type": "sink.file", "inputs": ["in"], "options": {"path": "out", "format": "%s",
                  %s"%s": "%s"}}
                """.formatted(format, compression == null ? "" : "\"compression\": \"" + compression + "\", ", own,
                codec));

        try (Stream<Path> files = Files.list(dir.resolve("out"))) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(name -> name.startsWith("part-")))
                    .isNotEmpty().allSatisfy(name -> assertThat(name).endsWith("-" + ending));
        }
    }

    @ParameterizedTest
    @CsvSource({"parquet, parquet.compression", "orc, orc.compress"})
    void anUnknownCodecInTheFormatsOwnOptionIsAProblemOnThatOption(String format, String own) {
        PipelineSpec spec = PipelineJson.parse("""
                {"format": "sluice/1", "name": "t", "nodes": [
                 {"id": "in", "type": "source.rate", "options": {}},
                 {"id": "out", "type": "sink.file", "inputs": ["in"], "options": {"path": "out", "format": "%s",
                   "%s": "nope"}}]}
                """.formatted(format, own)).spec();

        Planner.Result result = new Planner(NodeCatalog.standard()).plan(spec, new PlanEnvironment(dir,
                ZoneOffset.UTC));

        assertThat(result.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.where().option()).isEqualTo(own);
            assertThat(problem.message()).startsWith(
                    "[CODEC_NOT_AVAILABLE.WITH_AVAILABLE_CODECS_SUGGESTION] The codec 'nope' is not available");
        });
    }

    @ParameterizedTest
    @CsvSource({"parquet, none, c000.parquet", "parquet, uncompressed, c000.parquet",
            "parquet, snappy, c000.snappy.parquet", "parquet, gzip, c000.gz.parquet",
            "parquet, LZ4, c000.lz4hadoop.parquet", "parquet, lz4_raw, c000.lz4raw.parquet",
            "parquet, zstd, c000.zstd.parquet", "orc, none, c000.orc", "orc, zlib, c000.zlib.orc",
            "orc, snappy, c000.snappy.orc", "orc, LZO, c000.lzo.orc", "orc, lz4, c000.lz4.orc",
            "orc, zstd, c000.zstd.orc"})
    void whatTheSinkWritesWithACodecTheSourceReadsBack(String format, String codec, String ending)
            throws IOException {
        Files.createDirectories(dir.resolve("in"));
        Files.writeString(dir.resolve("in/a.json"), """
                {"id": 1, "name": "ann"}
                {"id": 2}
                {"id": 3, "name": "a longer name, repeated: a longer name, repeated"}
                """);

        run("""
                {"id": "in", "type": "source.file", "options": {"path": "in", "format": "json",
                  "schema": "id INT, name STRING"}},
                {"id": "out", "type": "sink.file", "inputs": ["in"], "options": {"path": "out", "format": "%s",
                  "compression": "%s"}}
                """.formatted(format, codec));
        run("""
                {"id": "files", "type": "source.file", "options": {"path": "out", "format": "%s",
                  "schema": "id INT, name STRING"}},
                {"id": "back", "type": "sink.memory", "inputs": ["files"], "options": {"queryName": "back"}}
                """.formatted(format));

        List<String> parts;
        try (Stream<Path> files = Files.list(dir.resolve("out"))) {
            parts = files.map(p -> p.getFileName().toString()).filter(name -> name.startsWith("part-")).toList();
        }
        assertThat(parts).isNotEmpty().allSatisfy(name -> assertThat(name).endsWith("-" + ending));
        assertThat(tables.table("back").orElseThrow().rows()).containsExactlyInAnyOrder(Row.of(1, "ann"),
                Row.of(2, null), Row.of(3, "a longer name, repeated: a longer name, repeated"));
    }
}
