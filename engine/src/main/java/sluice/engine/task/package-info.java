/**
 * How work of a micro-batch notices that its query is stopping: a stop interrupts the query thread and the partition
 * tasks' threads, as Spark's stop cancels the batch's job, and long loops (source reads, operators, sinks) call
 * {@link sluice.engine.task.TaskInterruption#check()}, which throws once the running thread is interrupted. Depends on
 * nothing else of the engine, so every layer may call it; any thread.
 */
package sluice.engine.task;
