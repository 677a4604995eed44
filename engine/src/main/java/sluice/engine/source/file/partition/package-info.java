/**
 * Partition folders, as Spark's {@code PartitioningUtils}: {@code key=value} folder names between a base path and a
 * data file are partition columns. {@link sluice.engine.source.file.partition.PartitionDiscovery} finds them and
 * infers their types when the planner makes a file source (from the files present then, as Spark does when the
 * stream is defined); {@link sluice.engine.source.file.partition.PartitionedFormat} wraps any
 * {@link sluice.engine.source.file.FileFormat} so that every batch it reads gets the values of its file's folders as
 * constant columns at the end; {@link sluice.engine.source.file.partition.PathEscaping} is Spark's escaping of
 * names and values in folder names, shared with {@code sink.file}'s {@code partitionBy}. All immutable.
 */
package sluice.engine.source.file.partition;
