package sluice.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.Problem;

class PipelineJsonTest {
    @TempDir
    Path dir;

    private static final String STOCKS = """
            {
              "format": "sluice/1",
              "name": "Stocks",
              "trigger": { "processingTime": "1 second" },
              "checkpointLocation": null,
              "nodes": [
                { "id": "stocks", "type": "source.file", "x": 60, "y": 120,
                  "options": { "path": "stocks", "format": "csv", "maxFilesPerTrigger": 1 } },
                { "id": "change", "type": "transform.select", "inputs": ["stocks"], "x": 300, "y": 120,
                  "options": { "expressions": ["Name", "Close - Open AS change"] } }
              ]
            }
            """;

    @Test
    void readsNodesOptionsAndTrigger() {
        PipelineJson.Read read = PipelineJson.parse(STOCKS);

        assertThat(read.problems()).isEmpty();
        PipelineSpec spec = read.spec();
        assertThat(spec.name()).isEqualTo("Stocks");
        assertThat(spec.trigger()).isEqualTo(new Trigger.ProcessingTime(Duration.ofSeconds(1), "1 second"));
        assertThat(spec.nodes()).extracting(NodeSpec::id).containsExactly("stocks", "change");
        NodeSpec stocks = spec.nodes().get(0);
        assertThat(stocks.options().keySet()).containsExactly("path", "format", "maxFilesPerTrigger");
        assertThat(stocks.option("maxFilesPerTrigger")).contains(OptionValue.of("1"));
        assertThat(spec.nodes().get(1).option("expressions"))
                .contains(OptionValue.of(List.of("Name", "Close - Open AS change")));
        assertThat(spec.nodes().get(1).inputs()).containsExactly("stocks");
    }

    @Test
    void aTriggerOtherThanTheDefaultIsWritten() {
        PipelineSpec spec = new PipelineSpec(PipelineSpec.FORMAT, "p", new Trigger.AvailableNow(), null, List.of());

        assertThat(PipelineJson.write(spec)).contains("\"trigger\" : {\n    \"availableNow\" : true\n  }");
    }

    @Test
    void writingAndReadingAgainGivesTheSameSpec() {
        PipelineSpec spec = PipelineJson.parse(STOCKS).spec();

        PipelineJson.Read again = PipelineJson.parse(PipelineJson.write(spec));

        assertThat(again.spec()).isEqualTo(spec);
        assertThat(again.problems()).isEmpty();
    }

    @Test
    void whatTheWorkbenchWritesForANewPipelineReadsWithoutProblems() {
        PipelineSpec fresh = new PipelineSpec(PipelineSpec.FORMAT, "Untitled", Trigger.DEFAULT, null, List.of(
                new NodeSpec("rate-1", "source.rate", List.of(), 12.5, -3, java.util.Map.of()),
                new NodeSpec("noop-1", "sink.noop", List.of("rate-1"), 200, 40,
                        java.util.Map.of("outputMode", OptionValue.of("append")))));

        String text = PipelineJson.write(fresh);
        PipelineJson.Read read = PipelineJson.parse(text);

        assertThat(text).contains("\"checkpointLocation\" : null").doesNotContain("trigger");
        assertThat(read.problems()).isEmpty();
        assertThat(read.spec()).isEqualTo(fresh);
    }

    @Test
    void syntaxErrorNamesLineAndColumn() {
        PipelineJson.Read read = PipelineJson.parse("{\n  \"format\": \"sluice/1\",\n  \"nodes\": [ }\n");

        assertThat(read.spec()).isNull();
        Problem problem = read.problems().get(0);
        assertThat(problem.code()).isEqualTo(ErrorCode.INVALID_FILE);
        assertThat(problem.where().line()).isEqualTo(3);
        assertThat(problem.where().column()).isEqualTo(14);
        assertThat(problem.message()).isEqualTo(
                "invalid JSON: found '}' where ']' was expected to close the array opened at line 3, column 12");
    }

