package sluice.engine.plan;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SortedMap;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import sluice.engine.diag.ErrorCode;
import sluice.engine.kafka.PartitionOffsets;
import sluice.engine.pipeline.NodeKind;
import sluice.engine.pipeline.OptionKind;
import sluice.engine.pipeline.OptionSpec;
import sluice.engine.source.kafka.KafkaSource;
import sluice.engine.source.kafka.KafkaSourceOptions;
import sluice.engine.source.kafka.StartingOffsets;
import sluice.engine.source.kafka.Subscription;

/**
 * {@code source.kafka}: Spark's Kafka source with its option names, defaults and checks. Every {@code kafka.*} option
 * goes to the consumers without its prefix, except the few Spark refuses because the source decides them itself.
 */
final class KafkaSourceFactory {
    static final String BOOTSTRAP = "kafka.bootstrap.servers";
    private static final List<String> SUBSCRIPTIONS = List.of("subscribe", "subscribePattern", "assign");

    static final NodeKind KIND = new NodeKind("source.kafka", NodeKind.Category.SOURCE, 0, 0, List.of(
            OptionSpec.required(BOOTSTRAP, OptionKind.STRING, "Kafka brokers to connect to, host:port[,host:port]"),
            OptionSpec.optional("subscribe", OptionKind.STRING, null,
                    "Topics to read, comma-separated (one of subscribe, subscribePattern, assign)"),
            OptionSpec.optional("subscribePattern", OptionKind.STRING, null,
                    "Read every topic whose name matches this Java regex, new ones included"),
            OptionSpec.optional("assign", OptionKind.STRING, null,
                    "Partitions to read as JSON, such as {\"topicA\":[0,1],\"topicB\":[2,4]}"),
            OptionSpec.optional("startingOffsets", OptionKind.STRING, "latest", "Where a new query starts: "
                    + "earliest, latest, or JSON such as {\"topicA\":{\"0\":23,\"1\":-2}} (-2 earliest, -1 latest)"),
            OptionSpec.optional("startingTimestamp", OptionKind.INTEGER, null,
                    "Start every partition at its first record at or after this time (epoch milliseconds)"),
            OptionSpec.optional("startingOffsetsByTimestamp", OptionKind.STRING, null,
                    "A start time per partition as JSON, such as {\"topicA\":{\"0\":1700000000000}}"),
            OptionSpec.choice("startingOffsetsByTimestampStrategy", "error", List.of("error", "latest"),
                    "When no record is at or after a starting time: error, or start at the latest offset"),
            OptionSpec.optional("maxOffsetsPerTrigger", OptionKind.INTEGER, null,
                    "Most records one micro-batch takes, shared among partitions by their backlog; unset means all"),
            OptionSpec.optional("minOffsetsPerTrigger", OptionKind.INTEGER, null,
                    "Fewest records a micro-batch waits for, until maxTriggerDelay has passed"),
            OptionSpec.optional("maxTriggerDelay", OptionKind.DURATION, "15m",
                    "Longest wait for minOffsetsPerTrigger records before a batch runs anyway"),
            OptionSpec.optional("failOnDataLoss", OptionKind.BOOLEAN, "true",
                    "Stop when records may have been lost (deleted topics, aged-out offsets); false goes on"),
            OptionSpec.optional("includeHeaders", OptionKind.BOOLEAN, "false", "Add the records' 'headers' column"),
            OptionSpec.optional("groupIdPrefix", OptionKind.STRING, "spark-kafka-source",
                    "Prefix of the consumers' generated group id (unless kafka.group.id is set)"),
            OptionSpec.optional("kafkaConsumer.pollTimeoutMs", OptionKind.INTEGER, "120000",
                    "How long a read waits for records before the query fails, in milliseconds"),
            OptionSpec.prefixed("kafka.", "Any Kafka consumer setting, passed on without 'kafka.' (such as "
                    + "kafka.security.protocol)")),
            "Reads new records of Kafka topics each micro-batch (key, value, topic, partition, offset, "
                    + "timestamp), as Spark's Kafka source");

    /** Spark refuses these consumer settings: the source sets them itself (the reason follows each). */
    private static final List<List<String>> REFUSED = List.of(
            List.of("group.id", ""),
            List.of("auto.offset.reset", "set the source option 'startingOffsets' to 'earliest' or 'latest' instead"),
            List.of("key.deserializer", "keys are always read as bytes; use CAST(key AS STRING) or a function"),
            List.of("value.deserializer", "values are always read as bytes; use CAST(value AS STRING) or a function"),
            List.of("enable.auto.commit", "the source commits no offsets; they live in the checkpoint"),
            List.of("interceptor.classes", "the source reads raw bytes, which interceptors may not expect"));

    private KafkaSourceFactory() {
    }

    static NodeType type() {
        return new NodeType(KIND, KafkaSourceFactory::plan);
    }

