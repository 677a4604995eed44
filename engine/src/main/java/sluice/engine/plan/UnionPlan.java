package sluice.engine.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import sluice.engine.diag.ErrorCode;
import sluice.engine.expr.CompiledExpression;
import sluice.engine.expr.analyze.Coercion;
import sluice.engine.operator.UnionOperator;
import sluice.engine.types.DataType;
import sluice.engine.types.Field;
import sluice.engine.types.Schema;

/**
 * Lines the inputs of a union up as Spark does: when every input has as many columns, each column takes the wider
 * type of all inputs' types in its position (Spark's WidenSetOperationTypes under ANSI coercion: INT and BIGINT meet
 * at BIGINT, a string and a number at BIGINT or DOUBLE, DATE and TIMESTAMP at TIMESTAMP, arrays, maps and structs
 * part by part), an input of a narrower type cast to it; a column without a wider type, or a different number of
 * columns, is refused with Spark's reason. The result takes the first input's names; a column is nullable when it
 * is in any input.
 */
final class UnionPlan {
    private UnionPlan() {
    }

    static Optional<PlannedNode> plan(NodeContext context) {
        List<Schema> inputs = context.inputSchemas();
        Schema first = inputs.get(0);
        boolean sameWidth = inputs.stream().allMatch(s -> s.size() == first.size());
        List<DataType> types = new ArrayList<>();
        for (int c = 0; c < first.size(); c++) {
            types.add(sameWidth ? widest(inputs, c) : null);
        }
        for (int i = 1; i < inputs.size(); i++) {
            Schema other = inputs.get(i);
            if (other.size() != first.size()) {
                context.problem("inputs", ErrorCode.INCOMPATIBLE_UNION,
                        "[NUM_COLUMNS_MISMATCH] UNION can only be performed on inputs with the same number of "
                                + "columns, but the first input has %d columns and the %s input has %d columns",
                        first.size(), ordinal(i + 1), other.size());
                return Optional.empty();
            }
            for (int c = 0; c < first.size(); c++) {
                DataType type = other.field(c).type();
                if (types.get(c) == null && !type.equals(first.field(c).type())) {
                    context.problem("inputs", ErrorCode.INCOMPATIBLE_UNION,
                            "[INCOMPATIBLE_COLUMN_TYPE] UNION can only be performed on inputs with compatible column "
                                    + "types; the %s column of the %s input is \"%s\" type which is not compatible "
                                    + "with \"%s\" at the same column of the first input; cast it first",
                            ordinal(c + 1), ordinal(i + 1), type.sql(), first.field(c).type().sql());
                    return Optional.empty();
                }
            }
        }
        List<Field> fields = new ArrayList<>();
        List<UnionOperator.Widening> widenings = new ArrayList<>();
        for (int c = 0; c < first.size(); c++) {
            final int column = c;
            boolean nullable = inputs.stream().anyMatch(s -> s.field(column).nullable());
            DataType type = types.get(c);
            fields.add(new Field(first.field(c).name(), type, nullable));
            for (int i = 0; i < inputs.size(); i++) {
                DataType own = inputs.get(i).field(c).type();
                // Intervals of one kind keep their stored values under the wider fields: no cast needed.
                if (!own.equals(type) && !Coercion.sameIntervalKind(own, type)) {
                    CompiledExpression cast = context.compiler().castColumn(inputs.get(i), c, type,
                            context.where("inputs"));
                    widenings.add(new UnionOperator.Widening(i, c, cast));
                }
            }
        }
        return Optional.of(new PlannedNode.TransformNode(new UnionOperator(new Schema(fields), widenings)));
    }

    /** The wider type of every input's column {@code c}, or null when two of them have none. */
    private static DataType widest(List<Schema> inputs, int c) {
        DataType wider = inputs.get(0).field(c).type();
        for (int i = 1; i < inputs.size(); i++) {
            Optional<DataType> next = Coercion.commonType(wider, inputs.get(i).field(c).type());
            if (next.isEmpty()) {
                return null;
            }
            wider = next.get();
        }
        return wider;
    }

    private static String ordinal(int n) {
        return switch (n) {
            case 1 -> "first";
            case 2 -> "second";
            case 3 -> "third";
            default -> n + "th";
        };
    }
}
