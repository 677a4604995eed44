package sluice.engine.expr.analyze;

import java.util.Set;
import sluice.engine.types.AtomicType;
import sluice.engine.types.DataType;

/**
 * Spark's NullPropagation for IS [NOT] NULL: the optimizer turns {@code x IS NULL} into false (and {@code IS NOT
 * NULL} into true) when Spark declares {@code x} non-nullable, so {@code x} is never evaluated and its ANSI errors
 * never happen ({@code to_date(' 42 ', 'yyyy-MM-dd') IS NULL} is false). Only nodes whose nullability under ANSI was
 * checked against Spark's source count as never null; every other node may be null, so its check runs per row as
 * before. Stateless.
 */
public final class NullPropagation {
    /** ToTimestamp's kin with a format (GetTimestamp): nullable under ANSI only when an argument is. */
    private static final Set<String> NULL_ONLY_FROM_ARGUMENTS = Set.of("to_date", "to_timestamp");

    private NullPropagation() {
    }

    /** The constant Spark makes of {@code check}, or null when Spark evaluates it. */
    public static Typed.Constant folded(Typed.IsNull check) {
        if (!neverNull(check.operand())) {
            return null;
        }
        return new Typed.Constant(check.negated(), AtomicType.BOOLEAN, check.span(), check.sql());
    }

    /** Whether Spark (under ANSI) declares {@code node} non-nullable. */
    static boolean neverNull(Typed node) {
        if (node instanceof Typed.Constant constant) {
            return constant.value() != null;
        } else if (node instanceof Typed.IsNull) {
            return true;
        } else if (node instanceof Typed.Not not) {
            return neverNull(not.operand());
        } else if (node instanceof Typed.Negate negate) {
            return neverNull(negate.operand());
        } else if (node instanceof Typed.Logical logical) {
            return neverNull(logical.left()) && neverNull(logical.right());
        } else if (node instanceof Typed.Comparison comparison) {
            return comparison.op() == Typed.ComparisonOp.NULL_SAFE_EQ
                    || neverNull(comparison.left()) && neverNull(comparison.right());
        } else if (node instanceof Typed.Arithmetic arithmetic) {
            // Spark's Add, Subtract and Multiply under ANSI fail rather than return null; its divisions are nullable.
            return !arithmetic.isTry() && arithmetic.type().isNumeric()
                    && switch (arithmetic.op()) {
                        case ADD, SUBTRACT, MULTIPLY -> true;
                        default -> false;
                    }
                    && neverNull(arithmetic.left()) && neverNull(arithmetic.right());
        } else if (node instanceof Typed.Cast cast) {
            return !cast.isTry() && neverNull(cast.operand()) && castKeepsNonNull(cast.operand().type(), cast.type());
        } else if (node instanceof Typed.CaseWhen caseWhen) {
            return neverNull(caseWhen.otherwise()) && caseWhen.results().stream().allMatch(NullPropagation::neverNull);
        } else if (node instanceof Typed.Call call) {
            return NULL_ONLY_FROM_ARGUMENTS.contains(call.function())
                    && call.args().stream().allMatch(NullPropagation::neverNull);
        }
        return false;
    }

    /** The part of Spark's Cast.forceNullable this knows: a cast to the same type, to STRING, DATE and TIMESTAMP. */
    private static boolean castKeepsNonNull(DataType from, DataType to) {
        if (from.equals(to)) {
            return true;
        } else if (to == AtomicType.STRING) {
            return !from.isComplex();
        }
        return from == AtomicType.TIMESTAMP && to == AtomicType.DATE
                || from == AtomicType.DATE && to == AtomicType.TIMESTAMP
                || from == AtomicType.TIMESTAMP && to == AtomicType.TIMESTAMP_NTZ
                || from == AtomicType.TIMESTAMP_NTZ && to == AtomicType.TIMESTAMP;
    }
}
