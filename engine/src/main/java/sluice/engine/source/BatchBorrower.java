package sluice.engine.source;

import static java.util.Objects.requireNonNull;

import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import sluice.engine.types.Batch;

/**
 * A receiver of a partition's batches that only borrows each one: once {@link #accept} returns, nothing it or the
 * operators after it keep can reach the batch's vectors, so the reader may write its next rows into the same arrays
 * instead of new ones. The runner hands one to a partition's read only when the rows go nowhere after the task (a
 * sink that does not read them); a reader handed a plain {@link Consumer} gives every batch arrays of its own.
 */
@FunctionalInterface
public interface BatchBorrower extends Consumer<Batch> {

    /**
     * {@code out} with each batch first mapped by {@code map} (which must keep the batch's vectors, not copy them
     * somewhere kept), still a borrower when {@code out} is one.
     */
    static Consumer<Batch> mapped(Consumer<Batch> out, UnaryOperator<Batch> map) {
        requireNonNull(out, "out is null");
        requireNonNull(map, "map is null");
        if (out instanceof BatchBorrower) {
            return (BatchBorrower) batch -> out.accept(map.apply(batch));
        }
        return batch -> out.accept(map.apply(batch));
    }
}
