package sluice.engine.aggregate;

import java.util.List;
import sluice.engine.types.AtomicType;
import sluice.engine.types.ColumnVector;
import sluice.engine.types.DataType;
import sluice.engine.types.VectorBuilder;

/**
 * Spark's {@code avg} (and {@code mean}) of numbers other than decimals: the values summed as DOUBLE and divided by
 * their count, as Spark's Average does; DOUBLE, null when the group has no non-null value. The buffer is the sum
 * and the count. Immutable.
 */
record AverageFunction() implements AggregateFunction {

    @Override
    public DataType resultType() {
        return AtomicType.DOUBLE;
    }

    @Override
    public boolean nullable() {
        return true;
    }

    @Override
    public List<DataType> bufferTypes() {
        return List.of(AtomicType.DOUBLE, AtomicType.BIGINT);
    }

    @Override
    public void initialize(Object[] buffer, int at) {
        buffer[at] = 0.0;
        buffer[at + 1] = 0L;
    }

    @Override
    public void update(Object[] buffer, int at, List<ColumnVector> args, int row) {
        Object value = StoredValues.read(args.get(0), row);
        if (value == null) {
            return;
        }
        double number = value instanceof Long whole ? (double) whole : (Double) value;
        buffer[at] = (Double) buffer[at] + number;
        buffer[at + 1] = (Long) buffer[at + 1] + 1;
    }

    @Override
    public void result(Object[] buffer, int at, VectorBuilder out) {
        long count = (Long) buffer[at + 1];
        if (count == 0) {
            out.appendNull();
        } else {
            out.appendDouble((Double) buffer[at] / count);
        }
    }
}
