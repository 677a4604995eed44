package sluice.engine.aggregate;

import java.util.List;
import sluice.engine.types.ColumnVector;
import sluice.engine.types.DataType;
import sluice.engine.types.VectorBuilder;

/**
 * One aggregate function over its compiled arguments. Its buffer is a run of {@link #bufferTypes()} slots in a row
 * of values (as {@link StoredValues} reads them), so the state store can encode every function's buffer alike.
 * Immutable; the buffers are the caller's.
 */
public interface AggregateFunction {

    /** Spark's result type. */
    DataType resultType();

    /** Whether the result can be null (count's cannot; the others are null for a group of only nulls). */
    boolean nullable();

    /** The types of the buffer slots. */
    List<DataType> bufferTypes();

    /** Sets the slots {@code [at, at + bufferTypes().size())} to the empty group's values. */
    void initialize(Object[] buffer, int at);

    /** Adds row {@code row} of the argument vectors to the buffer. */
    void update(Object[] buffer, int at, List<ColumnVector> args, int row);

    /**
     * Adds rows {@code [0, rows)} of the argument vectors, row {@code r} to the buffer {@code buffers[groupOf[r]]},
     * each buffer's rows in row order, as {@link #update} one row at a time would. Functions of common types override
     * it to fold the rows into unboxed values per group and box only each group's result.
     */
    default void fold(Object[][] buffers, int at, int[] groupOf, int rows, List<ColumnVector> args) {
        for (int r = 0; r < rows; r++) {
            update(buffers[groupOf[r]], at, args, r);
        }
    }

    /**
     * Ends the batch's updates of a group the batch touched, before its buffer is kept: functions whose result
     * depends on the order of floating-point operations merge the batch's partial into the kept value here, as
     * Spark's streaming aggregation merges a batch's partial aggregate into its state. Nothing by default.
     */
    default void endBatch(Object[] buffer, int at) {
    }

    /**
     * Merges the kept aggregate of {@code other} (a buffer of this function after {@link #endBatch}) into this
     * buffer's kept aggregate, as Spark merges two partial aggregation buffers: a session window that an event joins
     * to another takes both sessions' aggregates. {@code other} is the later of the two, which decides {@code first},
     * {@code last} and the order of {@code collect_list}. Rows this buffer holds for the batch are kept apart.
     */
    void merge(Object[] buffer, int at, Object[] other, int otherAt);

    /**
     * Whether {@link #mergePartial} gives exactly what Spark gives, so an aggregation can fold each input partition's
     * rows into a partial buffer per group first, as Spark's partial (map-side) aggregation does; false (the rows
     * then come one by one) where no merge does, as for floating-point moments.
     */
    default boolean mergesPartials() {
        return false;
    }

    /**
     * Merges the rows {@code partial} holds for the batch (a buffer of this function given only {@link #update}s,
     * of one input partition's rows) into the rows this buffer holds for the batch, as Spark merges the input
     * partitions' partial aggregates after its shuffle, in input partition order. Only when {@link #mergesPartials}.
     */
    default void mergePartial(Object[] buffer, int at, Object[] partial, int partialAt) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " merges no partial aggregates");
    }

    /** Appends the result of the buffer. */
    void result(Object[] buffer, int at, VectorBuilder out);
}
