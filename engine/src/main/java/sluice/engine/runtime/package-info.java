/**
 * Running a plan: {@link sluice.engine.runtime.StreamingQuery} is the handle (start, stop, await, step, pause),
 * {@link sluice.engine.runtime.MicroBatchExecution} the loop on the query's own thread, and
 * {@link sluice.engine.runtime.QueryProgress} the event published to {@link sluice.engine.runtime.QueryListener}s
 * after every batch, on the query thread. Listeners must hand events to their own threads quickly.
 */
package sluice.engine.runtime;
