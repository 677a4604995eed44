package sluice.engine.expr.compile;

import java.math.BigDecimal;
import java.math.RoundingMode;
import sluice.engine.expr.analyze.Typed.ArithmeticOp;
import sluice.engine.expr.lex.SourceText;
import sluice.engine.expr.lex.Span;
import sluice.engine.types.AtomicType;
import sluice.engine.types.Batch;
import sluice.engine.types.ColumnVector;
import sluice.engine.types.DataType;
import sluice.engine.types.DecimalType;
import sluice.engine.types.DoubleVector;
import sluice.engine.types.IntegralRange;
import sluice.engine.types.LongVector;
import sluice.engine.types.NullMask;
import sluice.engine.types.ObjectVector;
import sluice.engine.types.VectorBuilder;

/**
 * {@code + - * / % div pmod} over two columns, one tight loop per operator. ANSI: integer overflow, decimal overflow
 * and division by zero (for every numeric type, as Spark) fail the query; null rows are skipped, never computed. In TRY
 * mode ({@code try_add} and its kin) the rows that would fail are null instead.
 */
final class ArithmeticEvaluator extends Evaluator {
    private final ArithmeticOp op;
    private final boolean isTry;
    private final Evaluator left;
    private final Evaluator right;

    ArithmeticEvaluator(ArithmeticOp op, boolean isTry, Evaluator left, Evaluator right, DataType type,
            SourceText source, Span span) {
        super(type, source, span);
        this.op = op;
        this.isTry = isTry;
        this.left = left;
        this.right = right;
    }

    @Override
    ColumnVector compute(Batch batch, Env env) {
        try {
            return exact(batch, env);
        } catch (RowFailure failure) {
            if (!isTry) {
                throw failure;
            }
            // Only this operator throws RowFailure here (an operand's failure comes out of its evaluate() as a
            // SluiceException), so TRY mode redoes just the operator, row by row, with null where it fails.
            ColumnVector[] operands = operands(batch, env);
            return rowByRow(operands[0], operands[1], batch.rowCount());
        }
    }

    private ColumnVector exact(Batch batch, Env env) {
        if (type() == AtomicType.DOUBLE && op != ArithmeticOp.DIV && op != ArithmeticOp.REMAINDER
                && op != ArithmeticOp.PMOD) {
            ColumnVector scalar = doubleWithConstant(batch, env);
            if (scalar != null) {
                return scalar;
            }
        }
        ColumnVector[] operands = operands(batch, env);
        return combine(operands[0], operands[1], batch.rowCount());
    }

    /**
     * Both operands, evaluated in Spark's order: the left first and the right only where the left has a value, but
     * for division and remainder the divisor first and the dividend only where the divisor has one.
     */
    private ColumnVector[] operands(Batch batch, Env env) {
        boolean divisorFirst = op == ArithmeticOp.DIVIDE || op == ArithmeticOp.REMAINDER || op == ArithmeticOp.DIV
                || op == ArithmeticOp.PMOD;
        if (divisorFirst) {
            ColumnVector b = right.evaluate(batch, env);
            return new ColumnVector[] {Selection.evaluateWhereNotNull(left, batch, env, b), b};
        }
        ColumnVector a = left.evaluate(batch, env);
        return new ColumnVector[] {a, Selection.evaluateWhereNotNull(right, batch, env, a)};
    }

    private ColumnVector rowByRow(ColumnVector a, ColumnVector b, int n) {
        VectorBuilder out = new VectorBuilder(type(), n);
        for (int i = 0; i < n; i++) {
            Object value;
            try {
                value = Values.get(combine(a.slice(i, i + 1), b.slice(i, i + 1), 1), 0);
            } catch (RowFailure failure) {
                value = null;
            }
            Values.append(out, value);
        }
        return out.build();
    }

    private ColumnVector combine(ColumnVector a, ColumnVector b, int n) {
        long[] nulls = Values.orNulls(a, b, n);
        if (op == ArithmeticOp.DIV) {
            return integralDivide(a, b, n, nulls);
        }
        if (a instanceof DoubleVector x && b instanceof DoubleVector y) {
            return new DoubleVector(type(), doubles(x.values(), y.values(), n, nulls), n, nulls);
        } else if (a instanceof LongVector x && b instanceof LongVector y) {
            return new LongVector(type(), longs(x.values(), y.values(), n, nulls), n, nulls);
        }
        return decimals((ObjectVector) a, (ObjectVector) b, n, nulls);
    }

