package sluice.engine.expr.compile;

import java.util.List;
import sluice.engine.expr.analyze.Coercion;
import sluice.engine.expr.analyze.ReferencedColumns;
import sluice.engine.expr.analyze.Typed;
import sluice.engine.types.AtomicType;
import sluice.engine.types.DataType;
import sluice.engine.types.DecimalType;

/**
 * Spark's optimizer rule SimplifyCasts: of two numeric casts in a row that both widen (Spark's {@code Cast.canUpCast}),
 * the middle one is dropped. So a BIGINT cast to FLOAT and then to DOUBLE (as {@code log10(CAST(n AS FLOAT))} is) keeps
 * every digit of the BIGINT, where the FLOAT alone would have rounded it. Spark folds constants before this rule, so a
 * cast of a constant keeps the middle type's rounding. Stateless.
 */
final class WideningCasts {
    /** Spark's numeric precedence: each widens to those after it (FLOAT and DOUBLE too, though FLOAT may round). */
    private static final List<AtomicType> ORDER = List.of(AtomicType.TINYINT, AtomicType.SMALLINT, AtomicType.INT,
            AtomicType.BIGINT, AtomicType.FLOAT, AtomicType.DOUBLE);

    private WideningCasts() {
    }

    /** What {@code cast} converts once the widening casts under it that Spark drops are gone. */
    static Typed operandOf(Typed.Cast cast) {
        Typed operand = cast.operand();
        while (operand instanceof Typed.Cast inner && widens(inner.operand().type(), inner.type())
                && widens(inner.type(), cast.type()) && !foldable(inner.operand())) {
            operand = inner.operand();
        }
        return operand;
    }

    /** Spark's {@code Cast.canUpCast} between numeric types. */
    static boolean widens(DataType from, DataType to) {
        if (!from.isNumeric() || !to.isNumeric()) {
            return false;
        }
        if (from.equals(to)) {
            return true;
        }
        if (to instanceof DecimalType wide) {
            if (!from.isIntegral() && !(from instanceof DecimalType)) {
                return false;
            }
            DecimalType narrow = Coercion.decimalFor(from);
            return wide.precision() - wide.scale() >= narrow.precision() - narrow.scale()
                    && wide.scale() >= narrow.scale();
        }
        if (from instanceof DecimalType narrow) {
            if (!to.isIntegral()) {
                return false;
            }
            DecimalType wide = Coercion.decimalFor(to);
            return narrow.precision() - narrow.scale() <= wide.precision() - wide.scale()
                    && narrow.scale() <= wide.scale();
        }
        return ORDER.indexOf(from) < ORDER.indexOf(to);
    }

    /** Whether Spark would have folded {@code typed} to a constant first: it reads no column nor lambda variable. */
    private static boolean foldable(Typed typed) {
        return !(typed instanceof Typed.Column) && !(typed instanceof Typed.LambdaVariable)
                && ReferencedColumns.children(typed).stream().allMatch(WideningCasts::foldable);
    }
}
