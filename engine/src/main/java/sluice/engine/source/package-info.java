/**
 * Sources: the {@link sluice.engine.source.Source} SPI (offsets as JSON text, so a batch is the data between two
 * offsets and can be re-read after a crash) and the rate, socket and file sources. The planner makes sources from
 * their options; the micro-batch loop asks them for offsets on its own thread and reads their
 * {@link sluice.engine.source.InputPartition}s on the partition tasks' threads.
 */
package sluice.engine.source;