    /**
     * {@code column op literal} and {@code literal op column} on doubles without a vector for the literal, the
     * shape of {@code (Close - Open) / Open * 100}; null when neither side is a non-null double constant.
     */
    private ColumnVector doubleWithConstant(Batch batch, Env env) {
        Object l = left.constantValue();
        Object r = right.constantValue();
        boolean constantRight = r instanceof Double && !(l instanceof Double);
        boolean constantLeft = l instanceof Double && !(r instanceof Double);
        if (!constantRight && !constantLeft) {
            return null;
        }
        double c = (Double) (constantRight ? r : l);
        ColumnVector column = (constantRight ? left : right).evaluate(batch, env);
        if (!(column instanceof DoubleVector doubles)) {
            return null;
        }
        int n = batch.rowCount();
        double[] x = doubles.values();
        double[] out = new double[n];
        long[] nulls = column.nullWords();
        switch (op) {
            case ADD -> {
                for (int i = 0; i < n; i++) {
                    out[i] = x[i] + c;
                }
            }
            case SUBTRACT -> {
                for (int i = 0; i < n; i++) {
                    out[i] = constantRight ? x[i] - c : c - x[i];
                }
            }
            case MULTIPLY -> {
                for (int i = 0; i < n; i++) {
                    out[i] = x[i] * c;
                }
            }
            case DIVIDE -> {
                for (int i = 0; i < n; i++) {
                    double divisor = constantRight ? c : x[i];
                    if (divisor == 0 && !isNull(nulls, i)) {
                        throw RowFailure.divideByZero();
                    }
                    out[i] = constantRight ? x[i] / c : c / x[i];
                }
            }
            case REMAINDER, DIV, PMOD -> throw new AssertionError(op);
        }
        return new DoubleVector(AtomicType.DOUBLE, out, n, nulls);
    }

    private double[] doubles(double[] x, double[] y, int n, long[] nulls) {
        double[] out = new double[n];
        switch (op) {
            case ADD -> {
                for (int i = 0; i < n; i++) {
                    out[i] = x[i] + y[i];
                }
            }
            case SUBTRACT -> {
                for (int i = 0; i < n; i++) {
                    out[i] = x[i] - y[i];
                }
            }
            case MULTIPLY -> {
                for (int i = 0; i < n; i++) {
                    out[i] = x[i] * y[i];
                }
            }
            case DIVIDE, REMAINDER -> {
                boolean divide = op == ArithmeticOp.DIVIDE;
                for (int i = 0; i < n; i++) {
                    if (y[i] == 0 && !isNull(nulls, i)) {
                        throw divide ? RowFailure.divideByZero() : RowFailure.remainderByZero();
                    }
                    out[i] = divide ? x[i] / y[i] : x[i] % y[i];
                }
            }
            case PMOD -> {
                for (int i = 0; i < n; i++) {
                    if (y[i] == 0 && !isNull(nulls, i)) {
                        throw RowFailure.remainderByZero();
                    }
                    double r = x[i] % y[i];
                    out[i] = r < 0 ? (r + y[i]) % y[i] : r;
                }
            }
            case DIV -> throw new AssertionError(op);
        }
        if (type() == AtomicType.FLOAT) {
            for (int i = 0; i < n; i++) {
                out[i] = (float) out[i];
            }
        }
        return out;
    }

    private static boolean isNull(long[] nulls, int row) {
        return nulls != null && NullMask.get(nulls, row);
    }

    /**
     * Integral arithmetic in the result's own type: the loops compute in longs and test the result against the
     * type's range (and, for BIGINT, for a wrapped sign); an overflowing row that is not null goes to
     * {@link ExactArithmetic}, which fails with Spark's message for the type.
     */
    private long[] longs(long[] x, long[] y, int n, long[] nulls) {
        long[] out = new long[n];
        IntegralRange range = ExactArithmetic.range(type());
        long min = range.min();
        long max = range.max();
        switch (op) {
            case ADD -> {
                for (int i = 0; i < n; i++) {
                    long r = x[i] + y[i];
                    if ((((x[i] ^ r) & (y[i] ^ r)) < 0 || r < min || r > max) && !isNull(nulls, i)) {
                        ExactArithmetic.add(type(), x[i], y[i]);
                    }
                    out[i] = r;
                }
            }
            case SUBTRACT -> {
                for (int i = 0; i < n; i++) {
                    long r = x[i] - y[i];
                    if ((((x[i] ^ y[i]) & (x[i] ^ r)) < 0 || r < min || r > max) && !isNull(nulls, i)) {
                        ExactArithmetic.subtract(type(), x[i], y[i]);
                    }
                    out[i] = r;
                }
            }
            case MULTIPLY -> {
                for (int i = 0; i < n; i++) {
                    long hi = Math.multiplyHigh(x[i], y[i]);
                    long r = x[i] * y[i];
                    if (((hi != 0 || r < 0) && (hi != -1 || r >= 0) || r < min || r > max) && !isNull(nulls, i)) {
                        ExactArithmetic.multiply(type(), x[i], y[i]);
                    }
                    out[i] = r;
                }
            }
            case REMAINDER -> {
                for (int i = 0; i < n; i++) {
                    if (y[i] == 0) {
                        if (!isNull(nulls, i)) {
                            throw RowFailure.remainderByZero();
                        }
                        continue;
                    }
                    out[i] = x[i] % y[i];
                }
            }
            case PMOD -> {
                boolean isInt = type() == AtomicType.INT;
                for (int i = 0; i < n; i++) {
                    if (y[i] == 0) {
                        if (!isNull(nulls, i)) {
                            throw RowFailure.remainderByZero();
                        }
                        continue;
                    }
                    out[i] = isInt ? positiveModulus((int) x[i], (int) y[i]) : positiveModulus(x[i], y[i]);
                }
            }
            case DIVIDE, DIV -> throw new AssertionError(op);
        }
        return out;
    }

