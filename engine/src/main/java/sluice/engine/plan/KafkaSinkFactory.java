package sluice.engine.plan;

import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import sluice.engine.diag.ErrorCode;
import sluice.engine.pipeline.NodeKind;
import sluice.engine.pipeline.OptionKind;
import sluice.engine.pipeline.OptionSpec;
import sluice.engine.sink.Sink;
import sluice.engine.sink.kafka.KafkaSink;
import sluice.engine.sink.kafka.RecordColumns;

/**
 * {@code sink.kafka}: Spark's Kafka sink. The input's columns are checked here, before the run, with Spark's rules
 * (a 'value' column, a topic from the option or a 'topic' column, and the types of key, headers and partition).
 */
final class KafkaSinkFactory {
    static final NodeKind KIND = SinkFactories.sink("sink.kafka",
            "Writes each row as a Kafka record from its value, key, topic, headers and partition columns",
            OptionSpec.required(KafkaSourceFactory.BOOTSTRAP, OptionKind.STRING,
                    "Kafka brokers to connect to, host:port[,host:port]"),
            OptionSpec.optional("topic", OptionKind.STRING, null,
                    "Topic to write every row to; unset, each row's 'topic' column names it"),
            OptionSpec.prefixed("kafka.", "Any Kafka producer setting, passed on without 'kafka.' (such as "
                    + "kafka.acks)"));

    private KafkaSinkFactory() {
    }

    static NodeType type() {
        return new NodeType(KIND, c -> SinkFactories.make(c, KafkaSinkFactory::sink));
    }

    private static Sink sink(NodeContext context) {
        SortedMap<String, String> settings = context.withPrefix("kafka.");
        for (String serializer : List.of("key.serializer", "value.serializer")) {
            if (settings.containsKey(serializer)) {
                context.problem("kafka." + serializer, ErrorCode.BAD_OPTION_VALUE, "Kafka option '%s' is not "
                        + "supported: records are written as bytes; turn the column into STRING or BINARY first",
                        serializer);
            }
        }
        Optional<String> topic = context.string("topic").map(String::trim).filter(t -> !t.isEmpty());
        RecordColumns columns = RecordColumns.of(context.inputSchema());
        List<String> columnProblems = context.inputsKnown() ? columns.check(context.inputSchema(), topic.isPresent())
                : List.of();
        for (String problem : columnProblems) {
            context.problem(problem.contains("'topic'") && topic.isEmpty() && columns.topic() < 0 ? "topic" : null,
                    ErrorCode.TYPE_MISMATCH, "%s", problem);
        }
        if (settings.getOrDefault("bootstrap.servers", "").isBlank()) {
            if (context.string(KafkaSourceFactory.BOOTSTRAP).isPresent()) {
                context.problem(KafkaSourceFactory.BOOTSTRAP, ErrorCode.BAD_OPTION_VALUE,
                        "'%s' must name at least one broker, such as 127.0.0.1:9092", KafkaSourceFactory.BOOTSTRAP);
            }
            return null;
        }
        if (context.hasProblems()) {
            return null;
        }
        return new KafkaSink(settings, topic.orElse(null), columns);
    }
}
