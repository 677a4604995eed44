package sluice.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.Position;
import sluice.engine.diag.Problem;
import sluice.engine.diag.SluiceException;
import sluice.engine.orc.OrcCodec;
import sluice.engine.orc.OrcFileReader;
import sluice.engine.orc.OrcFileWriter;
import sluice.engine.pipeline.PipelineJson;
import sluice.engine.pipeline.PipelineSpec;
import sluice.engine.pipeline.Trigger;
import sluice.engine.runtime.EngineEnvironment;
import sluice.engine.runtime.QueryOptions;
import sluice.engine.runtime.StreamingQuery;
import sluice.engine.sink.MemoryTables;
import sluice.engine.types.AtomicType;
import sluice.engine.types.Batch;
import sluice.engine.types.Field;
import sluice.engine.types.Row;
import sluice.engine.types.Schema;

/** {@code format: "orc"} of source.file and sink.file through the planner and a run, on real ORC files. */
class OrcSourceSinkTest {
    private static final Schema PEOPLE = Schema.of(Field.of("id", AtomicType.INT), Field.of("name", AtomicType.STRING));

    @TempDir
    Path dir;

    private final Planner planner = new Planner(NodeCatalog.standard());
    private final MemoryTables tables = new MemoryTables();

    private Planner.Result plan(String nodes) {
        PipelineSpec spec = PipelineJson.parse("""
                {"format": "sluice/1", "name": "t", "nodes": [%s]}
                """.formatted(nodes)).spec();
        return planner.plan(spec, new PlanEnvironment(dir, ZoneOffset.UTC));
    }

