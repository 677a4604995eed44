/**
 * Operators between sources and sinks: {@link sluice.engine.operator.Operator} turns the partitions of its inputs'
 * micro-batch into its own, in parallel over {@link sluice.engine.operator.PartitionTasks}. Made by the planner from
 * compiled expressions; executed by the micro-batch loop. Stateless operators are immutable and thread-safe;
 * a {@link sluice.engine.operator.StatefulOperator} (the aggregation) owns its state store, opened by the query at
 * its start.
 */
package sluice.engine.operator;
