package sluice.engine.aggregate;

import java.util.List;
import sluice.engine.types.ColumnVector;
import sluice.engine.types.DataType;
import sluice.engine.types.VectorBuilder;

/**
 * Spark's {@code max_by(x, y)} ({@code greatest} true) and {@code min_by(x, y)}: the value of {@code x} in the row
 * with the greatest (least) {@code y}, of x's type. Rows whose {@code y} is null are skipped; among rows with equal
 * {@code y} the later one wins, as Spark's update keeps the old value only when its {@code y} is strictly beyond the
 * new one. The buffer is the extreme {@code y} and its {@code x}, as Spark's. Immutable.
 */
record ExtremumByFunction(DataType resultType, DataType orderingType, boolean greatest) implements AggregateFunction {

    @Override
    public boolean nullable() {
        return true;
    }

    @Override
    public List<DataType> bufferTypes() {
        return List.of(orderingType, resultType);
    }

    @Override
    public void initialize(Object[] buffer, int at) {
        buffer[at] = null;
        buffer[at + 1] = null;
    }

    @Override
    public void update(Object[] buffer, int at, List<ColumnVector> args, int row) {
        Object ordering = StoredValues.read(args.get(1), row);
        if (ordering == null) {
            return;
        }
        Object current = buffer[at];
        if (current != null) {
            int order = StoredValues.compare(current, ordering);
            if (greatest ? order > 0 : order < 0) {
                return;
            }
        }
        buffer[at] = ordering;
        buffer[at + 1] = StoredValues.read(args.get(0), row);
    }

    @Override
    public void merge(Object[] buffer, int at, Object[] other, int otherAt) {
        Object ordering = other[otherAt];
        if (ordering == null) {
            return;
        }
        Object current = buffer[at];
        if (current != null) {
            // As update: the later of two equal orderings wins.
            int order = StoredValues.compare(current, ordering);
            if (greatest ? order > 0 : order < 0) {
                return;
            }
        }
        buffer[at] = ordering;
        buffer[at + 1] = other[otherAt + 1];
    }

    @Override
    public boolean mergesPartials() {
        return true;
    }

    @Override
    public void mergePartial(Object[] buffer, int at, Object[] partial, int partialAt) {
        // The rows go straight into the kept aggregate, which merge combines as the rows would.
        merge(buffer, at, partial, partialAt);
    }

    @Override
    public void result(Object[] buffer, int at, VectorBuilder out) {
        StoredValues.append(out, buffer[at + 1]);
    }
}
