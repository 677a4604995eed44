package sluice.engine.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import sluice.engine.diag.ErrorCode;
import sluice.engine.pipeline.NodeKind;
import sluice.engine.pipeline.OptionKind;
import sluice.engine.pipeline.OptionSpec;
import sluice.engine.sink.ConsoleSink;
import sluice.engine.sink.MemorySink;
import sluice.engine.sink.NoopSink;
import sluice.engine.sink.OutputMode;
import sluice.engine.sink.Sink;

/** The sinks. Every sink has Spark's {@code outputMode} option. */
final class SinkFactories {
    static final OptionSpec OUTPUT_MODE = OptionSpec.choice("outputMode", "append",
            List.of("append", "update", "complete"), "Which rows each batch sends: append, update or complete");

    static final NodeKind MEMORY = sink("sink.memory", "Keeps every row in memory under a query name",
            OptionSpec.required("queryName", OptionKind.STRING, "Name of the in-memory table"));
    static final NodeKind CONSOLE = sink("sink.console", "Prints each batch as a table, as Spark's console sink",
            OptionSpec.optional("numRows", OptionKind.INTEGER, "20", "How many rows of each batch to print"),
            OptionSpec.optional("truncate", OptionKind.BOOLEAN, "true", "Cut cells longer than 20 characters"));
    static final NodeKind NOOP = sink("sink.noop", "Discards the rows (Spark's noop format), for benchmarks");

    private SinkFactories() {
    }

    static NodeKind sink(String name, String description, OptionSpec... options) {
        List<OptionSpec> all = new ArrayList<>();
        all.add(OUTPUT_MODE);
        all.addAll(List.of(options));
        return new NodeKind(name, NodeKind.Category.SINK, 1, 1, all, description);
    }

    static List<NodeType> types() {
        List<NodeType> types = new ArrayList<>(List.of(
                new NodeType(CONSOLE, c -> make(c, SinkFactories::console)),
                FileSinkFactory.type(),
                KafkaSinkFactory.type(),
                new NodeType(MEMORY, c -> make(c, ctx -> ctx.string("queryName").map(MemorySink::new).orElse(null))),
                new NodeType(NOOP, c -> make(c, ctx -> new NoopSink()))));
        types.addAll(ViewSinkFactories.types());
        return types;
    }

    private static Sink console(NodeContext context) {
        Optional<Long> numRows = context.integer("numRows", 0);
        boolean truncate = context.bool("truncate");
        if (numRows.isEmpty()) {
            return null;
        }
        if (numRows.get() > Integer.MAX_VALUE) {
            context.problem("numRows", ErrorCode.BAD_OPTION_VALUE, "'numRows' must be at most %d, not %d",
                    Integer.MAX_VALUE, numRows.get());
            return null;
        }
        return new ConsoleSink(numRows.get().intValue(), truncate);
    }

    /** The planned sink with its output mode, or empty when the factory could not make it. */
    static Optional<PlannedNode> make(NodeContext context, Function<NodeContext, Sink> factory) {
        Optional<OutputMode> mode = context.string("outputMode").flatMap(OutputMode::parse);
        Sink sink = factory.apply(context);
        if (mode.isEmpty() || sink == null) {
            return Optional.empty();
        }
        return Optional.of(new PlannedNode.SinkNode(sink, mode.get(), context.inputSchema()));
    }
}
