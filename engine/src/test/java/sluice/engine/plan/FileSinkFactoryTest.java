package sluice.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.Position;
import sluice.engine.diag.Problem;
import sluice.engine.expr.ExpressionCompiler;
import sluice.engine.pipeline.NodeSpec;
import sluice.engine.pipeline.OptionValue;
import sluice.engine.types.ArrayType;
import sluice.engine.types.AtomicType;
import sluice.engine.types.Field;
import sluice.engine.types.MapType;
import sluice.engine.types.Schema;

class FileSinkFactoryTest {
    private final List<Problem> problems = new ArrayList<>();

    private Optional<PlannedNode> plan(Schema input, Map<String, String> options) {
        Map<String, OptionValue> values = new LinkedHashMap<>();
        options.forEach((name, value) -> values.put(name, new OptionValue.Text(value)));
        NodeSpec node = new NodeSpec("out", "sink.file", List.of("in"), 0, 0, values);
        PlanEnvironment environment = new PlanEnvironment(Path.of("/tmp"), ZoneId.of("UTC"));
        NodeContext context = new NodeContext(node, FileSinkFactory.KIND, List.of(input), environment,
                new ExpressionCompiler(ZoneId.of("UTC")), problems);
        return FileSinkFactory.type().factory().plan(context);
    }

    private static Map<String, String> options(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static final Schema NAMES = Schema.of(Field.of("name", AtomicType.STRING));

    @Test
    void appendModeMakesAFileSink() {
        Optional<PlannedNode> planned = plan(NAMES, options("path", "out", "format", "csv"));

        assertThat(problems).isEmpty();
        assertThat(planned).isPresent();
    }

    @Test
    void anEmptyPathIsAProblemAtThePathOption() {
        Optional<PlannedNode> planned = plan(NAMES, options("path", "", "format", "csv"));

        assertThat(planned).isEmpty();
        assertThat(problems).containsExactly(new Problem(ErrorCode.BAD_OPTION_VALUE, Position.option("out", "path"),
                "'path' cannot be empty"));
    }

    @Test
    void aFolderThatCannotBeMadeUnderAFileIsAProblemBeforeTheRun(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("taken"), "a file");

        Optional<PlannedNode> planned = plan(NAMES, options("path", dir.resolve("taken/out").toString(),
                "format", "csv"));

        assertThat(planned).isEmpty();
        assertThat(problems).containsExactly(new Problem(ErrorCode.BAD_OPTION_VALUE, Position.option("out", "path"),
                "cannot create folder '" + dir.resolve("taken/out") + "': '" + dir.resolve("taken") + "' is a file"));
        assertThat(dir.resolve("taken")).isRegularFile();
    }

    @Test
    void aPathThatIsAFileIsAProblemBeforeTheRun(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("taken"), "a file");

        plan(NAMES, options("path", dir.resolve("taken").toString(), "format", "csv"));

