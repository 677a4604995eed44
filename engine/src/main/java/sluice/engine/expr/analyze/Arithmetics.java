package sluice.engine.expr.analyze;

import java.util.List;
import java.util.Optional;
import sluice.engine.expr.lex.Span;
import sluice.engine.expr.parse.Ast.BinaryOp;
import sluice.engine.types.AtomicType;
import sluice.engine.types.DataType;
import sluice.engine.types.DecimalType;

/**
 * Result types of {@code + - * / % DIV} and {@code pmod}, Spark 4 ANSI: numeric widening, decimal precision, date
 * arithmetic.
 */
final class Arithmetics {
    private final Analyzer analyzer;

    Arithmetics(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    Typed arithmetic(BinaryOp op, Typed left, Typed right, Span span, String sql) {
        return arithmetic(op, "'" + op.symbol() + "'", left, right, span, sql);
    }

    /**
     * {@code pmod(a, b)}: Spark's Pmod is a binary arithmetic with Remainder's coercions and result types (decimal
     * scale max(s1, s2), precision min(p1 - s1, p2 - s2) + scale), so it is typed as {@code a % b}.
     */
    Typed pmod(Typed left, Typed right, Span span, String sql) {
        Typed typed = arithmetic(BinaryOp.REMAINDER, "pmod", left, right, span, sql);
        if (!(typed instanceof Typed.Arithmetic remainder)) {
            throw new IllegalStateException("a remainder is typed as arithmetic: " + typed);
        }
        return new Typed.Arithmetic(Typed.ArithmeticOp.PMOD, remainder.left(), remainder.right(), remainder.type(),
                span, sql);
    }

    /** {@code what} names the operator in type problems. */
    Typed arithmetic(BinaryOp op, String what, Typed left, Typed right, Span span, String sql) {
        Typed scaled = scaledInterval(op, left, right, span);
        if (scaled != null) {
            return scaled;
        }
        DataType a = left.type();
        DataType b = right.type();
        Optional<DataType> promoted = Coercion.stringPromotion(a, b);
        if (a == AtomicType.STRING && b == AtomicType.STRING) {
            promoted = Optional.of(AtomicType.DOUBLE);
        }
        if (promoted.isPresent() && promoted.get() != AtomicType.STRING) {
            left = analyzer.coerce(left, promoted.get());
            right = analyzer.coerce(right, promoted.get());
        } else if (a == AtomicType.NULL || b == AtomicType.NULL) {
            DataType other = a == AtomicType.NULL ? b : a;
            DataType target = other == AtomicType.NULL ? AtomicType.DOUBLE : other;
            left = analyzer.coerce(left, target);
            right = analyzer.coerce(right, target);
        }
        Typed datetime = datetime(op, left, right, span, sql);
        if (datetime != null) {
            return datetime;
        }
        if (!left.type().isNumeric()) {
            throw analyzer.mismatch(left, what, "a numeric type");
        }
        if (!right.type().isNumeric()) {
            throw analyzer.mismatch(right, what, "a numeric type");
        }
        return numeric(op, left, right, span, sql);
    }

    private Typed numeric(BinaryOp op, Typed left, Typed right, Span span, String sql) {
        Typed.ArithmeticOp arithmeticOp = Typed.ArithmeticOp.valueOf(op.name());
        DataType a = left.type();
        DataType b = right.type();
        boolean decimal = (a instanceof DecimalType || b instanceof DecimalType)
                && a != AtomicType.DOUBLE && b != AtomicType.DOUBLE && a != AtomicType.FLOAT && b != AtomicType.FLOAT;
        if (op == BinaryOp.DIV) {
            if (!decimal && (!a.isIntegral() || !b.isIntegral())) {
                Typed bad = a.isIntegral() ? right : left;
                throw analyzer.mismatch(bad, "'div'", "BIGINT or DECIMAL");
            }
            // Spark divides decimals as they are (each side exact in its own type), not in a wider type that could
            // round one of them: 1.5 div DECIMAL(38,0) 1 is 1.
            DataType leftType = decimal ? Coercion.decimalFor(a) : AtomicType.BIGINT;
            DataType rightType = decimal ? Coercion.decimalFor(b) : AtomicType.BIGINT;
            return new Typed.Arithmetic(arithmeticOp, analyzer.coerce(left, leftType),
                    analyzer.coerce(right, rightType), AtomicType.BIGINT, span, sql);
        }
        if (decimal) {
            DecimalType x = Operators.literalDecimal(left);
            DecimalType y = Operators.literalDecimal(right);
            DecimalType result = decimalResult(op, x, y);
            return new Typed.Arithmetic(arithmeticOp, analyzer.coerce(left, x), analyzer.coerce(right, y), result,
                    span, sql);
        }
        // Spark's '/' on anything but decimals is DOUBLE division.
        DataType type = op == BinaryOp.DIVIDE ? AtomicType.DOUBLE : Coercion.widerNumeric(a, b);
        return new Typed.Arithmetic(arithmeticOp, analyzer.coerce(left, type), analyzer.coerce(right, type), type,
                span, sql);
    }

    static DecimalType decimalResult(BinaryOp op, DecimalType x, DecimalType y) {
        int p1 = x.precision();
        int s1 = x.scale();
        int p2 = y.precision();
        int s2 = y.scale();
        return switch (op) {
            case ADD, SUBTRACT -> {
                int scale = Math.max(s1, s2);
                yield Coercion.adjusted(Math.max(p1 - s1, p2 - s2) + scale + 1, scale);
            }
            case MULTIPLY -> Coercion.adjusted(p1 + p2 + 1, s1 + s2);
            case DIVIDE -> {
                int scale = Math.max(6, s1 + p2 + 1);
                yield Coercion.adjusted(p1 - s1 + s2 + scale, scale);
            }
            case REMAINDER -> {
                int scale = Math.max(s1, s2);
                yield Coercion.adjusted(Math.min(p1 - s1, p2 - s2) + scale, scale);
            }
            default -> throw new AssertionError(op);
        };
    }

    /**
     * Year-month intervals: two of them add and subtract as Spark's int of months; a DATE, TIMESTAMP or
     * TIMESTAMP_NTZ moves by whole months (Spark's add_months: the day is kept or clamped to the month's last), the
     * result of its own type. Spark turns {@code x - i} into {@code x + (-i)}, which fails on the smallest interval.
     */
    private Typed yearMonth(BinaryOp op, Typed left, Typed right, Span span, String sql) {
        DataType a = left.type();
        DataType b = right.type();
        boolean additive = op == BinaryOp.ADD || op == BinaryOp.SUBTRACT;
        if (additive && a.isYearMonthInterval() && b.isYearMonthInterval()) {
            return new Typed.Arithmetic(op == BinaryOp.ADD ? Typed.ArithmeticOp.ADD : Typed.ArithmeticOp.SUBTRACT,
                    left, right, Coercion.widerInterval(a, b), span, sql);
        }
        Typed moved;
        Typed months;
        if (additive && b.isYearMonthInterval() && isDatetime(a)) {
            moved = left;
            months = op == BinaryOp.ADD ? right : new Typed.Negate(right, right.span(), "(- " + right.sql() + ")");
        } else if (op == BinaryOp.ADD && a.isYearMonthInterval() && isDatetime(b)) {
            moved = right;
            months = left;
        } else {
            return null;
        }
        String function = moved.type() == AtomicType.DATE ? "date_add_ym_interval" : "timestamp_add_ym_interval";
        return new Typed.Call(function, List.of(moved, months), moved.type(), moved.nullable() || months.nullable(),
                span, movedSql(op, moved, moved == left ? right : left));
    }

    /**
     * An interval times a number (either side) or divided by one: Spark's MultiplyYMInterval, MultiplyDTInterval,
     * DivideYMInterval and DivideDTInterval, of the kind's widest type, named with the interval first. Text is read
     * as a DOUBLE, as Spark's ANSI coercion reads it where a number is wanted; null otherwise.
     */
    private Typed scaledInterval(BinaryOp op, Typed left, Typed right, Span span) {
        boolean multiply = op == BinaryOp.MULTIPLY;
        if (!multiply && op != BinaryOp.DIVIDE || !left.type().isInterval()
                && !(multiply && right.type().isInterval())) {
            return null;
        }
        Typed interval = left.type().isInterval() ? left : right;
        Typed number = interval == left ? right : left;
        if (number.type() == AtomicType.STRING || number.type() == AtomicType.NULL) {
            number = analyzer.coerce(number, AtomicType.DOUBLE);
        }
        if (!number.type().isNumeric()) {
            throw analyzer.mismatch(number, "'" + op.symbol() + "'", "a numeric type");
        }
        boolean months = interval.type().isYearMonthInterval();
        String name = (multiply ? "multiply_" : "divide_") + (months ? "ym" : "dt") + "_interval";
        AtomicType type = months ? AtomicType.INTERVAL_YEAR_MONTH : AtomicType.INTERVAL;
        return new Typed.Call(name, List.of(interval, number), type, interval.nullable() || number.nullable(), span,
                "(" + interval.sql() + " " + op.symbol() + " " + number.sql() + ")");
    }

    /**
     * A DATE plus or minus an {@code INTERVAL DAY}: Spark's date_add of the interval's whole days, a DATE, named as
     * Spark names that rewrite.
     */
    private static Typed dateMovedByDays(BinaryOp op, Typed date, Typed interval, Span span) {
        String days = "extractansiintervaldays(" + interval.sql() + ")";
        String name = op == BinaryOp.ADD ? "date_add_day_interval" : "date_sub_day_interval";
        return new Typed.Call(name, List.of(date, interval), AtomicType.DATE, date.nullable() || interval.nullable(),
                span, "date_add(" + date.sql() + ", " + (op == BinaryOp.ADD ? days : "(- " + days + ")") + ")");
    }

    /**
     * Spark names a date or timestamp moved by an interval without parentheses, the date or timestamp first even
     * when it was written second ({@code i + ts} is {@code ts + i}).
     */
    private static String movedSql(BinaryOp op, Typed moved, Typed interval) {
        return moved.sql() + (op == BinaryOp.ADD ? " + " : " - ") + interval.sql();
    }

    private static boolean isDatetime(DataType type) {
        return type == AtomicType.DATE || isTimestamp(type);
    }

    private static boolean isTimestamp(DataType type) {
        return type == AtomicType.TIMESTAMP || type == AtomicType.TIMESTAMP_NTZ;
    }

    /** Timestamp/date plus or minus an interval, interval arithmetic, date plus days; null if not date-time. */
    private Typed datetime(BinaryOp op, Typed left, Typed right, Span span, String sql) {
        DataType a = left.type();
        DataType b = right.type();
        boolean additive = op == BinaryOp.ADD || op == BinaryOp.SUBTRACT;
        Typed.ArithmeticOp arithmeticOp = op == BinaryOp.ADD ? Typed.ArithmeticOp.ADD : Typed.ArithmeticOp.SUBTRACT;
        if (a.isYearMonthInterval() || b.isYearMonthInterval()) {
            return yearMonth(op, left, right, span, sql);
        }
        if (additive && a == AtomicType.DATE && b == AtomicType.INTERVAL_DAY) {
            return dateMovedByDays(op, left, right, span);
        }
        if (op == BinaryOp.ADD && a == AtomicType.INTERVAL_DAY && b == AtomicType.DATE) {
            return dateMovedByDays(op, right, left, span);
        }
        // A day-time interval moves a wall clock by the same microseconds as an instant: no zone is involved.
        if (additive && a == AtomicType.TIMESTAMP_NTZ && b.isDayTimeInterval()) {
            return new Typed.Arithmetic(arithmeticOp, left, right, a, span, movedSql(op, left, right));
        }
        if (op == BinaryOp.ADD && a.isDayTimeInterval() && b == AtomicType.TIMESTAMP_NTZ) {
            return new Typed.Arithmetic(arithmeticOp, right, left, b, span, movedSql(op, right, left));
        }
        if (additive && (a == AtomicType.TIMESTAMP || a == AtomicType.DATE) && b.isDayTimeInterval()) {
            return new Typed.Arithmetic(arithmeticOp, analyzer.coerce(left, AtomicType.TIMESTAMP), right,
                    AtomicType.TIMESTAMP, span, movedSql(op, left, right));
        }
        if (op == BinaryOp.ADD && a.isDayTimeInterval() && (b == AtomicType.TIMESTAMP || b == AtomicType.DATE)) {
            return new Typed.Arithmetic(arithmeticOp, analyzer.coerce(right, AtomicType.TIMESTAMP), left,
                    AtomicType.TIMESTAMP, span, movedSql(op, right, left));
        }
        if (additive && a.isDayTimeInterval() && b.isDayTimeInterval()) {
            // Spark widens both to the interval from the first start field to the last end field; the stored
            // microseconds do not change.
            return new Typed.Arithmetic(arithmeticOp, left, right, Coercion.widerInterval(a, b), span, sql);
        }
        if (op == BinaryOp.SUBTRACT && isTimestamp(a) && isTimestamp(b)) {
            // Two wall clocks subtract as they are; a wall clock and an instant meet at TIMESTAMP first.
            DataType common = a == b ? a : AtomicType.TIMESTAMP;
            return new Typed.Arithmetic(arithmeticOp, analyzer.coerce(left, common), analyzer.coerce(right, common),
                    AtomicType.INTERVAL, span, sql);
        }
        if (additive && a == AtomicType.DATE && b.isIntegral()) {
            String name = op == BinaryOp.ADD ? "date_add" : "date_sub";
            return new Typed.Call(name, List.of(left, analyzer.expect(right, AtomicType.INT, name)), AtomicType.DATE,
                    true, span, name + "(" + left.sql() + ", " + right.sql() + ")");
        }
        return null;
    }
}
