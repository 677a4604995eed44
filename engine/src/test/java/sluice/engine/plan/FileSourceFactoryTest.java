package sluice.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.Position;
import sluice.engine.diag.Problem;
import sluice.engine.diag.SluiceException;
import sluice.engine.pipeline.PipelineJson;
import sluice.engine.pipeline.PipelineSpec;
import sluice.engine.pipeline.Trigger;
import sluice.engine.runtime.EngineEnvironment;
import sluice.engine.runtime.QueryOptions;
import sluice.engine.runtime.StreamingQuery;
import sluice.engine.sink.MemoryTables;

/** The option checks of {@code source.file}, through the planner: each bad option is one exact, positioned problem. */
class FileSourceFactoryTest {
    @TempDir
    Path dir;

    private final Planner planner = new Planner(NodeCatalog.standard());

    private Planner.Result plan(String sourceOptions) {
        PipelineSpec spec = PipelineJson.parse("""
                {"format": "sluice/1", "name": "t", "nodes": [
                  {"id": "files", "type": "source.file", "options": {%s}},
                  {"id": "out", "type": "sink.noop", "inputs": ["files"]}
                ]}
                """.formatted(sourceOptions)).spec();
        return planner.plan(spec, new PlanEnvironment(dir, ZoneOffset.UTC));
    }

    @Test
    void aMissingSchemaWithoutSchemaInferenceIsAProblemAtTheSchemaOption() {
        Planner.Result result = plan("\"path\": \".\", \"format\": \"csv\"");

        assertThat(result.problems()).containsExactly(new Problem(ErrorCode.MISSING_OPTION,
                Position.option("files", "schema"),
                "source.file requires a 'schema' option; Spark streaming reads need one, or set schemaInference to "
                        + "'true'"));
    }

    @Test
    void jsonInAnotherCharsetNeedsALineSepAsSpark() {
        Planner.Result result = plan("\"path\": \".\", \"format\": \"json\", \"schema\": \"a INT\", "
                + "\"encoding\": \"UTF-16LE\"");

        assertThat(result.problems()).containsExactly(new Problem(ErrorCode.BAD_OPTION_VALUE,
                Position.option("files", "encoding"),
                "The lineSep option must be specified for the UTF-16LE encoding"));
    }

    @Test
    void jsonRefusesCharsetsWithAByteOrderMarkAsSpark() {
        Planner.Result result = plan("\"path\": \".\", \"format\": \"json\", \"schema\": \"a INT\", "
                + "\"charset\": \"UTF-16\", \"lineSep\": \"|\"");

        assertThat(result.problems()).containsExactly(new Problem(ErrorCode.BAD_OPTION_VALUE,
                Position.option("files", "charset"), "The UTF-16 encoding must not be included in the denyList when "
                        + "multiLine is disabled: denylist: UTF-16, UTF-32"));
    }

    @Test
    void aCharsetSparkDoesNotTakeIsAProblemWithSparksMessage() {
        Planner.Result result = plan("\"path\": \".\", \"format\": \"csv\", \"schema\": \"a INT\", "
                + "\"encoding\": \"windows-1252\"");

        assertThat(result.problems()).containsExactly(new Problem(ErrorCode.BAD_OPTION_VALUE,
                Position.option("files", "encoding"), "[INVALID_PARAMETER_VALUE.CHARSET] The value of parameter(s) "
                        + "`charset` in `CSVOptions` is invalid: expects one of the iso-8859-1, us-ascii, utf-16, "
                        + "utf-16be, utf-16le, utf-32, utf-8, but got windows-1252"));
    }

    @Test
    void anUnknownModeIsAProblemListingTheModes() {
        Planner.Result result = plan("\"path\": \".\", \"format\": \"csv\", \"schema\": \"a INT\", \"mode\": "
                + "\"LENIENT\"");

        assertThat(result.problems()).containsExactly(new Problem(ErrorCode.BAD_OPTION_VALUE,
                Position.option("files", "mode"),
                "'mode' must be one of PERMISSIVE, DROPMALFORMED, FAILFAST, not 'LENIENT'"));
    }

    @Test
    void csvRefusesAMapColumnAsSparkDoes() {
        Planner.Result result = plan("\"path\": \".\", \"format\": \"csv\", "
                + "\"schema\": \"a INT, m MAP<STRING, INT>\"");

        assertThat(result.problems()).containsExactly(new Problem(ErrorCode.TYPE_MISMATCH,
                Position.option("files", "schema"), "[UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE] The CSV datasource "
                        + "doesn't support the column `m` of the type \"MAP<STRING, INT>\""));
    }

