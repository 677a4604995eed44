/**
 * A single-node Kafka broker in KRaft mode (broker and controller in one process) on 127.0.0.1, made from Kafka's
 * own jars: {@link sluice.broker.LocalBroker} for tests (one per suite, free ports) and
 * {@link sluice.broker.BrokerCommand} for trying the Kafka examples ({@code java -jar sluice-broker.jar}, port 9092).
 * The engine depends on this module in test scope only, so its jar carries kafka-clients and nothing of the broker.
 */
package sluice.broker;
