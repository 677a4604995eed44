package sluice.engine.source;

import java.util.function.Consumer;
import sluice.engine.types.Batch;

/**
 * One partition of a micro-batch's input, as Spark's tasks read them. Immutable description of what to read; both
 * reads may run on any thread and throw {@link sluice.engine.diag.SluiceException} for bad input.
 */
@FunctionalInterface
public interface InputPartition {
    /** All rows of the partition in one batch. */
    Batch read();

    /**
     * The rows of the partition as consecutive batches handed to {@code out} one at a time, in order, so a task can
     * send each through its operators before the next is read and a partition larger than memory still runs (as
     * Spark's readers hand rows to the next operator one at a time). By default the one batch of {@link #read()}.
     */
    default void read(Consumer<Batch> out) {
        out.accept(read());
    }
}
