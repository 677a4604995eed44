/**
 * Spark's aggregate functions ({@code count}, {@code sum}, {@code avg}, {@code min}, {@code max}): what each keeps
 * per group (its buffer), how a row updates it and what it gives, with Spark's result types, null rules and generated
 * names. {@link sluice.engine.aggregate.AggregateCompiler} makes them from text such as {@code avg(Close) AS
 * avg_close}; the aggregate operator runs them. Immutable and thread-safe; buffers belong to the task using them.
 */
package sluice.engine.aggregate;