    // Spark's Pmod on int and long: r = a % n; if r < 0 then (r + n) % n. r + n wraps in the operands' own type
    // (int for INT, as Spark's Java arithmetic), so INT is computed in int, not in the long the vector holds.
    // TINYINT and SMALLINT are computed in int by Spark, where r + n cannot wrap, so longs give the same result.
    private static long positiveModulus(int a, int n) {
        int r = a % n;
        return r < 0 ? (r + n) % n : r;
    }

    private static long positiveModulus(long a, long n) {
        long r = a % n;
        return r < 0 ? (r + n) % n : r;
    }

    private ColumnVector integralDivide(ColumnVector a, ColumnVector b, int n, long[] nulls) {
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            if (isNull(nulls, i)) {
                continue;
            }
            if (a instanceof LongVector x && b instanceof LongVector y) {
                long divisor = y.getLong(i);
                if (divisor == 0) {
                    throw RowFailure.divideByZero();
                }
                if (x.getLong(i) == Long.MIN_VALUE && divisor == -1) {
                    throw RowFailure.overflow("long", "try_divide");
                }
                out[i] = x.getLong(i) / divisor;
            } else {
                BigDecimal x = (BigDecimal) a.get(i);
                BigDecimal y = (BigDecimal) b.get(i);
                if (y.signum() == 0) {
                    throw RowFailure.divideByZero();
                }
                BigDecimal quotient = x.divideToIntegralValue(y);
                if (quotient.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
                    throw RowFailure.overflow("long", "try_divide");
                }
                out[i] = quotient.longValue();
            }
        }
        return new LongVector(AtomicType.BIGINT, out, n, nulls);
    }

    private ColumnVector decimals(ObjectVector a, ObjectVector b, int n, long[] nulls) {
        DecimalType result = (DecimalType) type();
        Object[] out = new Object[n];
        Object[] x = a.values();
        Object[] y = b.values();
        for (int i = 0; i < n; i++) {
            if (isNull(nulls, i)) {
                continue;
            }
            BigDecimal l = (BigDecimal) x[i];
            BigDecimal r = (BigDecimal) y[i];
            BigDecimal exact = switch (op) {
                case ADD -> l.add(r);
                case SUBTRACT -> l.subtract(r);
                case MULTIPLY -> l.multiply(r);
                case DIVIDE -> {
                    if (r.signum() == 0) {
                        throw RowFailure.divideByZero();
                    }
                    yield l.divide(r, result.scale(), RoundingMode.HALF_UP);
                }
                case REMAINDER -> {
                    if (r.signum() == 0) {
                        throw RowFailure.remainderByZero();
                    }
                    yield l.remainder(r);
                }
                case PMOD -> {
                    if (r.signum() == 0) {
                        throw RowFailure.remainderByZero();
                    }
                    BigDecimal remainder = l.remainder(r);
                    yield remainder.signum() < 0 ? remainder.add(r).remainder(r) : remainder;
                }
                case DIV -> throw new AssertionError(op);
            };
            out[i] = fit(exact, result);
        }
        return new ObjectVector(result, out, n, nulls);
    }

    /** The value rounded HALF_UP to the type's scale; NUMERIC_VALUE_OUT_OF_RANGE when it has too many digits. */
    static BigDecimal fit(BigDecimal value, DecimalType type) {
        BigDecimal rounded = value.setScale(type.scale(), RoundingMode.HALF_UP);
        if (rounded.precision() - rounded.scale() > type.precision() - type.scale() && rounded.signum() != 0) {
            throw RowFailure.decimalOutOfRange(value.toPlainString(), type.precision(), type.scale());
        }
        return rounded;
    }
}
