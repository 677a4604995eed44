package sluice.engine.source;

import sluice.engine.types.Batch;

/**
 * One partition of a micro-batch's input, as Spark's tasks read them. Immutable description of what to read;
 * {@link #read()} may run on any thread and throws {@link sluice.engine.diag.SluiceException} for bad input.
 */
@FunctionalInterface
public interface InputPartition {
    Batch read();
}
