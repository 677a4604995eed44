package sluice.engine.plan;

import java.util.List;
import java.util.Optional;
import sluice.engine.diag.ErrorCode;
import sluice.engine.pipeline.NodeKind;
import sluice.engine.pipeline.OptionKind;
import sluice.engine.pipeline.OptionSpec;
import sluice.engine.source.RateSource;
import sluice.engine.source.SocketSource;

/** The sources. */
final class SourceFactories {
    static final NodeKind RATE = new NodeKind("source.rate", NodeKind.Category.SOURCE, 0, 0, List.of(
            OptionSpec.optional("rowsPerSecond", OptionKind.INTEGER, "1", "How many rows to generate each second"),
            OptionSpec.optional("rampUpTime", OptionKind.DURATION, "0s",
                    "How long to ramp up to rowsPerSecond, such as '5s'"),
            OptionSpec.optional("numPartitions", OptionKind.INTEGER, null,
                    "Partitions per batch; default: one per core, as Spark's default parallelism")),
            "Generates 'timestamp' and consecutive 'value' rows at a fixed rate, as Spark's rate source");
    static final NodeKind SOCKET = new NodeKind("source.socket", NodeKind.Category.SOURCE, 0, 0, List.of(
            OptionSpec.required("host", OptionKind.STRING, "Host of the TCP server to read lines from"),
            OptionSpec.required("port", OptionKind.INTEGER, "Port of the TCP server"),
            OptionSpec.optional("includeTimestamp", OptionKind.BOOLEAN, "false",
                    "Add a 'timestamp' column with each line's arrival time")),
            "Reads UTF-8 text lines from a TCP server into a 'value' column, as Spark's socket source");

    private SourceFactories() {
    }

    static List<NodeType> types() {
        return List.of(new NodeType(RATE, SourceFactories::rate), new NodeType(SOCKET, SourceFactories::socket),
                new NodeType(FileSourceFactory.KIND, FileSourceFactory::plan), KafkaSourceFactory.type());
    }

    private static Optional<PlannedNode> rate(NodeContext context) {
        Optional<Long> rows = context.integer("rowsPerSecond", 1);
        Optional<Long> rampUp = context.duration("rampUpTime").map(d -> d.toSeconds());
        Optional<Long> partitions = context.integer("numPartitions", 1);
        if (rows.isEmpty() || rampUp.isEmpty() || context.hasProblems()) {
            return Optional.empty();
        }
        int numPartitions = partitions.map(Long::intValue).orElse(Runtime.getRuntime().availableProcessors());
        return Optional.of(new PlannedNode.SourceNode(new RateSource(rows.get(), rampUp.get(), numPartitions)));
    }

    private static Optional<PlannedNode> socket(NodeContext context) {
        Optional<String> host = context.string("host");
        Optional<Long> port = context.integer("port");
        boolean includeTimestamp = context.bool("includeTimestamp");
        if (port.isPresent() && (port.get() < 1 || port.get() > 65535)) {
            context.problem("port", ErrorCode.BAD_OPTION_VALUE, "'port' must be between 1 and 65535, not %d",
                    port.get());
        }
        if (host.isEmpty() || port.isEmpty() || context.hasProblems()) {
            return Optional.empty();
        }
        return Optional.of(new PlannedNode.SourceNode(
                new SocketSource(host.get(), port.get().intValue(), includeTimestamp)));
    }
}