    private void run(Planner.Result result) {
        assertThat(result.problems()).isEmpty();
        EngineEnvironment environment = new EngineEnvironment(new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8), tables, Clock.systemUTC(), ZoneOffset.UTC, 2);
        StreamingQuery.create(result.plan(), new QueryOptions(new Trigger.AvailableNow(), null, 0), environment)
                .start().awaitTermination();
    }

    private void writeOrc(String name, Schema schema, Row... rows) throws IOException {
        Files.createDirectories(dir.resolve(name).getParent());
        try (OutputStream out = Files.newOutputStream(dir.resolve(name))) {
            OrcFileWriter.write(Batch.ofRows(schema, List.of(rows)), OrcCodec.DEFAULT, out);
        }
    }

    @Test
    void theSchemaIsReadFromTheFirstFileAndMergedWithMergeSchema() throws IOException {
        writeOrc("in/a.orc", PEOPLE, Row.of(1, "ann"));
        writeOrc("in/b.orc", Schema.of(Field.of("id", AtomicType.INT), Field.of("score", AtomicType.DOUBLE)),
                Row.of(2, 0.5));

        run(plan("""
                {"id": "files", "type": "source.file", "options": {"path": "in", "format": "orc",
                  "schemaInference": "true", "mergeSchema": "true"}},
                {"id": "out", "type": "sink.memory", "inputs": ["files"], "options": {"queryName": "people"}}
                """));

        MemoryTables.Table table = tables.table("people").orElseThrow();
        assertThat(table.schema()).isEqualTo(PEOPLE.append(Field.of("score", AtomicType.DOUBLE)));
        assertThat(table.rows()).containsExactlyInAnyOrder(Row.of(1, "ann", null), Row.of(2, null, 0.5));
    }

    @Test
    void whatTheSinkWritesTheSourceReadsBackWithTheCodecInTheFileName() throws IOException {
        writeOrc("in/a.orc", PEOPLE, Row.of(1, "ann"), Row.of(2, null));

        run(plan("""
                {"id": "files", "type": "source.file", "options": {"path": "in", "format": "orc",
                  "schema": "id INT, name STRING"}},
                {"id": "out", "type": "sink.file", "inputs": ["files"], "options": {"path": "out", "format": "orc",
                  "compression": "SNAPPY"}}
                """));

        List<Path> parts;
        try (Stream<Path> files = Files.list(dir.resolve("out"))) {
            parts = files.filter(p -> p.getFileName().toString().startsWith("part-")).toList();
        }
        assertThat(parts).isNotEmpty().allSatisfy(p -> assertThat(p.getFileName().toString()).endsWith(".snappy.orc"));
        List<Row> rows = new java.util.ArrayList<>();
        for (Path part : parts) {
            OrcFileReader.read(part, PEOPLE, null, 100, batch -> rows.addAll(batch.rows()));
        }
        assertThat(rows).containsExactlyInAnyOrder(Row.of(1, "ann"), Row.of(2, null));
    }

    @Test
    void aDamagedFileFailsTheRunNamingTheFile() throws IOException {
        Files.createDirectories(dir.resolve("in"));
        Files.writeString(dir.resolve("in/bad.orc"), "not orc");
        Planner.Result result = plan("""
                {"id": "files", "type": "source.file", "options": {"path": "in", "format": "orc",
                  "schema": "id INT"}},
                {"id": "out", "type": "sink.noop", "inputs": ["files"]}
                """);

        assertThatThrownBy(() -> run(result)).isInstanceOfSatisfying(SluiceException.class, e -> {
            assertThat(e.problem().code()).isEqualTo(ErrorCode.SOURCE_FAILED);
            assertThat(e.problem().message()).startsWith("cannot read file 'bad.orc': not an ORC file, or a "
                    + "damaged one").doesNotContain("\n");
        });
    }

    @Test
    void aDamagedFileWhileReadingTheSchemaIsAProblemNamingTheFile() throws IOException {
        Files.createDirectories(dir.resolve("in"));
        Files.writeString(dir.resolve("in/bad.orc"), "not orc");

        Planner.Result result = plan("""
                {"id": "files", "type": "source.file", "options": {"path": "in", "format": "orc",
                  "schemaInference": "true"}},
                {"id": "out", "type": "sink.noop", "inputs": ["files"]}
                """);

        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.where()).isEqualTo(Position.node("files"));
            assertThat(p.message()).startsWith("cannot read file 'bad.orc': not an ORC file");
        });
    }

    @Test
    void anEmptyFolderHasNoSchemaToRead() throws IOException {
        Files.createDirectories(dir.resolve("in"));

        Planner.Result result = plan("""
                {"id": "files", "type": "source.file", "options": {"path": "in", "format": "orc", "static": "true"}},
                {"id": "out", "type": "sink.noop", "inputs": ["files"]}
                """);

        assertThat(result.problems()).containsExactly(new Problem(ErrorCode.MISSING_OPTION,
                Position.option("files", "schema"), "[UNABLE_TO_INFER_SCHEMA] Unable to infer schema for ORC. It "
                        + "must be specified manually (no ORC file with columns under the path yet)"));
    }

    @Test
    void mergeSchemaRefusesAColumnOfTwoTypes() throws IOException {
        writeOrc("in/a.orc", PEOPLE, Row.of(1, "ann"));
        writeOrc("in/b.orc", Schema.of(Field.of("id", AtomicType.STRING)), Row.of("x"));

        Planner.Result result = plan("""
                {"id": "files", "type": "source.file", "options": {"path": "in", "format": "orc",
                  "schemaInference": "true", "mergeSchema": "true"}},
                {"id": "out", "type": "sink.noop", "inputs": ["files"]}
                """);

        assertThat(result.problems()).containsExactly(new Problem(ErrorCode.TYPE_MISMATCH,
                Position.option("files", "mergeSchema"), "[CANNOT_MERGE_INCOMPATIBLE_DATA_TYPE] Failed to merge "
                        + "incompatible data types \"INT\" and \"STRING\""));
    }

    private Planner.Result sink(String options) {
        return plan("""
                {"id": "rate", "type": "source.rate", "options": {}},
                {"id": "out", "type": "sink.file", "inputs": ["rate"], "options": {"path": "out", %s}}
                """.formatted(options));
    }

    @Test
    void anUnknownCodecIsAProblemListingTheCodecs() {
        assertThat(sink("\"format\": \"orc\", \"compression\": \"gzip\"").problems()).containsExactly(new Problem(
                ErrorCode.BAD_OPTION_VALUE, Position.option("out", "compression"),
                "[CODEC_NOT_AVAILABLE.WITH_AVAILABLE_CODECS_SUGGESTION] The codec 'gzip' is not available; "
                        + "available codecs are none, uncompressed, zlib, snappy, lzo, lz4, zstd"));
    }

    @Test
    void brotliIsAProblemSinceSparkNeedsAnExtraLibraryForIt() {
        assertThat(sink("\"format\": \"orc\", \"compression\": \"brotli\"").problems()).containsExactly(
                new Problem(ErrorCode.BAD_OPTION_VALUE, Position.option("out", "compression"), "codec 'brotli' needs "
                        + "an extra codec library that Spark 4.1 does not ship, brotli4j (native code per platform), "
                        + "and Spark's write fails without it; Sluice writes ORC with none, uncompressed, zlib, "
                        + "snappy, lzo, lz4, zstd"));
    }

    @Test
    void compressionOfATextFormatIsAProblem() {
        assertThat(sink("\"format\": \"json\", \"compression\": \"zstd\"").problems()).containsExactly(new Problem(
                ErrorCode.BAD_OPTION_VALUE, Position.option("out", "compression"),
                "'compression' is a parquet and orc option here; json files are written uncompressed"));
    }
}
