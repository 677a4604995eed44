package sluice.engine.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.Position;
import sluice.engine.diag.SluiceException;
import sluice.engine.pipeline.NodeKind;
import sluice.engine.plan.NodeCatalog;
import sluice.engine.plan.NodeType;
import sluice.engine.plan.PlannedNode;
import sluice.engine.plan.QueryPlan;
import sluice.engine.source.RateSource;

/** Golden scripts for every example and test pipeline, in both languages, and what the translation decides. */
class ScriptExporterTest {
    static Stream<String> cases() {
        return ExportCases.names();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void pySparkScriptMatchesItsGoldenFile(String name) {
        String script = ExportCases.script(name, ScriptLanguage.PYSPARK);

        ExportCases.assertGolden(ScriptExporterTest.class, name, ScriptLanguage.PYSPARK, script);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void scalaScriptMatchesItsGoldenFile(String name) {
        String script = ExportCases.script(name, ScriptLanguage.SCALA);

        ExportCases.assertGolden(ScriptExporterTest.class, name, ScriptLanguage.SCALA, script);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void pySparkScriptCompiles(String name, @TempDir Path folder) {
        String script = ExportCases.script(name, ScriptLanguage.PYSPARK);

        PythonCompiler.assertCompiles(folder, name + ".py", script);
    }

    @Test
    void exportIsTheSameTextEachTime() {
        String first = ExportCases.script("stocks-replay", ScriptLanguage.SCALA);

        String second = ExportCases.script("stocks-replay", ScriptLanguage.SCALA);

        assertThat(second).isEqualTo(first);
    }

    @Test
    void statementsFollowTheDataFlowWithSanitisedNames() {
        QueryPlan plan = ExportCases.plan(ExportCases.file("union-filter"));

        SparkProgram program = new ScriptExporter(NodeCatalog.standard()).program(plan, context());

        assertThat(program.statements()).extracting(SparkProgram.Statement::variable)
                .containsExactly("slow", "fast", "tag_slow", "tag_fast", "both", "filter_2", "class_", "out");
        assertThat(program.statements().get(5).input()).isEqualTo("both");
        assertThat(program.statements().get(5).comments().get(0))
                .isEqualTo("filter-2 (transform.filter): Keeps the rows that match a condition, as Spark's filter");
    }

    @Test
    void idsThatCleanToTheSameNameGetNumbered() {
        VariableNames names = new VariableNames();

        List<String> made = List.of(names.of("a-b"), names.of("a_b"), names.of("a.b"), names.of("9lives"),
                names.of("spark"), names.of("a-b"));

        assertThat(made).containsExactly("a_b", "a_b_2", "a_b_3", "node_9lives", "spark_", "a_b");
    }

    @Test
    void processingTimeUsesSparkIntervalWords() {
        assertThat(ScriptExporter.sparkInterval(java.time.Duration.ofMillis(500))).isEqualTo("500 milliseconds");
        assertThat(ScriptExporter.sparkInterval(java.time.Duration.ofSeconds(1))).isEqualTo("1 second");
        assertThat(ScriptExporter.sparkInterval(java.time.Duration.ofSeconds(90))).isEqualTo("90 seconds");
        assertThat(ScriptExporter.sparkInterval(java.time.Duration.ofMinutes(2))).isEqualTo("2 minutes");
    }

    @Test
    void aNodeTypeWithoutSparkCounterpartIsAProblemNamingTheNode(@TempDir Path folder) throws Exception {
        NodeKind pulsar = new NodeKind("source.pulsar", NodeKind.Category.SOURCE, 0, 0, List.of(), "Reads Pulsar");
        List<NodeType> types = new java.util.ArrayList<>(NodeCatalog.standard().types());
        types.add(new NodeType(pulsar, c -> Optional.of(new PlannedNode.SourceNode(new RateSource(1, 0, 1)))));
        NodeCatalog catalog = new NodeCatalog(types);
        Path file = folder.resolve("k.sluice.json");
        java.nio.file.Files.writeString(file, """
                {"format": "sluice/1", "name": "k", "nodes": [
                  {"id": "events", "type": "source.pulsar"},
                  {"id": "out", "type": "sink.noop", "inputs": ["events"]}]}
                """);
        QueryPlan plan = new sluice.engine.plan.PipelineLoader(catalog).load(file).plan();

        assertThatThrownBy(() -> new ScriptExporter(catalog).export(plan, ScriptLanguage.PYSPARK, context()))
                .isInstanceOfSatisfying(SluiceException.class, e -> {
                    assertThat(e.problem().code()).isEqualTo(ErrorCode.UNKNOWN_NODE_TYPE);
                    assertThat(e.problem().where()).isEqualTo(Position.node("events"));
                    assertThat(e.problem().message())
                            .isEqualTo("node type 'source.pulsar' has no Spark counterpart to export to yet");
                });
    }

    private static ExportContext context() {
        return new ExportContext(Path.of("/sluice/p"), "p.sluice.json", "p.py");
    }
}
