/**
 * What the Kafka source, the Kafka sink and the workbench share about Kafka: Spark's offset text
 * ({@link sluice.engine.kafka.PartitionOffsets}), one-line messages for what kafka-clients throws
 * ({@link sluice.engine.kafka.KafkaFailures}) and a broker's topic list for editors
 * ({@link sluice.engine.kafka.KafkaTopics}, off the FX thread), and the command line's early start on the clients'
 * classes ({@link sluice.engine.kafka.ClientWarmUp}). Stateless.
 */
package sluice.engine.kafka;