    private static Optional<PlannedNode> plan(NodeContext context) {
        SortedMap<String, String> settings = context.withPrefix("kafka.");
        for (List<String> refused : REFUSED) {
            if (settings.containsKey(refused.get(0)) && !refused.get(1).isEmpty()) {
                context.problem("kafka." + refused.get(0), ErrorCode.BAD_OPTION_VALUE,
                        "Kafka option '%s' is not supported: %s", refused.get(0), refused.get(1));
            }
        }
        Optional<Subscription> subscription = subscription(context);
        Optional<StartingOffsets> starting = startingOffsets(context);
        Optional<Long> max = context.integer("maxOffsetsPerTrigger", 1);
        Optional<Long> min = context.integer("minOffsetsPerTrigger", 1);
        Optional<Duration> delay = context.duration("maxTriggerDelay");
        Optional<Long> pollTimeout = context.integer("kafkaConsumer.pollTimeoutMs", 1);
        if (max.isPresent() && min.isPresent() && min.get() > max.get()) {
            context.problem("minOffsetsPerTrigger", ErrorCode.BAD_OPTION_VALUE,
                    "'minOffsetsPerTrigger' (%d) is higher than 'maxOffsetsPerTrigger' (%d)", min.get(), max.get());
        }
        boolean failOnDataLoss = context.bool("failOnDataLoss");
        boolean includeHeaders = context.bool("includeHeaders");
        boolean latestWhenNoMatch = context.string("startingOffsetsByTimestampStrategy")
                .map(s -> s.trim().equalsIgnoreCase("latest")).orElse(false);
        String groupId = settings.containsKey("group.id") ? settings.get("group.id")
                : context.string("groupIdPrefix").orElse("spark-kafka-source") + "-" + UUID.randomUUID() + "-"
                + context.nodeId();
        settings.remove("group.id");
        if (settings.getOrDefault("bootstrap.servers", "").isBlank()) {
            if (context.string(BOOTSTRAP).isPresent()) {
                context.problem(BOOTSTRAP, ErrorCode.BAD_OPTION_VALUE,
                        "'%s' must name at least one broker, such as 127.0.0.1:9092", BOOTSTRAP);
            }
            return Optional.empty();
        }
        if (subscription.isEmpty() || starting.isEmpty() || delay.isEmpty() || pollTimeout.isEmpty()
                || context.hasProblems()) {
            return Optional.empty();
        }
        KafkaSourceOptions options = new KafkaSourceOptions(settings, subscription.get(), starting.get(),
                max.orElse(null), min.orElse(null), delay.get().toMillis(), failOnDataLoss, includeHeaders, groupId,
                pollTimeout.get(), latestWhenNoMatch);
        return Optional.of(new PlannedNode.SourceNode(new KafkaSource(options)));
    }

    private static Optional<Subscription> subscription(NodeContext context) {
        List<String> given = new ArrayList<>();
        for (String option : SUBSCRIPTIONS) {
            context.string(option).ifPresent(value -> given.add(option));
        }
        if (given.size() != 1) {
            context.problem(given.isEmpty() ? null : given.get(1), ErrorCode.MISSING_OPTION, "%s one of 'subscribe', "
                    + "'subscribePattern' and 'assign' must be set for a Kafka source",
                    given.isEmpty() ? "exactly" : "only");
            return Optional.empty();
        }
        String option = given.get(0);
        String value = context.string(option).orElseThrow().trim();
        switch (option) {
            case "subscribe" -> {
                List<String> topics = List.of(value.split(",")).stream().map(String::trim)
                        .filter(t -> !t.isEmpty()).toList();
                if (topics.isEmpty()) {
                    context.problem(option, ErrorCode.BAD_OPTION_VALUE,
                            "'subscribe' must name at least one topic, not '%s'", value);
                    return Optional.empty();
                }
                return Optional.of(new Subscription.Topics(topics));
            }
            case "subscribePattern" -> {
                if (value.isEmpty()) {
                    context.problem(option, ErrorCode.BAD_OPTION_VALUE, "'subscribePattern' must be a pattern");
                    return Optional.empty();
                }
                try {
                    return Optional.of(new Subscription.TopicPattern(Pattern.compile(value)));
                } catch (PatternSyntaxException e) {
                    context.problem(option, ErrorCode.BAD_OPTION_VALUE, "'subscribePattern' is not a Java regex: %s",
                            e.getDescription());
                    return Optional.empty();
                }
            }
            default -> {
                try {
                    return Optional.of(new Subscription.Assign(PartitionOffsets.parsePartitions(value)));
                } catch (IllegalArgumentException e) {
                    context.problem(option, ErrorCode.BAD_OPTION_VALUE, "'assign' %s", e.getMessage());
                    return Optional.empty();
                }
            }
        }
    }

    private static Optional<StartingOffsets> startingOffsets(NodeContext context) {
        Optional<Long> timestamp = context.integer("startingTimestamp", 0);
        if (timestamp.isPresent()) {
            return Optional.of(new StartingOffsets.AtTimestamp(timestamp.get()));
        }
        Optional<String> byTimestamp = context.string("startingOffsetsByTimestamp");
        if (byTimestamp.isPresent()) {
            try {
                return Optional.of(new StartingOffsets.ByTimestamp(PartitionOffsets.parse(byTimestamp.get())));
            } catch (IllegalArgumentException e) {
                context.problem("startingOffsetsByTimestamp", ErrorCode.BAD_OPTION_VALUE,
                        "'startingOffsetsByTimestamp' %s", e.getMessage());
                return Optional.empty();
            }
        }
        String text = context.string("startingOffsets").orElse("latest").trim();
        switch (text.toLowerCase(Locale.ROOT)) {
            case "earliest":
                return Optional.of(new StartingOffsets.Earliest());
            case "latest":
                return Optional.of(new StartingOffsets.Latest());
            default:
                try {
                    return Optional.of(new StartingOffsets.Specific(PartitionOffsets.parse(text)));
                } catch (IllegalArgumentException e) {
                    context.problem("startingOffsets", ErrorCode.BAD_OPTION_VALUE,
                            "'startingOffsets' must be 'earliest', 'latest' or per-partition offsets: %s",
                            e.getMessage());
                    return Optional.empty();
                }
        }
    }
}
