package sluice.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.Problem;

class PipelineJsonTest {
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
    void writingAndReadingAgainGivesTheSameSpec() {
        PipelineSpec spec = PipelineJson.parse(STOCKS).spec();

        PipelineSpec again = PipelineJson.parse(PipelineJson.write(spec)).spec();

        assertThat(again).isEqualTo(spec);
    }

    @Test
    void syntaxErrorNamesLineAndColumn() {
        PipelineJson.Read read = PipelineJson.parse("{\n  \"format\": \"sluice/1\",\n  \"nodes\": [ }\n");

        assertThat(read.spec()).isNull();
        Problem problem = read.problems().get(0);
        assertThat(problem.code()).isEqualTo(ErrorCode.INVALID_FILE);
        assertThat(problem.where().line()).isEqualTo(3);
        assertThat(problem.where().column()).isEqualTo(14);
        assertThat(problem.message()).startsWith("invalid JSON: Unexpected close marker '}'");
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
}