    static Stream<Arguments> brokenFiles() {
        String value = "a value (text in double quotes, a number, true, false, null, [ or {)";
        return Stream.of(
                Arguments.of("{\"format\": \"sluice/1\", \"nodes\": [],}",
                        "1:36: found '}' where a name in double quotes was expected; remove the comma before it"),
                Arguments.of("{\"format\": \"sluice/1\" \"nodes\": []}",
                        "1:23: found '\"' where ',' or '}' was expected"),
                Arguments.of("{\"format\": \"sluice/1\",\n \"nodes\": [",
                        "2:12: the file ends too early; expected ']' to close the array opened at line 2, column 11"),
                Arguments.of("{format: 1}", "1:2: found 'f' where a name in double quotes was expected"),
                Arguments.of("{'format': 1}", "1:2: found ''' where a name in double quotes was expected; JSON names "
                        + "and texts take double quotes"),
                Arguments.of("{\"nodes\": [tru]}", "1:12: found 'tru' where " + value + " was expected"),
                Arguments.of("{\"nodes\": [1,]}", "1:14: found ']' where " + value + " was expected; remove the comma "
                        + "before it"),
                Arguments.of("{\"nodes\" []}", "1:10: found '[' where ':' was expected after the name"),
                Arguments.of("{\"a\": 01}",
                        "1:8: a number is not written as JSON writes numbers, such as 12, -3.5 or 1e6"),
                Arguments.of("{\"a\": \"\\q\"}",
                        "1:9: '\\q' is not an escape JSON knows; write '\\\\' for a backslash"),
                Arguments.of("{\"a\": \"abc", "1:11: the file ends inside a text; expected '\"' to close it"),
                Arguments.of("// note\n{}", "1:1: found '/'; JSON has no comments"),
                Arguments.of("{\"a\": 1} {}", "1:11: there is more after the end of the pipeline's object"),
                Arguments.of("{\"name\": \"two\nlines\"}",
                        "1:14: a text holds a line break; write it as an escape such as \\n or \\t inside the quotes"));
    }

    @ParameterizedTest
    @MethodSource("brokenFiles")
    void aSyntaxErrorSaysWhatWasFoundAndWhatWasExpectedInWords(String text, String expected) {
        PipelineJson.Read read = PipelineJson.parse(text);

        assertThat(read.spec()).isNull();
        String[] at = expected.split(": ", 2);
        assertThat(read.problems()).extracting(Problem::render).containsExactly(at[0] + ": invalid JSON: " + at[1]);
    }

    @Test
    void unknownTriggerAndFormatAreProblems() {
        PipelineJson.Read read = PipelineJson.parse(
                "{\"format\": \"sluice/9\", \"trigger\": {\"processingTime\": \"soon\"}, \"nodes\": []}");

        assertThat(read.problems()).extracting(Problem::render).containsExactly(
                "unknown format 'sluice/9'; this version reads 'sluice/1'",
                "trigger: invalid processingTime 'soon'; write it like '1 second' or '500 milliseconds'");
    }

    @Test
    void triggersOnceAndAvailableNowRoundTrip() {
        assertThat(PipelineJson.parse("{\"trigger\": {\"once\": true}, \"nodes\": []}").spec().trigger())
                .isEqualTo(new Trigger.Once());
        assertThat(PipelineJson.parse("{\"trigger\": {\"availableNow\": true}, \"nodes\": []}").spec().trigger())
                .isEqualTo(new Trigger.AvailableNow());
        assertThat(PipelineJson.parse("{\"nodes\": []}").spec().trigger()).isEqualTo(Trigger.DEFAULT);
    }

    @Test
    void durationsTakeSparkForms() {
        assertThat(DurationText.parse("10 seconds")).contains(Duration.ofSeconds(10));
        assertThat(DurationText.parse("500 milliseconds")).contains(Duration.ofMillis(500));
        assertThat(DurationText.parse("5s")).contains(Duration.ofSeconds(5));
        assertThat(DurationText.parse("7d")).contains(Duration.ofDays(7));
        assertThat(DurationText.parse("1 minute 30 seconds")).contains(Duration.ofSeconds(90));
        assertThat(DurationText.parse("0")).contains(Duration.ZERO);
        assertThat(DurationText.parse("soon")).isEmpty();
        assertThat(DurationText.parse("")).isEmpty();
    }

    @Test
    void aMissingFormatIsAProblem() {
        PipelineJson.Read read = PipelineJson.parse("{\"name\": \"p\", \"nodes\": []}");

        assertThat(read.problems()).extracting(Problem::render).containsExactly(
                "the file has no 'format'; a pipeline file starts with \"format\": \"sluice/1\"");
    }

