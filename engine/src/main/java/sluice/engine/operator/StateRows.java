package sluice.engine.operator;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import sluice.engine.aggregate.StoredValues;
import sluice.engine.types.Batch;
import sluice.engine.types.ColumnVector;
import sluice.engine.types.Field;
import sluice.engine.types.Schema;
import sluice.engine.types.VectorBuilder;

/**
 * What a stateful operator keeps after a committed batch, as rows a person can read: for an aggregation its groups
 * with their aggregates as they would be output, for deduplication the keys seen, for a join the rows each side keeps.
 * At most a bounded number of rows, in state-key order, and how many the state holds in all. Built from a copy of the
 * state, so it never changes with the live state; immutable.
 */
public record StateRows(Batch rows, long totalRows) {
    public StateRows {
        requireNonNull(rows, "rows is null");
        if (totalRows < rows.rowCount()) {
            throw new IllegalArgumentException("totalRows " + totalRows + " is below the rows given: "
                    + rows.rowCount());
        }
    }

    /** Rows of {@code schema} from values as vectors store them (see StoredValues), one array per row. */
    static StateRows of(Schema schema, List<Object[]> values, long totalRows) {
        List<VectorBuilder> builders = new ArrayList<>();
        for (Field field : schema.fields()) {
            builders.add(new VectorBuilder(field.type(), values.size()));
        }
        for (Object[] row : values) {
            for (int c = 0; c < row.length; c++) {
                StoredValues.append(builders.get(c), row[c]);
            }
        }
        List<ColumnVector> columns = new ArrayList<>();
        builders.forEach(builder -> columns.add(builder.build()));
        return new StateRows(new Batch(schema, columns, values.size()), totalRows);
    }

    public boolean isTruncated() {
        return rows.rowCount() < totalRows;
    }
}
