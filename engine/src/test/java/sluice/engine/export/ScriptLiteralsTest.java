package sluice.engine.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sluice.engine.pipeline.NodeSpec;
import sluice.engine.pipeline.OptionValue;
import sluice.engine.pipeline.PipelineSpec;
import sluice.engine.pipeline.Trigger;
import sluice.engine.plan.NodeCatalog;
import sluice.engine.plan.PipelineLoader;
import sluice.engine.plan.PlanEnvironment;
import sluice.engine.plan.QueryPlan;

/** User text reaches a script only as an escaped literal or a one-line comment, whatever characters it holds. */
class ScriptLiteralsTest {
    private static final List<String> AWKWARD = List.of("it's \"quoted\"", "back\\slash", "C:\\new\\table",
            "line1\nline2\r\n", "tab\there", "nul\u0000bell\u0007", "separator\u2028here", "é ü 😀", "lone\uD800",
            "\\u0041 is not an escape", "{braces} $dollar %s", "''' and \"\"\"", "\u202Eright-to-left");

    @Test
    void pySparkLiteralEscapesQuotesBackslashesAndLineBreaks() {
        assertThat(PySparkScript.literal("say \"hi\"\\n\n")).isEqualTo("\"say \\\"hi\\\"\\\\n\\n\"");
    }

    @Test
    void pySparkLiteralEscapesControlAndSeparatorCharacters() {
        assertThat(PySparkScript.literal("a\u0000b\u2028c\uD800")).isEqualTo("\"a\\x00b\\u2028c\\ud800\"");
    }

    @Test
    void scalaLiteralEscapesQuotesBackslashesAndLineBreaks() {
        assertThat(ScalaScript.literal("say \"hi\"\\n\n\r\t")).isEqualTo("\"say \\\"hi\\\"\\\\n\\n\\r\\t\"");
    }

    @Test
    void scalaLiteralEscapesOtherControlCharactersAsUnicodeEscapes() {
        assertThat(ScalaScript.literal("a\u0001b\u2028c")).isEqualTo("\"a\\u0001b\\u2028c\"");
    }

    @Test
    void scalaLiteralLongerThanOneClassFileConstantIsJoinedWhenTheScriptRuns() {
        String value = "a".repeat(45_000);

        String literal = ScalaScript.literal(value);

        assertThat(literal).isEqualTo("Seq(\"" + "a".repeat(20_000) + "\", \"" + "a".repeat(20_000) + "\", \""
                + "a".repeat(5_000) + "\").mkString");
    }

    @Test
    void scalaLiteralPiecesKeepSurrogatePairsWhole() {
        String value = "a".repeat(19_999) + "😀" + "b";

        assertThat(ScalaScript.literal(value)).isEqualTo("Seq(\"" + "a".repeat(19_999) + "\", \"😀b\").mkString");
    }

    @Test
    void printableNonAsciiStaysReadable() {
        assertThat(PySparkScript.literal("é 😀")).isEqualTo("\"é 😀\"");
        assertThat(ScalaScript.literal("é 😀")).isEqualTo("\"é 😀\"");
    }

    @Test
    void pythonReadsEveryLiteralBackAsTheOriginalText(@TempDir Path folder) {
        String program = "values = [" + AWKWARD.stream().map(PySparkScript::literal).collect(Collectors.joining(
                ", ")) + "]\nfor v in values:\n    print(v.encode('utf-16-le', 'surrogatepass').hex())\n";

        String output = PythonCompiler.output(folder, program);

        assertThat(output.lines()).containsExactlyElementsOf(AWKWARD.stream().map(ScriptLiteralsTest::utf16Hex)
                .toList());
    }

    @Test
    void awkwardIdsNamesExpressionsAndPathsGiveACompilingScriptWithTheExactStrings(@TempDir Path folder) {
        String expression = "concat('say \"hi\"', '\\\\n', 'it''s')";
        String path = "out \"x\"\\y\nimport os";
        QueryPlan plan = plan(folder, List.of(
                // Ids cannot hold control characters (the planner refuses them); quotes and code they can.
                node("in\" import os", "source.rate", List.of(), Map.of()),
                node("tag", "transform.withColumn", List.of("in\" import os"),
                        Map.of("name", "said", "expression", expression)),
                node("out", "sink.file", List.of("tag"),
                        Map.of("outputMode", "append", "path", path, "format", "json"))));

        String script = new ScriptExporter(NodeCatalog.standard()).export(plan, ScriptLanguage.PYSPARK,
                new ExportContext(folder, "p.sluice.json", "p.py"));

        PythonCompiler.assertCompiles(folder, "p.py", script);
        assertThat(script.lines()).noneMatch(line -> line.startsWith("import os"));
        String constants = PythonCompiler.output(folder, "import ast\n"
                + "tree = ast.parse(open(" + PySparkScript.literal(folder.resolve("p.py").toString()) + ").read())\n"
                + "for node in ast.walk(tree):\n"
                + "    if isinstance(node, ast.Constant) and isinstance(node.value, str):\n"
                + "        print(node.value.encode('utf-16-le', 'surrogatepass').hex())\n");
        assertThat(constants.lines()).contains(utf16Hex(expression), utf16Hex(folder.resolve(path).toString()));
    }

    @Test
    void scalaScriptKeepsEveryStringOnItsLineAndCommentsOnOneLine(@TempDir Path folder) {
        QueryPlan plan = plan(folder, List.of(
                node("in } System.exit(1) /*", "source.rate", List.of(), Map.of()),
                node("keep", "transform.filter", List.of("in } System.exit(1) /*"),
                        Map.of("condition", "value <> length('a\"\\nb')")),
                node("out", "sink.console", List.of("keep"), Map.of())));

        String script = new ScriptExporter(NodeCatalog.standard()).export(plan, ScriptLanguage.SCALA,
                new ExportContext(folder, "p.sluice.json", "p.scala"));

        assertThat(script).contains(".filter(\"value <> length('a\\\"\\\\nb')\")");
        assertThat(script.lines()).noneMatch(line -> line.trim().startsWith("System.exit") || line.equals("}\n"));
        assertThat(script).contains("// in } System.exit(1) /* (source.rate): ");
    }

    private static QueryPlan plan(Path folder, List<NodeSpec> nodes) {
        PipelineSpec spec = new PipelineSpec(PipelineSpec.FORMAT, "Awkward \"name\"\nimport os", Trigger.DEFAULT,
                null, nodes);
        PipelineLoader.Loaded loaded = new PipelineLoader(NodeCatalog.standard()).plan(spec, List.of(),
                new PlanEnvironment(folder, java.time.ZoneOffset.UTC));
        assertThat(loaded.problems()).isEmpty();
        return loaded.plan();
    }

    private static NodeSpec node(String id, String type, List<String> inputs, Map<String, String> options) {
        Map<String, OptionValue> values = new LinkedHashMap<>();
        new java.util.TreeMap<>(options).forEach((name, value) -> values.put(name, OptionValue.of(value)));
        return new NodeSpec(id, type, inputs, 0, 0, values);
    }

    private static String utf16Hex(String text) {
        List<String> bytes = new ArrayList<>();
        for (char c : text.toCharArray()) {
            bytes.add(String.format("%02x%02x", c & 0xFF, c >> 8));
        }
        return String.join("", bytes);
    }
}
