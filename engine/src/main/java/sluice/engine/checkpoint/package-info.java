/**
 * The checkpoint folder, in Spark's layout: {@code metadata} (the query id), {@code offsets/N} (written before batch N
 * runs), {@code commits/N} (written after its sinks finish) and {@code sources/I/} (each source's own log); and the
 * log formats behind it, which the file source and file sink use too ({@link sluice.engine.checkpoint.LogFiles},
 * {@link sluice.engine.checkpoint.CompactibleLog}). Files are written whole or not at all
 * ({@link sluice.engine.checkpoint.AtomicFile}) and read with Spark's checks; whatever is wrong with one is a problem
 * of the log's owner naming the file. Used by the micro-batch loop and by sources and sinks, on the query thread.
 */
package sluice.engine.checkpoint;
