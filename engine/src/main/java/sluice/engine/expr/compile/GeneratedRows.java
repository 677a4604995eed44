package sluice.engine.expr.compile;

import java.util.List;
import sluice.engine.types.ColumnVector;

/**
 * What a generator made of a batch: {@code count} rows, where row {@code i} came from input row {@code parents[i]}
 * (in input order, each input row's rows in the generator's order), and one vector per output column. Immutable once
 * made; the arrays are not copied.
 */
public record GeneratedRows(int[] parents, int count, List<ColumnVector> columns) {
    public GeneratedRows {
        columns = List.copyOf(columns);
    }
}
