/**
 * Operators between sources and sinks: {@link sluice.engine.operator.Operator} turns the partitions of its inputs'
 * micro-batch into its own, in parallel over {@link sluice.engine.operator.PartitionTasks}. Made by the planner from
 * compiled expressions; executed by the micro-batch loop. Stateless operators are immutable and thread-safe.
 */
package sluice.engine.operator;