    @Test
    void jsonRefusesAMapWithKeysOtherThanStrings() {
        Planner.Result result = plan("\"path\": \".\", \"format\": \"json\", "
                + "\"schema\": \"a ARRAY<MAP<INT, STRING>>, m MAP<STRING, INT>\"");

        assertThat(result.problems()).containsExactly(new Problem(ErrorCode.TYPE_MISMATCH,
                Position.option("files", "schema"), "JSON files hold maps with STRING keys only, but column 'a' has "
                        + "type ARRAY<MAP<INT, STRING>>"));
    }

    @Test
    void aFormatSluiceDoesNotReadIsAProblem() {
        Planner.Result result = plan("\"path\": \".\", \"format\": \"avro\", \"schema\": \"a INT\"");

        assertThat(result.problems()).containsExactly(new Problem(ErrorCode.BAD_OPTION_VALUE,
                Position.option("files", "format"), "'format' must be one of csv, json, text, parquet, orc, not "
                        + "'avro'"));
    }

    @Test
    void anUnknownSchemaTypeIsPositionedInsideTheOptionText() {
        Planner.Result result = plan("\"path\": \".\", \"format\": \"csv\", \"schema\": \"a INT, b DOUBL\"");

        assertThat(result.problems()).containsExactly(new Problem(ErrorCode.SCHEMA_SYNTAX,
                new Position("files", "schema", 1, 10), "unsupported data type 'DOUBL'"));
    }

    @Test
    void aSchemaWithAMissingCommaIsPositionedAtTheUnexpectedToken() {
        Planner.Result result = plan("\"path\": \".\", \"format\": \"csv\", \"schema\": \"a INT b DOUBLE\"");

        assertThat(result.problems()).containsExactly(new Problem(ErrorCode.SCHEMA_SYNTAX,
                new Position("files", "schema", 1, 7), "expected ',' or end of input but found 'b'"));
    }

    @Test
    void aMissingFolderIsAProblemAtThePathOptionAsSparkRefusesItBeforeTheStart() {
        Planner.Result result = plan("\"path\": \"nowhere\", \"format\": \"csv\", \"schema\": \"a INT\"");

        assertThat(result.problems()).containsExactly(new Problem(ErrorCode.BAD_OPTION_VALUE,
                Position.option("files", "path"), "[PATH_NOT_FOUND] Path does not exist: '" + dir.resolve("nowhere")
                        + "'; create the folder, or give a glob such as 'nowhere/*' to read files that appear later"));
    }

    @Test
    void aGlobWhoseFolderIsMissingIsPlannedAsSparkWaitsForWhatItMatches() {
        Planner.Result result = plan("\"path\": \"later/*.csv\", \"format\": \"csv\", \"schema\": \"a INT\"");

        assertThat(result.problems()).isEmpty();
    }

    @Test
    void aFolderRemovedAfterThePlanFailsTheRunNamingTheNodeAndThePath() throws Exception {
        java.nio.file.Files.createDirectories(dir.resolve("nowhere"));
        Planner.Result result = plan("\"path\": \"nowhere\", \"format\": \"csv\", \"schema\": \"a INT\"");
        assertThat(result.problems()).isEmpty();
        java.nio.file.Files.delete(dir.resolve("nowhere"));
        EngineEnvironment environment = new EngineEnvironment(new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8), new MemoryTables(), Clock.systemUTC(), ZoneOffset.UTC, 2);

        StreamingQuery query = StreamingQuery.create(result.plan(),
                new QueryOptions(new Trigger.AvailableNow(), null, 0), environment).start();

