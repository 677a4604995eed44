package sluice.engine.source.kafka;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetOutOfRangeException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.record.TimestampType;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.Position;
import sluice.engine.diag.Problem;
import sluice.engine.kafka.KafkaFailures;
import sluice.engine.types.Batch;
import sluice.engine.types.Bytes;
import sluice.engine.types.ColumnVector;
import sluice.engine.types.Row;
import sluice.engine.types.Schema;
import sluice.engine.types.VectorBuilder;

/**
 * Reads the records of one partition between two offsets into a batch of Spark's Kafka columns, as Spark's
 * {@code KafkaDataConsumer} does: seek, poll until the end offset, skip the gaps that compaction and transaction
 * markers leave, and treat offsets that are gone from the broker as data loss ({@code failOnDataLoss}). Columns the
 * query does not read stay null. Immutable; {@link #read} runs on a partition task's thread.
 */
final class OffsetRangeReader {
    private static final System.Logger LOG = System.getLogger(OffsetRangeReader.class.getName());
    /**
     * Records are handed on in batches of about this many rows (a poll's records are never split), so the task's
     * operators work on each while the consumer's next fetch is on its way, and a long range never sits in memory
     * whole (the benchmark's two ranges of 500,000 records, read whole and then filtered, took 0.2 s more and
     * several old-generation collections).
     */
    static final int BATCH_ROWS = 4096;

    private final ConsumerPool consumers;
    private final Schema schema;
    private final BitSet required;
    private final boolean failOnDataLoss;
    private final Duration pollTimeout;
    private final String nodeId;
    private final String bootstrap;

    OffsetRangeReader(ConsumerPool consumers, Schema schema, BitSet required, boolean failOnDataLoss,
                      Duration pollTimeout, String nodeId, String bootstrap) {
        this.consumers = requireNonNull(consumers, "consumers is null");
        this.schema = requireNonNull(schema, "schema is null");
        this.required = (BitSet) required.clone();
        this.failOnDataLoss = failOnDataLoss;
        this.pollTimeout = requireNonNull(pollTimeout, "pollTimeout is null");
        this.nodeId = requireNonNull(nodeId, "nodeId is null");
        this.bootstrap = requireNonNull(bootstrap, "bootstrap is null");
    }

    /** The schema of the batches read: Spark's Kafka columns. */
    Schema schema() {
        return schema;
    }

    /** The records of {@code partition} at offsets {@code [from, until)}, batch after batch into {@code out}. */
    void read(TopicPartition partition, long from, long until, Consumer<Batch> out) {
        KafkaConsumer<byte[], byte[]> consumer;
        try {
            consumer = consumers.take();
        } catch (org.apache.kafka.common.KafkaException e) {
            throw KafkaFailures.badSettings(nodeId, e);
        }
        boolean healthy = false;
        try {
            Columns columns = new Columns((int) Math.min(until - from, BATCH_ROWS));
            consumer.assign(Set.of(partition));
            consumer.seek(partition, from);
            long position = from;
            long lastProgress = System.nanoTime();
            while (position < until) {
                ConsumerRecords<byte[], byte[]> records;
                try {
                    records = consumer.poll(Duration.ofMillis(100));
                } catch (OffsetOutOfRangeException e) {
                    position = dataLost(consumer, partition, position, until);
                    continue;
                }
                for (ConsumerRecord<byte[], byte[]> record : records.records(partition)) {
                    if (record.offset() >= until) {
                        break;
                    }
                    columns.add(record);
                    position = record.offset() + 1;
                }
                if (columns.rows >= BATCH_ROWS) {
                    out.accept(columns.toBatch());
                    columns = new Columns((int) Math.min(until - position, BATCH_ROWS));
                }
                if (records.isEmpty()) {
                    // Aborted transactions and markers end a range without records: the position still moves.
                    position = Math.max(position, consumer.position(partition, pollTimeout));
                    if (position < until && System.nanoTime() - lastProgress > pollTimeout.toNanos()) {
                        throw KafkaFailures.of(ErrorCode.SOURCE_FAILED, nodeId, bootstrap,
                                "reading " + where(partition) + " offsets " + from + " to " + until,
                                new org.apache.kafka.common.errors.TimeoutException("poll"), pollTimeout);
                    }
                } else {
                    lastProgress = System.nanoTime();
                }
            }
            if (columns.rows > 0) {
                out.accept(columns.toBatch());
            }
            healthy = true;
        } catch (InterruptException e) {
            throw KafkaFailures.stopping(e);
        } catch (org.apache.kafka.common.KafkaException e) {
            throw KafkaFailures.of(ErrorCode.SOURCE_FAILED, nodeId, bootstrap, "reading " + where(partition), e,
                    pollTimeout);
        } finally {
            consumers.give(consumer, healthy);
        }
    }

