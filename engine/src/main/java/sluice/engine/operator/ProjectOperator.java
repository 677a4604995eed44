package sluice.engine.operator;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import sluice.engine.expr.CompiledExpression;
import sluice.engine.expr.EvalContext;
import sluice.engine.types.Batch;
import sluice.engine.types.ColumnVector;
import sluice.engine.types.Field;
import sluice.engine.types.Schema;

/**
 * Spark's {@code Project}: each output column is an input column passed through or an evaluated expression.
 * Made by {@code transform.select} and {@code transform.withColumn}. Immutable.
 */
public final class ProjectOperator extends PartitionOperator {
    private final Schema schema;
    private final List<Column> columns;

    /** One output column: either the input column at {@code inputIndex}, or {@code expression}. */
    public record Column(String name, int inputIndex, CompiledExpression expression) {
        public Column {
            requireNonNull(name, "name is null");
            if ((inputIndex < 0) == (expression == null)) {
                throw new IllegalArgumentException("a column is either passed through or computed");
            }
        }

        public static Column passThrough(String name, int inputIndex) {
            return new Column(name, inputIndex, null);
        }

        public static Column computed(String name, CompiledExpression expression) {
            return new Column(name, -1, expression);
        }
    }

    public ProjectOperator(Schema input, List<Column> columns) {
        this.columns = List.copyOf(columns);
        List<Field> fields = new ArrayList<>();
        for (Column column : this.columns) {
            fields.add(column.expression() == null
                    ? input.field(column.inputIndex()).withName(column.name())
                    : new Field(column.name(), column.expression().type(), column.expression().nullable()));
        }
        this.schema = new Schema(fields);
    }

    @Override
    public Schema schema() {
        return schema;
    }

    /** The output columns, in order. */
    public List<Column> columns() {
        return columns;
    }

    @Override
    public java.util.BitSet requiredInputColumns(int input, int inputWidth, java.util.BitSet requiredOutput) {
        java.util.BitSet needed = new java.util.BitSet();
        for (int c = requiredOutput.nextSetBit(0); c >= 0 && c < columns.size(); c = requiredOutput.nextSetBit(c + 1)) {
            Column column = columns.get(c);
            if (column.expression() == null) {
                needed.set(column.inputIndex());
            } else {
                needed.or(column.expression().referencedColumns());
            }
        }
        return needed;
    }

    @Override
    public void foldConstants(EvalContext context) {
        for (Column column : columns) {
            if (column.expression() != null) {
                column.expression().foldConstants(context);
            }
        }
    }

    @Override
    public Batch apply(Batch partition, TaskContext context) {
        List<ColumnVector> vectors = new ArrayList<>(columns.size());
        for (Column column : columns) {
            vectors.add(column.expression() == null
                    ? partition.column(column.inputIndex())
                    : column.expression().evaluate(partition, context.eval()));
        }
        // The rows are the input's, one for one, so the marks of malformed rows carry over.
        return partition.withColumns(schema, vectors);
    }
}
