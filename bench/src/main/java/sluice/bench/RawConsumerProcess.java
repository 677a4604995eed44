package sluice.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * kafka-clients alone as a whole process, the Kafka benchmark's limit for a process: one consumer per partition, each
 * on a thread of its own, polling its partition from its start to its end and dropping the records, with the
 * settings Sluice's source gives its consumers (10,000 records and 4 MB a fetch, no metrics push). No SQL, no
 * progress, no checkpoint. Usage: {@code RawConsumerProcess BOOTSTRAP TOPIC PARTITIONS EXPECTED}; exits 1 when it
 * read another number of records than {@code EXPECTED}.
 */
public final class RawConsumerProcess {
    private RawConsumerProcess() {
    }

    public static void main(String[] args) throws InterruptedException {
        String bootstrap = args[0];
        String topic = args[1];
        int partitions = Integer.parseInt(args[2]);
        long expected = Long.parseLong(args[3]);
        AtomicLong read = new AtomicLong();
        List<Thread> readers = new ArrayList<>();
        for (int partition = 0; partition < partitions; partition++) {
            TopicPartition assigned = new TopicPartition(topic, partition);
            Thread reader = new Thread(() -> read.addAndGet(readAll(bootstrap, assigned)), "reader-" + partition);
            reader.start();
            readers.add(reader);
        }
        for (Thread reader : readers) {
            reader.join();
        }
        if (read.get() != expected) {
            System.err.println("read " + read.get() + " records, not " + expected);
            System.exit(1);
        }
    }

    private static long readAll(String bootstrap, TopicPartition partition) {
        Map<String, Object> settings = Map.of("bootstrap.servers", bootstrap, "enable.auto.commit", "false",
                "max.poll.records", "10000", "max.partition.fetch.bytes", "4194304", "enable.metrics.push", "false");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(settings, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            long count = 0;
            while (consumer.position(partition) < end) {
                count += consumer.poll(Duration.ofMillis(100)).count();
            }
            return count;
        }
    }
}