    @Test
    void unknownKeysAreProblemsWithASuggestion() {
        PipelineJson.Read read = PipelineJson.parse("""
                {"format": "sluice/1", "triger": {"once": true}, "chekpointLocation": "chk", "colour": "red",
                 "trigger": {"procesingTime": "1 second"},
                 "nodes": [{"id": "rate", "type": "source.rate", "option": {}, "inputz": []}]}
                """);

        assertThat(read.problems()).extracting(Problem::render).containsExactly(
                "unknown key 'triger'; did you mean 'trigger'?",
                "unknown key 'chekpointLocation'; did you mean 'checkpointLocation'?",
                "unknown key 'colour'; a pipeline file takes format, name, trigger, checkpointLocation, nodes",
                "trigger: unknown key 'procesingTime'; did you mean 'processingTime'?",
                "rate: unknown key 'option'; did you mean 'options'?",
                "rate: unknown key 'inputz'; did you mean 'inputs'?");
        assertThat(read.problems()).extracting(Problem::code).containsOnly(ErrorCode.INVALID_FILE);
    }

    @Test
    void wronglyTypedTopLevelFieldsAreProblems() {
        PipelineJson.Read read = PipelineJson.parse("""
                {"format": 1, "name": ["p"], "trigger": "once", "checkpointLocation": 42, "nodes": {}}
                """);

        assertThat(read.problems()).extracting(Problem::render).containsExactly(
                "'format' must be \"sluice/1\", not a number",
                "'name' must be a string, not an array",
                "trigger: 'trigger' must be an object such as {\"processingTime\": \"1 second\"}, {\"once\": true} or "
                        + "{\"availableNow\": true}, not a string",
                "'checkpointLocation' must be a folder (a string) or null for none, not a number",
                "'nodes' must be an array of nodes, not an object");
        assertThat(PipelineJson.parse("{\"format\": \"sluice/1\", \"checkpointLocation\": \" \", \"nodes\": []}")
                .problems()).extracting(Problem::render).containsExactly(
                "'checkpointLocation' must be a folder (a string) or null for none, not an empty string");
    }

    @Test
    void wronglyTypedNodeFieldsAreProblems() {
        PipelineJson.Read read = PipelineJson.parse("""
                {"format": "sluice/1", "nodes": [
                  {"id": 7, "type": "source.rate"},
                  {"id": "rate", "type": true, "x": "left", "y": 1e999,
                   "options": {"rowsPerSecond": null, "numPartitions": {"n": 2}, "rampUpTime": 5}},
                  {"id": "s", "type": "transform.select", "inputs": ["rate", 3],
                   "options": {"expressions": ["value", 1, null]}},
                  {"id": "out", "type": "sink.noop", "inputs": "s", "options": []}
                ]}
                """);

        assertThat(read.problems()).extracting(Problem::render).containsExactly(
                "node 1: 'id' must be a string such as \"filter-2\", not a number",
                "rate / type: 'type' must be a node type such as \"source.rate\", not true",
                "rate: 'x' is a canvas position and must be a number, not a string",
                "rate: 'y' is too large for a canvas position",
                "rate / rowsPerSecond: an option value is a string or an array of strings, not null; leave the "
                        + "option out to unset it",
                "rate / numPartitions: an option value is a string or an array of strings, not an object",
                "s / inputs: input 2 must be a node id (a string), not a number",
                "s / expressions #2: an element of 'expressions' must be a string, not a number",
                "s / expressions #3: an element of 'expressions' must be a string, not null",
                "out / inputs: 'inputs' must be an array of node ids, not a string",
                "out: 'options' must be a JSON object, not an array");
        NodeSpec rate = read.spec().nodes().get(0);
        assertThat(rate.option("rampUpTime")).as("Spark's option(key, long) takes a number as its text")
                .contains(OptionValue.of("5"));
        assertThat(read.spec().nodes().get(1).option("expressions")).contains(OptionValue.of(List.of("value")));
    }

