/**
 * Sinks: the {@link sluice.engine.sink.Sink} SPI (one call per micro-batch, idempotent by batch id), output modes,
 * and the console, memory, noop and file sinks. The planner makes sinks; the micro-batch loop calls them on the query
 * thread. {@link sluice.engine.sink.ShowTable} renders Spark's {@code show()} text for the console sink and the
 * workbench; {@link sluice.engine.sink.FileSinkLog} reads and writes Spark's {@code _spark_metadata} log, also for file
 * sources reading a sink's output. {@link sluice.engine.sink.MemoryTables} is shared with readers on other threads and
 * is thread-safe.
 */
package sluice.engine.sink;
