/**
 * The state store of stateful operators, as Spark's HDFS-backed one: per operator and partition, versioned by batch
 * id (version N+1 is the state after batch N), kept in the checkpoint under {@code state/<operator>/<partition>/} as
 * {@code <version>.delta} files with a periodic {@code <version>.snapshot}, in Sluice's own row encoding. Made by the
 * micro-batch loop when a query starts; each partition is used by one task at a time.
 */
package sluice.engine.state;
