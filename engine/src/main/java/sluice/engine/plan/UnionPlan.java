package sluice.engine.plan;

import java.util.List;
import java.util.Optional;
import sluice.engine.diag.ErrorCode;
import sluice.engine.expr.analyze.Coercion;
import sluice.engine.operator.UnionOperator;
import sluice.engine.types.DataType;
import sluice.engine.types.Field;
import sluice.engine.types.Schema;

/**
 * Checks that the inputs of a union line up as Spark requires: the same number of columns, and the same type in
 * each position, or intervals of one kind (of the wider fields then). The result takes the first input's names; a
 * column is nullable when it is in any input.
 */
final class UnionPlan {
    private UnionPlan() {
    }

    static Optional<PlannedNode> plan(NodeContext context) {
        List<Schema> inputs = context.inputSchemas();
        Schema first = inputs.get(0);
        List<DataType> types = new java.util.ArrayList<>();
        for (Field field : first.fields()) {
            types.add(field.type());
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
                if (Coercion.sameIntervalKind(type, types.get(c))) {
                    // Spark widens intervals of one kind to the wider fields; the stored values stay as they are.
                    types.set(c, Coercion.widerInterval(type, types.get(c)));
                } else if (!type.equals(first.field(c).type())) {
                    context.problem("inputs", ErrorCode.INCOMPATIBLE_UNION,
                            "[INCOMPATIBLE_COLUMN_TYPE] UNION can only be performed on inputs with compatible column "
                                    + "types; the %s column of the %s input is \"%s\" type which is not compatible "
                                    + "with \"%s\" at the same column of the first input; cast it first",
                            ordinal(c + 1), ordinal(i + 1), other.field(c).type().sql(), first.field(c).type().sql());
                    return Optional.empty();
                }
            }
        }
        List<Field> fields = new java.util.ArrayList<>();
        for (int c = 0; c < first.size(); c++) {
            final int column = c;
            boolean nullable = inputs.stream().anyMatch(s -> s.field(column).nullable());
            fields.add(new Field(first.field(c).name(), types.get(c), nullable));
        }
        return Optional.of(new PlannedNode.TransformNode(new UnionOperator(new Schema(fields))));
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
