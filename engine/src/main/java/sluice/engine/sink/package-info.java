/**
 * Sinks: the {@link sluice.engine.sink.Sink} SPI (one call per micro-batch, idempotent by batch id), output modes,
 * and the console, memory, noop and file sinks. The planner makes sinks; the micro-batch loop calls them on the query
 * thread. {@link sluice.engine.sink.MemoryTables} is shared with readers on other threads and is thread-safe.
 */
package sluice.engine.sink;
