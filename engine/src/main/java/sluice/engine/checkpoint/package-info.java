/**
 * The checkpoint folder, in Spark's layout: {@code metadata} (the query id), {@code offsets/N} (written before batch N
 * runs), {@code commits/N} (written after its sinks finish) and {@code sources/I/} (each source's own log). Files are
 * written to a temporary name and renamed, so a crash never leaves half a file. Used by the micro-batch loop on the
 * query thread.
 */
package sluice.engine.checkpoint;
