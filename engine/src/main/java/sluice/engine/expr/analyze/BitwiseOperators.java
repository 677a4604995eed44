package sluice.engine.expr.analyze;

import java.util.List;
import sluice.engine.expr.lex.Span;
import sluice.engine.expr.parse.Ast.BinaryOp;
import sluice.engine.types.AtomicType;
import sluice.engine.types.DataType;

/**
 * The bitwise operators {@code & | ^ ~} and the shifts ({@code << >> >>>}) on integral values, typed as Spark types
 * them: both sides of {@code & | ^} widened to one integral type, a string read as a BIGINT. Stateless.
 */
final class BitwiseOperators {
    private final Analyzer analyzer;

    BitwiseOperators(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    /** {@code a & b}, {@code a | b}, {@code a ^ b} and the shift operators, named {@code (a op b)}. */
    Typed binary(BinaryOp op, Typed left, Typed right, Span span, String sql) {
        return switch (op) {
            case SHIFT_LEFT -> shift("shiftleft", left, right, span, sql);
            case SHIFT_RIGHT -> shift("shiftright", left, right, span, sql);
            case SHIFT_RIGHT_UNSIGNED -> shift("shiftrightunsigned", left, right, span, sql);
            default -> logical(op, left, right, span, sql);
        };
    }

    private Typed logical(BinaryOp op, Typed left, Typed right, Span span, String sql) {
        Typed a = integral(left, "'" + op.symbol() + "'");
        Typed b = integral(right, "'" + op.symbol() + "'");
        DataType type = a.type() == AtomicType.NULL ? b.type() : b.type() == AtomicType.NULL ? a.type()
                : Coercion.widerNumeric(a.type(), b.type());
        if (type == AtomicType.NULL) {
            type = AtomicType.INT;
        }
        String function = switch (op) {
            case BIT_AND -> "bit_and";
            case BIT_OR -> "bit_or";
            case BIT_XOR -> "bit_xor";
            default -> throw new AssertionError(op);
        };
        return FunctionCatalog.call(function, List.of(analyzer.coerce(a, type), analyzer.coerce(b, type)), type,
                a.nullable() || b.nullable(), span, sql);
    }

    /** {@code ~a}: the same integral type. */
    Typed not(Typed operand, Span span) {
        Typed value = integral(operand, "'~'");
        if (value.type() == AtomicType.NULL) {
            value = analyzer.coerce(value, AtomicType.INT);
        }
        return FunctionCatalog.call("bit_not", List.of(value), value.type(), value.nullable(), span,
                "~" + operand.sql());
    }

    /** Spark's shifts take an INT or a BIGINT (anything else becomes an INT) and an INT count. */
    Typed shift(String name, Typed value, Typed count, Span span, String sql) {
        Typed shifted = value.type() == AtomicType.BIGINT ? value : analyzer.expect(value, AtomicType.INT, name);
        Typed by = analyzer.expect(count, AtomicType.INT, name);
        return FunctionCatalog.call(name, List.of(shifted, by), shifted.type(), shifted.nullable() || by.nullable(),
                span, sql);
    }

    /** An integral value as it is; a string is read as a BIGINT, as Spark promotes it. */
    Typed integral(Typed value, String what) {
        DataType type = value.type();
        if (type == AtomicType.STRING) {
            return analyzer.coerce(value, AtomicType.BIGINT);
        }
        if (!type.isIntegral() && type != AtomicType.NULL) {
            throw analyzer.mismatch(value, what, "an integral type");
        }
        return value;
    }
}