        assertThat(problems).containsExactly(new Problem(ErrorCode.BAD_OPTION_VALUE, Position.option("out", "path"),
                "'" + dir.resolve("taken") + "' is a file; sink.file writes into a folder"));
    }

    @Test
    void aFolderNotYetMadeIsLeftForTheRunToMake(@TempDir Path dir) {
        plan(NAMES, options("path", dir.resolve("new/out").toString(), "format", "csv"));

        assertThat(problems).isEmpty();
        assertThat(dir.resolve("new")).doesNotExist();
    }

    @Test
    void updateModeIsRejectedWithSparkMessage() {
        Optional<PlannedNode> planned = plan(NAMES, options("path", "out", "format", "csv", "outputMode", "update"));

        assertThat(planned).isEmpty();
        assertThat(problems).containsExactly(new Problem(ErrorCode.BAD_OUTPUT_MODE,
                Position.option("out", "outputMode"), "Data source csv does not support Update output mode"));
    }

    @Test
    void csvRejectsArrayAndMapColumns() {
        Schema input = Schema.of(Field.of("tags", new ArrayType(AtomicType.STRING, true)),
                Field.of("m", MapType.of(AtomicType.STRING, AtomicType.INT)));

        plan(input, options("path", "out", "format", "csv"));

        assertThat(problems).containsExactly(new Problem(ErrorCode.TYPE_MISMATCH, Position.option("out", "format"),
                "[UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE] The CSV datasource doesn't support the column `tags` of the "
                        + "type \"ARRAY<STRING>\""),
                new Problem(ErrorCode.TYPE_MISMATCH, Position.option("out", "format"),
                        "[UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE] The CSV datasource doesn't support the column `m` of "
                                + "the type \"MAP<STRING, INT>\""));
    }

    @Test
    void separatorMustBeOneCharacter() {
        plan(NAMES, options("path", "out", "format", "csv", "sep", "||"));

        assertThat(problems).extracting(Problem::message)
                .containsExactly("'sep' must be a single character, not '||'");
    }

    @Test
    void badTimestampPatternIsAProblem() {
        plan(NAMES, options("path", "out", "format", "json", "timestampFormat", "yyyy-MM-dd'T"));

        assertThat(problems).containsExactly(new Problem(ErrorCode.BAD_OPTION_VALUE,
                Position.option("out", "timestampFormat"),
                "'timestampFormat' is not a valid datetime pattern: 'yyyy-MM-dd'T'"));
    }

    @Test
    void textTakesOneStringColumn() {
        Optional<PlannedNode> planned = plan(NAMES, options("path", "out", "format", "text", "lineSep", "\r\n"));

        assertThat(problems).isEmpty();
        assertThat(planned).isPresent();
    }

    @Test
    void textRejectsAColumnThatIsNotAStringWithSparksMessage() {
        Schema input = Schema.of(Field.of("name", AtomicType.STRING), Field.of("n", AtomicType.INT));

        plan(input, options("path", "out", "format", "text"));

        assertThat(problems).containsExactly(new Problem(ErrorCode.TYPE_MISMATCH, Position.option("out", "format"),
                "The Text datasource doesn't support the column `n` of the type \"INT\""));
    }

    @Test
    void textRejectsTwoStringColumnsWithSparksMessageAndAFix() {
        Schema input = Schema.of(Field.of("a", AtomicType.STRING), Field.of("b", AtomicType.STRING));

        plan(input, options("path", "out", "format", "text"));

        assertThat(problems).containsExactly(new Problem(ErrorCode.TYPE_MISMATCH, Position.option("out", "format"),
                "Text data source supports only a single column, and you have 2 columns; select one STRING column, "
                        + "such as concat_ws(',', a, b) AS value"));
    }

    @Test
    void textRejectsAnEmptyLineSeparator() {
        plan(NAMES, options("path", "out", "format", "text", "lineSep", ""));

        assertThat(problems).containsExactly(new Problem(ErrorCode.BAD_OPTION_VALUE, Position.option("out", "lineSep"),
                "'lineSep' cannot be an empty string"));
    }

    @Test
    void csvAndJsonTakeALineSeparator() {
        Optional<PlannedNode> csv = plan(NAMES, options("path", "out", "format", "csv", "lineSep", ";"));
        Optional<PlannedNode> json = plan(NAMES, options("path", "out", "format", "json", "lineSep", "<end>"));

        assertThat(problems).isEmpty();
        assertThat(csv).isPresent();
        assertThat(json).isPresent();
    }

    @Test
    void csvRefusesALineSeparatorOfMoreThanTwoCharactersAsSparkDoes() {
        plan(NAMES, options("path", "out", "format", "csv", "lineSep", "abc"));

        assertThat(problems).containsExactly(new Problem(ErrorCode.BAD_OPTION_VALUE, Position.option("out", "lineSep"),
                "'lineSep' can contain only 1 character"));
    }

    @Test
    void parquetTakesSparksCodecNamesInAnyCase() {
        Optional<PlannedNode> zstd = plan(NAMES, options("path", "out", "format", "parquet", "compression", "ZSTD"));
        Optional<PlannedNode> lz4 = plan(NAMES, options("path", "out", "format", "parquet", "compression", "lz4"));

        assertThat(problems).isEmpty();
        assertThat(zstd).isPresent();
        assertThat(lz4).isPresent();
    }

    @Test
    void parquetRefusesANameSparkDoesNotKnowWithSparksErrorClass() {
        Optional<PlannedNode> bogus = plan(NAMES, options("path", "out", "format", "parquet", "compression", "bz2"));

        assertThat(bogus).isEmpty();
        assertThat(problems).containsExactly(new Problem(ErrorCode.BAD_OPTION_VALUE,
                Position.option("out", "compression"), "[CODEC_NOT_AVAILABLE.WITH_AVAILABLE_CODECS_SUGGESTION] The "
                        + "codec 'bz2' is not available; available codecs are none, uncompressed, snappy, gzip, lz4, "
                        + "lz4_raw, zstd"));
    }

    @Test
    void parquetRefusesLzoBeforeTheRunSinceSparkNeedsAnExtraLibraryForIt() {
        Optional<PlannedNode> lzo = plan(NAMES, options("path", "out", "format", "parquet", "compression", "lzo"));

        assertThat(lzo).isEmpty();
        assertThat(problems).containsExactly(new Problem(ErrorCode.BAD_OPTION_VALUE,
                Position.option("out", "compression"), "codec 'lzo' needs an extra codec library that Spark 4.1 does "
                        + "not ship, hadoop-lzo (com.hadoop.compression.lzo.LzoCodec), and Spark's write fails "
                        + "without it; Sluice writes Parquet with none, uncompressed, snappy, gzip, lz4, lz4_raw, "
                        + "zstd"));
    }

    @Test
    void parquetRefusesBrotliBeforeTheRunSinceSparkNeedsAnExtraLibraryForIt() {
        Optional<PlannedNode> brotli = plan(NAMES, options("path", "out", "format", "parquet", "compression",
                "BROTLI"));

        assertThat(brotli).isEmpty();
        assertThat(problems).containsExactly(new Problem(ErrorCode.BAD_OPTION_VALUE,
                Position.option("out", "compression"), "codec 'BROTLI' needs an extra codec library that Spark 4.1 "
                        + "does not ship, a Hadoop Brotli codec (org.apache.hadoop.io.compress.BrotliCodec), and "
                        + "Spark's write fails without it; Sluice writes Parquet with none, uncompressed, snappy, "
                        + "gzip, lz4, lz4_raw, zstd"));
    }

    @Test
    void parquetRefusesAnIntervalColumnAsSparkDoes() {
        plan(Schema.of(Field.of("gap", AtomicType.INTERVAL)), options("path", "out", "format", "parquet"));

        assertThat(problems).containsExactly(new Problem(ErrorCode.TYPE_MISMATCH, Position.option("out", "format"),
                "[UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE] The Parquet datasource doesn't support the column `gap` of the "
                        + "type \"INTERVAL DAY TO SECOND\""));
    }

    private Optional<PlannedNode> planPartitioned(Schema input, String... partitionBy) {
        Map<String, OptionValue> values = new LinkedHashMap<>();
        values.put("path", new OptionValue.Text("out"));
        values.put("format", new OptionValue.Text("csv"));
        values.put("partitionBy", new OptionValue.TextList(List.of(partitionBy)));
        NodeSpec node = new NodeSpec("out", "sink.file", List.of("in"), 0, 0, values);
        PlanEnvironment environment = new PlanEnvironment(Path.of("/tmp"), ZoneId.of("UTC"));
        NodeContext context = new NodeContext(node, FileSinkFactory.KIND, List.of(input), environment,
                new ExpressionCompiler(ZoneId.of("UTC")), problems);
        return FileSinkFactory.type().factory().plan(context);
    }

    private static final Schema TWO = Schema.of(Field.of("name", AtomicType.STRING), Field.of("n", AtomicType.INT));

    @Test
    void partitionByTakesColumnsOfTheInput() {
        assertThat(planPartitioned(TWO, "n")).isPresent();
        assertThat(problems).isEmpty();
    }

    @Test
    void partitionByAnUnknownColumnIsAProblem() {
        assertThat(planPartitioned(TWO, "x")).isEmpty();
        assertThat(problems).containsExactly(new Problem(ErrorCode.UNKNOWN_COLUMN,
                Position.option("out", "partitionBy"), "partition column `x` not found in schema "
                + "struct<name:string,n:int>"));
    }

    @Test
    void partitionByEveryColumnIsAProblemAsInSpark() {
        assertThat(planPartitioned(TWO, "name", "n")).isEmpty();
        assertThat(problems).containsExactly(new Problem(ErrorCode.BAD_OPTION_VALUE,
                Position.option("out", "partitionBy"), "cannot use all columns for partition columns; the files "
                + "need at least one column of their own"));
    }
}