    @Test
    void aTriggerHasOneKeyOfItsKind() {
        assertThat(PipelineJson.parse("{\"format\": \"sluice/1\", \"nodes\": [], "
                + "\"trigger\": {\"once\": true, \"processingTime\": \"1 second\"}}").problems())
                .extracting(Problem::render).containsExactly("trigger: a trigger is one of {\"processingTime\": "
                        + "\"1 second\"}, {\"once\": true} or {\"availableNow\": true}; this one has processingTime "
                        + "and once");
        assertThat(PipelineJson.parse("{\"format\": \"sluice/1\", \"nodes\": [], \"trigger\": {\"once\": false}}")
                .problems()).extracting(Problem::render).containsExactly(
                "trigger: 'once' must be true, not false; leave the trigger out for Spark's default");
        assertThat(PipelineJson.parse("{\"format\": \"sluice/1\", \"nodes\": [], "
                + "\"trigger\": {\"processingTime\": 1000}}").problems()).extracting(Problem::render).containsExactly(
                "trigger: processingTime must be a string such as \"1 second\", not a number");
    }

    @Test
    void aProcessingTimeBeyondSparksRangeIsAProblem() {
        PipelineJson.Read read = PipelineJson.parse(
                "{\"format\": \"sluice/1\", \"nodes\": [], \"trigger\": {\"processingTime\": \"9999999999999d\"}}");

        assertThat(read.problems()).extracting(Problem::render).containsExactly(
                "trigger: processingTime '9999999999999d' is too long; at most 106751991 days");
    }

    @Test
    void anIntervalUnderAMillisecondIsSparksDefaultTrigger() {
        PipelineJson.Read read = PipelineJson.parse(
                "{\"format\": \"sluice/1\", \"nodes\": [], \"trigger\": {\"processingTime\": \"500 us\"}}");

        assertThat(read.problems()).isEmpty();
        assertThat(read.spec().trigger()).isEqualTo(Trigger.DEFAULT);
    }

    @Test
    void aKeyGivenTwiceIsAnErrorAtItsPlace() {
        PipelineJson.Read read = PipelineJson.parse("""
                {"format": "sluice/1",
                 "nodes": [{"id": "a", "type": "source.rate", "id": "b"}]}
                """);

        assertThat(read.spec()).isNull();
        assertThat(read.problems()).extracting(Problem::render)
                .containsExactly("2:51: invalid JSON: the name 'id' appears twice in one object");
    }

    @Test
    void aFileLargerThanAnyPipelineIsRefusedUnread() throws Exception {
        Path huge = dir.resolve("huge.sluice.json");
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            // Sparse: the file system stores no data for it.
            file.setLength(PipelineJson.MAX_BYTES + 1L);
        }

        PipelineJson.Read read = PipelineJson.read(huge);

        assertThat(read.spec()).isNull();
        assertThat(read.problems()).extracting(Problem::render).containsExactly(
                "pipeline file '" + huge + "' is larger than 64 MB; a pipeline is a small JSON file");
    }

    @Test
    void aFileThatIsNotUtf8NamesTheLineAndColumnOfTheBadByte() throws Exception {
        Path latin1 = dir.resolve("latin1.sluice.json");
        Files.write(latin1, "{\"format\": \"sluice/1\",\n \"name\": \"caf\u00e9\"}"
                .getBytes(StandardCharsets.ISO_8859_1));

        PipelineJson.Read read = PipelineJson.read(latin1);

        assertThat(read.problems()).extracting(Problem::render).containsExactly(
                "2:14: the pipeline file is not UTF-8 text: byte 0xE9 cannot start a character here");
    }

    @Test
    void aFolderIsNotAPipelineFile() {
        assertThat(PipelineJson.read(dir).problems()).extracting(Problem::render)
                .containsExactly("'" + dir + "' is a folder, not a pipeline file");
    }

    @Test
    void aByteOrderMarkIsSkipped() throws Exception {
        Path marked = dir.resolve("bom.sluice.json");
        Files.writeString(marked, "\uFEFF{\"format\": \"sluice/1\", \"nodes\": []}");

        assertThat(PipelineJson.read(marked).problems()).isEmpty();
    }

    @Test
    void durationsLongerThanSparksIntervalsAreRefusedAndSaidSo() {
        assertThat(DurationText.parse("106751991 days")).contains(Duration.ofDays(106751991));
        assertThat(DurationText.parse("106751992 days")).isEmpty();
        assertThat(DurationText.parse("9999999999999d")).isEmpty();
        assertThat(DurationText.parse("99999999999999999999999s")).isEmpty();
        assertThat(DurationText.requirement("9999999999999d")).isEqualTo("at most 106751991 days");
        assertThat(DurationText.requirement("soon")).isEqualTo("a duration such as '10 seconds' or '5s'");
    }
}
