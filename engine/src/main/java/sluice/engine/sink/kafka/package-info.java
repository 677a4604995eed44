/**
 * Spark's Kafka sink: each row becomes a record (topic, key, value, headers, partition columns) sent with a
 * kafka-clients producer; a batch ends when every record is acknowledged, so delivery is at least once, as Spark's.
 * The planner makes it once the input's columns are checked; the query thread calls it.
 */
package sluice.engine.sink.kafka;
