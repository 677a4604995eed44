package sluice.engine.source.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The consumers a Kafka source reads with, kept between batches as Spark's executors keep theirs: making one costs a
 * connection and a metadata round trip. A partition task takes one, assigns it the partition it reads and gives it
 * back. Consumers never join their group or commit: offsets live in the checkpoint. Thread-safe.
 */
final class ConsumerPool implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ConsumerPool.class.getName());
    private final Map<String, Object> config;
    private final ConcurrentLinkedDeque<KafkaConsumer<byte[], byte[]>> idle = new ConcurrentLinkedDeque<>();
    private final List<KafkaConsumer<byte[], byte[]>> all = new ArrayList<>();
    private boolean closed;

    ConsumerPool(Map<String, Object> settings) {
        Map<String, Object> made = new TreeMap<>(settings);
        // Spark's settings for its executors' consumers: offsets are chosen by the source, never by the group.
        made.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        made.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
        made.putIfAbsent(ConsumerConfig.RECEIVE_BUFFER_CONFIG, "65536");
        // A task reads one partition from one offset to another: larger fetches and polls than Kafka's defaults
        // (1 MB, 500 records) cut the round trips of a long range by about a fifth; kafka.* options still win.
        made.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "10000");
        made.putIfAbsent(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, "4194304");
        this.config = made;
    }

    /** A consumer to read with; the KafkaException of settings the client refuses is thrown as it comes. */
    KafkaConsumer<byte[], byte[]> take() {
        KafkaConsumer<byte[], byte[]> consumer = idle.pollFirst();
        return consumer != null ? consumer : make();
    }

    /**
     * Makes up to {@code count} consumers on a thread of its own and puts them in the pool. Called as the source
     * starts, so that loading kafka-clients' classes overlaps the Admin's first questions for the partitions and
     * offsets instead of following them: the protocol's (every request and response type, about 700 classes, which
     * the first client to connect loads; a quarter of a second in a fresh process, and its error codes, whose table
     * makes 135 lambdas as the first response is read), then the consumer's (making the first consumer takes a tenth
     * of a second or more). A consumer that cannot be made here is made again by {@link #take}, which reports why.
     */
    void prepare(int count) {
        Thread thread = new Thread(() -> {
            try {
                ApiKeys.forId(ApiKeys.FETCH.id);
                Errors.forCode(Errors.NONE.code());
                for (int i = 0; i < count; i++) {
                    idle.addLast(make());
                }
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.DEBUG, "no consumer made ahead: {0}", e.toString());
            }
        }, "sluice-kafka-consumers");
        thread.setDaemon(true);
        thread.start();
    }

    private KafkaConsumer<byte[], byte[]> make() {
        KafkaConsumer<byte[], byte[]> made = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        synchronized (this) {
            if (closed) {
                made.close(Duration.ZERO);
                throw new IllegalStateException("the Kafka source is closed");
            }
            all.add(made);
        }
        return made;
    }

    /** Back into the pool, unassigned; a consumer whose read failed is closed instead (its state is unknown). */
    void give(KafkaConsumer<byte[], byte[]> consumer, boolean healthy) {
        if (healthy) {
            consumer.unsubscribe();
            idle.addFirst(consumer);
            return;
        }
        synchronized (this) {
            all.remove(consumer);
        }
        try {
            consumer.close(Duration.ZERO);
        } catch (InterruptException e) {
            // The read was interrupted because the query stops; the client closed all the same, and the flag that
            // Kafka set again tells the batch to stop.
            LOG.log(System.Logger.Level.DEBUG, "consumer closed while the query stops");
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        // No wait: these consumers have no offsets to commit and no group to leave, and a graceful close waits for
        // the fetch each consumer sent ahead after its last poll, which the broker holds up to fetch.max.wait.ms
        // (500 ms) when the range was read to the end: a quarter of a second per consumer at the end of every run.
        for (KafkaConsumer<byte[], byte[]> consumer : all) {
            consumer.close(Duration.ZERO);
        }
        all.clear();
        idle.clear();
    }
}
