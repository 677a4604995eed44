package sluice.engine.sink.kafka;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.Position;
import sluice.engine.diag.Problem;
import sluice.engine.kafka.ClientDefaults;
import sluice.engine.kafka.KafkaFailures;
import sluice.engine.sink.Sink;
import sluice.engine.sink.SinkContext;
import sluice.engine.types.Batch;
import sluice.engine.types.Bytes;
import sluice.engine.types.ColumnVector;
import sluice.engine.types.PartitionedBatch;
import sluice.engine.types.Row;

/**
 * Spark's Kafka sink ({@code format("kafka")}): every row is sent as a record to the {@code topic} option's topic, or
 * its {@code topic} column's, with its {@code key}, {@code value}, {@code headers} and {@code partition} columns (a
 * STRING as its UTF-8 bytes). A batch returns once every record is acknowledged, and fails on the first that is not;
 * a re-run batch is sent again, so delivery is at least once, as in Spark. Owned by the query thread.
 */
public final class KafkaSink implements Sink {
    private final SortedMap<String, String> settings;
    private final String topicOption;
    private final RecordColumns columns;
    private KafkaProducer<byte[], byte[]> producer;
    private String nodeId;

    /** {@code settings} are the {@code kafka.*} options without the prefix; {@code topic} may be null. */
    public KafkaSink(Map<String, String> settings, String topic, RecordColumns columns) {
        this.settings = new TreeMap<>(settings);
        this.topicOption = topic;
        this.columns = requireNonNull(columns, "columns is null");
    }

    @Override
    public void start(SinkContext context) {
        nodeId = context.nodeId();
        Map<String, Object> config = ClientDefaults.apply(new TreeMap<>(settings));
        try {
            producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
        } catch (org.apache.kafka.common.KafkaException e) {
            throw KafkaFailures.badSettings(nodeId, e);
        }
    }

    @Override
    public void addBatch(long batchId, PartitionedBatch data) {
        try {
            send(data);
        } catch (InterruptException e) {
            // send and flush block (metadata, a full buffer, acknowledgements); a stop interrupts them.
            throw KafkaFailures.stopping(e);
        }
    }

    private void send(PartitionedBatch data) {
        AtomicReference<Exception> failure = new AtomicReference<>();
        List<String> topics = new ArrayList<>();
        rows:
        for (Batch part : data.partitions()) {
            for (int row = 0; row < part.rowCount(); row++) {
                String topic = topicOption != null ? topicOption : (String) part.column(columns.topic()).get(row);
                if (topic == null) {
                    throw Problem.of(ErrorCode.SINK_FAILED, Position.node(nodeId), "a row has a null 'topic' and "
                            + "the 'topic' option is not set; every record needs a topic").toException();
                }
                if (topics.isEmpty() || !topics.get(topics.size() - 1).equals(topic)) {
                    topics.add(topic);
                }
                producer.send(record(part, row, topic), (metadata, error) -> {
                    if (error != null) {
                        failure.compareAndSet(null, error);
                    }
                });
                if (failure.get() != null) {
                    // Sending on would wait the producer's timeout once more for every row.
                    break rows;
                }
            }
        }
        producer.flush();
        if (failure.get() != null) {
            throw KafkaFailures.of(ErrorCode.SINK_FAILED, nodeId, settings.get("bootstrap.servers"),
                    "writing to " + describe(topics), failure.get(), deliveryTimeout());
        }
    }

    private ProducerRecord<byte[], byte[]> record(Batch part, int row, String topic) {
        Integer partition = columns.partition() < 0 ? null
                : (Integer) toInteger(part.column(columns.partition()).get(row));
        byte[] key = columns.key() < 0 ? null : bytes(part.column(columns.key()), row);
        byte[] value = bytes(part.column(columns.value()), row);
        List<Header> headers = columns.headers() < 0 ? null : headers(part.column(columns.headers()).get(row));
        return new ProducerRecord<>(topic, partition, null, key, value, headers);
    }

    private static Object toInteger(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }

    private static byte[] bytes(ColumnVector column, int row) {
        Object value = column.get(row);
        if (value == null) {
            return null;
        }
        return value instanceof Bytes bytes ? bytes.toArray()
                : value.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static List<Header> headers(Object value) {
        List<Header> headers = new ArrayList<>();
        if (value != null) {
            for (Object element : (List<?>) value) {
                Row header = (Row) element;
                Bytes bytes = (Bytes) header.get(1);
                headers.add(new RecordHeader((String) header.get(0), bytes == null ? null : bytes.toArray()));
            }
        }
        return headers;
    }

    private Duration deliveryTimeout() {
        String value = settings.getOrDefault(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                settings.getOrDefault(ProducerConfig.MAX_BLOCK_MS_CONFIG, "120000"));
        return Duration.ofMillis(Long.parseLong(value.trim()));
    }

    private static String describe(List<String> topics) {
        List<String> distinct = topics.stream().distinct().sorted().map(t -> "'" + t + "'").toList();
        return (distinct.size() == 1 ? "topic " : "topics ") + String.join(", ", distinct);
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
