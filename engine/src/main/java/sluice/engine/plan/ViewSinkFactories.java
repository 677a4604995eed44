package sluice.engine.plan;

import java.util.List;
import java.util.Optional;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.Suggestion;
import sluice.engine.pipeline.NodeKind;
import sluice.engine.pipeline.OptionKind;
import sluice.engine.pipeline.OptionSpec;
import sluice.engine.sink.ViewSink;
import sluice.engine.types.DataType;
import sluice.engine.types.Schema;

/**
 * The workbench's view sinks: {@code sink.table} (a live table with a batch history) and {@code sink.chart} (live
 * series). The engine only checks their options against the input schema; the workbench draws what reaches them.
 * On the command line they discard their rows, as {@code sink.noop} does.
 */
final class ViewSinkFactories {
    static final NodeKind TABLE = SinkFactories.sink("sink.table",
            "Shows each batch in a live table in the workbench, with a history of recent batches",
            OptionSpec.optional("maxBatches", OptionKind.INTEGER, "100", "How many recent batches to keep"));
    static final NodeKind CHART = SinkFactories.sink("sink.chart", "Draws live series of each batch in the workbench",
            OptionSpec.required("x", OptionKind.STRING, "Column for the horizontal axis"),
            OptionSpec.required("y", OptionKind.STRING_LIST, "Numeric columns to draw, one series each"),
            OptionSpec.optional("series", OptionKind.STRING, null,
                    "Column whose value splits the rows into one series per value, such as a symbol"),
            OptionSpec.choice("kind", "line", List.of("line", "bar", "scatter"), "How to draw: line, bar or scatter"),
            OptionSpec.optional("maxPoints", OptionKind.INTEGER, "1000", "Most points kept per series"));

    private ViewSinkFactories() {
    }

    static List<NodeType> types() {
        return List.of(new NodeType(TABLE, ViewSinkFactories::table), new NodeType(CHART, ViewSinkFactories::chart));
    }

    private static Optional<PlannedNode> table(NodeContext context) {
        Optional<Long> maxBatches = context.integer("maxBatches", 1);
        if (maxBatches.isEmpty()) {
            return Optional.empty();
        }
        return SinkFactories.make(context, ctx -> new ViewSink());
    }

    private static Optional<PlannedNode> chart(NodeContext context) {
        Schema input = context.inputSchema();
        context.string("x").ifPresent(x -> column(context, "x", x, input, false));
        List<String> ys = context.list("y");
        if (ys.isEmpty()) {
            context.problem("y", ErrorCode.MISSING_OPTION, "a chart needs at least one 'y' column");
        }
        ys.forEach(y -> column(context, "y", y, input, true));
        context.string("series").ifPresent(series -> column(context, "series", series, input, false));
        context.integer("maxPoints", 2);
        if (context.hasProblems()) {
            return Optional.empty();
        }
        return SinkFactories.make(context, ctx -> new ViewSink());
    }

    private static void column(NodeContext context, String option, String name, Schema input, boolean numeric) {
        if (!context.inputsKnown()) {
            return;
        }
        int index = input.indexOf(name);
        if (index < 0) {
            context.problem(option, ErrorCode.UNKNOWN_COLUMN, "unknown column '%s'%s", name,
                    Suggestion.didYouMean(name, input.names()));
            return;
        }
        DataType type = input.field(index).type();
        if (numeric && !type.isNumeric()) {
            context.problem(option, ErrorCode.TYPE_MISMATCH, "column '%s' is %s; a chart draws numeric columns",
                    input.field(index).name(), type.sql());
        }
    }
}
