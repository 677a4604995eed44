package sluice.engine.examples;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import sluice.engine.pipeline.NodeSpec;
import sluice.engine.pipeline.OptionValue;
import sluice.engine.pipeline.PipelineJson;
import sluice.engine.pipeline.PipelineSpec;
import sluice.engine.plan.NodeCatalog;
import sluice.engine.plan.PipelineLoader;
import sluice.engine.plan.PlanEnvironment;
import sluice.engine.runtime.EngineEnvironment;
import sluice.engine.sink.MemoryTables;

/** Loads the example pipelines of {@code sample-data/pipelines}, optionally changed, for the examples' tests. */
final class Examples {
    static final Path FOLDER = Path.of("..", "sample-data", "pipelines");

    final ByteArrayOutputStream console = new ByteArrayOutputStream();
    final MemoryTables memory = new MemoryTables();
    final EngineEnvironment environment;

    Examples() {
        this(Clock.systemUTC());
    }

    /** Examples run against {@code clock}: a manual clock makes the rate example's rows exact. */
    Examples(Clock clock) {
        environment = new EngineEnvironment(new PrintStream(console, true, StandardCharsets.UTF_8), memory, clock,
                ZoneOffset.UTC, 2);
    }

    static Path file(String name) {
        return FOLDER.resolve(name + ".sluice.json");
    }

    static PipelineSpec spec(String name) {
        return PipelineJson.read(file(name)).spec();
    }

    /** The spec with one node's option replaced. */
    static PipelineSpec withOption(PipelineSpec spec, String nodeId, String option, String value) {
        List<NodeSpec> nodes = new ArrayList<>();
        for (NodeSpec node : spec.nodes()) {
            nodes.add(node.id().equals(nodeId) ? node.withOption(option, OptionValue.of(value)) : node);
        }
        return spec.withNodes(nodes);
    }

    /** The spec with a node's type and options replaced (a console sink swapped for a memory sink). */
    static PipelineSpec withNode(PipelineSpec spec, String nodeId, String type, String option, String value) {
        List<NodeSpec> nodes = new ArrayList<>();
        for (NodeSpec node : spec.nodes()) {
            nodes.add(node.id().equals(nodeId)
                    ? new NodeSpec(node.id(), type, node.inputs(), node.x(), node.y(),
                    java.util.Map.of(option, OptionValue.of(value)))
                    : node);
        }
        return spec.withNodes(nodes);
    }

    static PipelineLoader.Loaded plan(PipelineSpec spec) {
        return new PipelineLoader(NodeCatalog.standard()).plan(spec, List.of(),
                new PlanEnvironment(FOLDER.toAbsolutePath().normalize(), ZoneOffset.UTC));
    }

    String consoleText() {
        return console.toString(StandardCharsets.UTF_8);
    }

    /** The data rows of every console table printed, as cell lists, batch by batch. */
    static List<List<List<String>>> tables(String text) {
        List<List<List<String>>> batches = new ArrayList<>();
        Matcher banner = Pattern.compile("(?m)^Batch: \\d+$").matcher(text);
        List<Integer> starts = new ArrayList<>();
        while (banner.find()) {
            starts.add(banner.start());
        }
        for (int i = 0; i < starts.size(); i++) {
            String block = text.substring(starts.get(i), i + 1 < starts.size() ? starts.get(i + 1) : text.length());
            List<String> lines = block.lines().filter(l -> l.startsWith("|")).toList();
            List<List<String>> rows = new ArrayList<>();
            for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
                List<String> cells = new ArrayList<>();
                for (String cell : line.substring(1, line.length() - 1).split("\\|", -1)) {
                    cells.add(cell.trim());
                }
                rows.add(cells);
            }
            batches.add(rows);
        }
        return batches;
    }
}