        assertThatThrownBy(query::awaitTermination).isInstanceOfSatisfying(SluiceException.class, e ->
                assertThat(e.problem()).isEqualTo(new Problem(ErrorCode.SOURCE_FAILED, Position.node("files"),
                        "path does not exist: '" + dir.resolve("nowhere") + "'")));
    }

    @Test
    void aPathThatNamesAFileIsAProblemAtThePathOptionAsSparkFailsOnIt() throws Exception {
        java.nio.file.Files.createDirectories(dir.resolve("in"));
        java.nio.file.Files.writeString(dir.resolve("in/b.csv"), "1\n");

        Planner.Result result = plan("\"path\": \"in/b.csv\", \"format\": \"text\"");

        assertThat(result.problems()).containsExactly(new Problem(ErrorCode.BAD_OPTION_VALUE,
                Position.option("files", "path"), "'in/b.csv' is a file, and Spark's file stream source reads folders "
                        + "and globs only; give its folder, with pathGlobFilter 'b.csv' to read only it"));
    }

    @Test
    void aGlobThatMatchesOneFileIsNoProblem() throws Exception {
        java.nio.file.Files.createDirectories(dir.resolve("in"));
        java.nio.file.Files.writeString(dir.resolve("in/b.csv"), "1\n");

        Planner.Result result = plan("\"path\": \"in/b.cs[v]\", \"format\": \"text\"");

        assertThat(result.problems()).isEmpty();
    }

    @Test
    void anEmptyPathIsAProblemAtThePathOption() {
        Planner.Result result = plan("\"path\": \"\", \"format\": \"text\"");

        assertThat(result.problems()).containsExactly(new Problem(ErrorCode.BAD_OPTION_VALUE,
                Position.option("files", "path"), "'path' cannot be empty"));
    }

    @Test
    void maxColumnsBelowOneAndMaxCharsPerColumnBelowMinusOneAreProblems() {
        Planner.Result result = plan("\"path\": \".\", \"format\": \"csv\", \"schema\": \"a INT\", "
                + "\"maxColumns\": \"0\", \"maxCharsPerColumn\": \"-2\"");

        assertThat(result.problems()).containsExactly(
                new Problem(ErrorCode.BAD_OPTION_VALUE, Position.option("files", "maxColumns"),
                        "'maxColumns' must be at least 1, not 0"),
                new Problem(ErrorCode.BAD_OPTION_VALUE, Position.option("files", "maxCharsPerColumn"),
                        "'maxCharsPerColumn' must be at least -1, not -2"));
    }

    @Test
    void aMaxColumnsBeyondAnIntIsAProblem() {
        Planner.Result result = plan("\"path\": \".\", \"format\": \"csv\", \"schema\": \"a INT\", "
                + "\"maxColumns\": \"3000000000\"");

        assertThat(result.problems()).containsExactly(new Problem(ErrorCode.BAD_OPTION_VALUE,
                Position.option("files", "maxColumns"), "'maxColumns' must be at most 2147483647, not 3000000000"));
    }

    @Test
    void maxFilesPerTriggerAndMaxBytesPerTriggerTogetherAreAProblemAsInSpark() {
        Planner.Result result = plan("\"path\": \".\", \"format\": \"text\", \"maxFilesPerTrigger\": \"1\", "
                + "\"maxBytesPerTrigger\": \"100\"");

        assertThat(result.problems()).containsExactly(new Problem(ErrorCode.BAD_OPTION_VALUE,
                Position.option("files", "maxBytesPerTrigger"), "'maxFilesPerTrigger' and 'maxBytesPerTrigger' "
                        + "can't be both set at the same time; keep one of them"));
    }

    @Test
    void aModifiedAfterThatIsNoTimestampIsAProblemAtItsOption() {
        Planner.Result result = plan("\"path\": \".\", \"format\": \"text\", \"static\": \"true\", "
                + "\"modifiedAfter\": \"yesterday\"");

        assertThat(result.problems()).containsExactly(new Problem(ErrorCode.BAD_OPTION_VALUE,
                Position.option("files", "modifiedAfter"), "the timestamp provided for the 'modifiedAfter' option is "
                        + "invalid; the expected format is 'YYYY-MM-DDTHH:mm:ss', but the provided timestamp was "
                        + "'yesterday'"));
    }

    @Test
    void modifiedBeforeOnAStreamIsAProblemAsSparkRefusesItInFileStreamSources() {
        Planner.Result result = plan("\"path\": \".\", \"format\": \"text\", "
                + "\"modifiedBefore\": \"2024-01-01T00:00:00\"");

        assertThat(result.problems()).containsExactly(new Problem(ErrorCode.BAD_OPTION_VALUE,
                Position.option("files", "modifiedBefore"), "option 'modifiedBefore' is not allowed in file stream "
                        + "sources; it filters static tables (static: true) only"));
    }

    @Test
    void maxBytesPerTriggerBelowOneIsAProblem() {
        Planner.Result result = plan("\"path\": \".\", \"format\": \"text\", \"maxBytesPerTrigger\": \"0\"");

        assertThat(result.problems()).containsExactly(new Problem(ErrorCode.BAD_OPTION_VALUE,
                Position.option("files", "maxBytesPerTrigger"), "'maxBytesPerTrigger' must be at least 1, not 0"));
    }

    @Test
    void anUnknownCleanSourceModeIsAProblemListingTheModes() {
        Planner.Result result = plan("\"path\": \".\", \"format\": \"text\", \"cleanSource\": \"move\"");

        assertThat(result.problems()).containsExactly(new Problem(ErrorCode.BAD_OPTION_VALUE,
                Position.option("files", "cleanSource"),
                "invalid mode 'move' for 'cleanSource'; must be one of ARCHIVE, DELETE, OFF"));
    }

    @Test
    void archiveWithoutSourceArchiveDirIsAProblem() {
        Planner.Result result = plan("\"path\": \".\", \"format\": \"text\", \"cleanSource\": \"archive\"");

        assertThat(result.problems()).containsExactly(new Problem(ErrorCode.MISSING_OPTION,
                Position.option("files", "cleanSource"),
                "archive mode must be used with the 'sourceArchiveDir' option"));
    }

    @Test
    void anArchiveDirWhereTheSourcePathCouldMatchIsAProblemAsInSpark() throws Exception {
        java.nio.file.Files.createDirectories(dir.resolve("in"));
        Planner.Result inside = plan("\"path\": \"in\", \"format\": \"text\", \"cleanSource\": \"archive\", "
                + "\"sourceArchiveDir\": \"in/archive\"");
        Planner.Result beside = plan("\"path\": \"in\", \"format\": \"text\", \"cleanSource\": \"archive\", "
                + "\"sourceArchiveDir\": \"archive\"");

        assertThat(inside.problems()).containsExactly(new Problem(ErrorCode.BAD_OPTION_VALUE,
                Position.option("files", "sourceArchiveDir"), "'in/archive' could hold files the source path 'in' "
                        + "matches, so archived files would be read again (Spark refuses it too); give a folder that "
                        + "differs from the path at the depth of the shorter of the two"));
        assertThat(beside.problems()).isEmpty();
    }

    @Test
    void partitionFoldersBecomeColumnsAfterTheDataColumnsWithTheirInferredTypes() throws Exception {
        java.nio.file.Files.createDirectories(dir.resolve("t/year=2024/day=2024-01-02"));
        java.nio.file.Files.writeString(dir.resolve("t/year=2024/day=2024-01-02/a.csv"), "1\n");
        Planner.Result result = plan("\"path\": \"t\", \"format\": \"csv\", \"schema\": \"YEAR STRING, n INT\"");

        assertThat(result.problems()).isEmpty();
        assertThat(result.plan().schemas().get("files").toDdl()).isEqualTo("n INT, YEAR STRING, day DATE");
    }

    @Test
    void foldersNamingDifferentPartitionColumnsAreAProblemAsSparkRefusesThem() throws Exception {
        java.nio.file.Files.createDirectories(dir.resolve("t/a=1"));
        java.nio.file.Files.createDirectories(dir.resolve("t/b=1"));
        java.nio.file.Files.writeString(dir.resolve("t/a=1/x.csv"), "1\n");
        java.nio.file.Files.writeString(dir.resolve("t/b=1/y.csv"), "1\n");
        Planner.Result result = plan("\"path\": \"t\", \"format\": \"csv\", \"schema\": \"n INT\"");

        assertThat(result.problems()).containsExactly(new Problem(ErrorCode.BAD_OPTION_VALUE,
                Position.option("files", "path"), "conflicting partition column names detected: [[a], [b]]; data "
                + "files must live in the deepest folders, and folders at one level must name the same partition "
                + "column"));
    }

    @Test
    void aStreamOverAFolderRefusesAnotherBasePath() throws Exception {
        java.nio.file.Files.createDirectories(dir.resolve("t/k=1"));
        Planner.Result result = plan("\"path\": \"t/k=1\", \"basePath\": \"t\", \"format\": \"csv\", "
                + "\"schema\": \"n INT\"");

        assertThat(result.problems()).extracting(Problem::where).containsExactly(
                Position.option("files", "basePath"));
    }
}