    /** Offsets at {@code position} are gone from the broker: fail, or go on from the earliest one left. */
    private long dataLost(KafkaConsumer<byte[], byte[]> consumer, TopicPartition partition, long position,
                          long until) {
        long earliest = consumer.beginningOffsets(Set.of(partition), pollTimeout).get(partition);
        if (failOnDataLoss) {
            throw Problem.of(ErrorCode.SOURCE_FAILED, Position.node(nodeId), "offset %d of %s is no longer in Kafka "
                    + "at %s (the earliest is %d): records were aged out or the topic was deleted before they were "
                    + "read; set 'failOnDataLoss' to 'false' to skip them", position, where(partition), bootstrap,
                    earliest).toException();
        }
        LOG.log(System.Logger.Level.WARNING, "offsets {0} to {1} of {2} are no longer in Kafka; skipped as "
                + "failOnDataLoss is false", position, Math.min(earliest, until), where(partition));
        long next = Math.min(Math.max(earliest, position), until);
        consumer.seek(partition, next);
        return next;
    }

    static String where(TopicPartition partition) {
        return "topic '" + partition.topic() + "' partition " + partition.partition();
    }

    /** Mutable, owned by one read: the batch's columns as records arrive. */
    private final class Columns {
        private final VectorBuilder keys;
        private final VectorBuilder values;
        private final VectorBuilder topics;
        private final VectorBuilder partitions;
        private final VectorBuilder offsets;
        private final VectorBuilder timestamps;
        private final VectorBuilder timestampTypes;
        private final VectorBuilder headers;
        private int rows;

        Columns(int capacity) {
            keys = builder(KafkaSchema.KEY, capacity);
            values = builder(KafkaSchema.VALUE, capacity);
            topics = builder(KafkaSchema.TOPIC, capacity);
            partitions = builder(KafkaSchema.PARTITION, capacity);
            offsets = builder(KafkaSchema.OFFSET, capacity);
            timestamps = builder(KafkaSchema.TIMESTAMP, capacity);
            timestampTypes = builder(KafkaSchema.TIMESTAMP_TYPE, capacity);
            headers = schema.size() > KafkaSchema.HEADERS ? builder(KafkaSchema.HEADERS, capacity) : null;
        }

        private VectorBuilder builder(int column, int capacity) {
            return required.get(column) ? new VectorBuilder(schema.field(column).type(), capacity) : null;
        }

        void add(ConsumerRecord<byte[], byte[]> record) {
            rows++;
            if (keys != null) {
                keys.appendObject(record.key() == null ? null : Bytes.wrap(record.key()));
            }
            if (values != null) {
                values.appendObject(record.value() == null ? null : Bytes.wrap(record.value()));
            }
            if (topics != null) {
                topics.appendObject(record.topic());
            }
            if (partitions != null) {
                partitions.appendLong(record.partition());
            }
            if (offsets != null) {
                offsets.appendLong(record.offset());
            }
            if (timestamps != null) {
                timestamps.appendLong(Math.multiplyExact(record.timestamp(), 1000L));
            }
            if (timestampTypes != null) {
                timestampTypes.appendLong(typeId(record.timestampType()));
            }
            if (headers != null) {
                List<Object> list = new ArrayList<>();
                for (Header header : record.headers()) {
                    list.add(Row.of(header.key(), header.value() == null ? null : Bytes.wrap(header.value())));
                }
                // As Spark: a record without headers has a null 'headers', not an empty array.
                headers.appendObject(list.isEmpty() ? null : list);
            }
        }

        Batch toBatch() {
            List<ColumnVector> columns = new ArrayList<>(schema.size());
            for (VectorBuilder builder : new VectorBuilder[] {keys, values, topics, partitions, offsets, timestamps,
                    timestampTypes}) {
                columns.add(built(builder, columns.size()));
            }
            if (schema.size() > KafkaSchema.HEADERS) {
                columns.add(built(headers, KafkaSchema.HEADERS));
            }
            return new Batch(schema, columns, rows);
        }

        private ColumnVector built(VectorBuilder builder, int column) {
            return builder == null ? ColumnVector.nulls(schema.field(column).type(), rows) : builder.build();
        }
    }

    /** Spark's {@code timestampType} column: Kafka's type id (0 create time, 1 log append time; -1 none). */
    private static int typeId(TimestampType type) {
        return type.id;
    }
}
