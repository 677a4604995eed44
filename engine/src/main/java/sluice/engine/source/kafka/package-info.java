/**
 * Spark's Kafka source: offsets are a {@code {"topic":{"partition":offset}}} map kept in the checkpoint (never in
 * consumer-group commits), a batch is the records between two such maps, read partition by partition with
 * kafka-clients consumers. The planner makes a {@link sluice.engine.source.kafka.KafkaSource} from
 * {@link sluice.engine.source.kafka.KafkaSourceOptions}; the query thread asks it for offsets through an Admin client,
 * partition tasks read with pooled consumers.
 */
package sluice.engine.source.kafka;
