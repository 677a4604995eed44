package sluice.engine.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import sluice.broker.LocalBroker;

/**
 * The one Kafka broker of the engine's test run, started on first use and stopped when the JVM exits (a start takes
 * seconds, so every Kafka test class shares it), with small helpers: fresh topic names, topics, records. Tests that
 * stop it restart it before they end. Used by one test thread at a time.
 */
public final class TestBroker {
    private static final AtomicInteger TOPICS = new AtomicInteger();
    private static LocalBroker broker;

    private TestBroker() {
    }

    public static synchronized LocalBroker get() {
        if (broker == null) {
            try {
                Path data = Files.createTempDirectory("sluice-test-broker-");
                broker = LocalBroker.startOnFreePorts(data);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            LocalBroker started = broker;
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "sluice-test-broker-stop"));
        }
        return broker;
    }

    public static String bootstrap() {
        return get().bootstrapServers();
    }

    /** A topic name no other test uses: {@code <prefix>-<n>}. */
    public static String topicName(String prefix) {
        return prefix + "-" + TOPICS.incrementAndGet();
    }

    public static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()));
    }

    public static String createTopic(String prefix, int partitions) {
        String name = topicName(prefix);
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return name;
    }

    public static void addPartitions(String topic, int total) {
        try (Admin admin = admin()) {
            admin.createPartitions(Map.of(topic, NewPartitions.increaseTo(total))).all().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static KafkaProducer<byte[], byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) Duration.ofSeconds(30).toMillis()),
                new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** Sends every record and waits until each is written. */
    public static void send(List<ProducerRecord<byte[], byte[]>> records) {
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            for (ProducerRecord<byte[], byte[]> record : records) {
                producer.send(record).get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every record of {@code topic}, partition by partition, read up to the end offsets it has now. */
    public static List<org.apache.kafka.clients.consumer.ConsumerRecord<byte[], byte[]>> readAll(String topic) {
        List<org.apache.kafka.clients.consumer.ConsumerRecord<byte[], byte[]>> records = new java.util.ArrayList<>();
        try (org.apache.kafka.clients.consumer.KafkaConsumer<byte[], byte[]> consumer =
                     new org.apache.kafka.clients.consumer.KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap()),
                             new org.apache.kafka.common.serialization.ByteArrayDeserializer(),
                             new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
            List<org.apache.kafka.common.TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new org.apache.kafka.common.TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<org.apache.kafka.common.TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + topic + " to its end");
                }
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
            }
        }
        records.sort(java.util.Comparator.<org.apache.kafka.clients.consumer.ConsumerRecord<byte[], byte[]>>
                comparingInt(r -> r.partition()).thenComparingLong(r -> r.offset()));
        return records;
    }

    /** {@code values} as UTF-8 records without keys into one partition of {@code topic}. */
    public static void sendValues(String topic, int partition, List<String> values) {
        send(values.stream().map(v -> new ProducerRecord<byte[], byte[]>(topic, partition, null,
                v.getBytes(java.nio.charset.StandardCharsets.UTF_8))).toList());
    }
}
