package sluice.engine.expr.compile;

import sluice.engine.expr.lex.SourceText;
import sluice.engine.expr.lex.Span;
import sluice.engine.types.AtomicType;
import sluice.engine.types.Batch;
import sluice.engine.types.ColumnVector;
import sluice.engine.types.DataType;
import sluice.engine.types.LongVector;

/**
 * The bitwise operators {@code & | ^ ~} and the shifts over integral columns, in one loop over the stored longs. The
 * logical operators keep every TINYINT, SMALLINT and INT in its range by themselves; shifts of an INT shift 32 bits
 * (the count taken modulo 32), of a BIGINT 64, as Java and Spark do. Immutable; any thread.
 */
final class BitwiseEvaluator extends Evaluator {
    /** The operation on two stored values; {@code y} is 0 for ~. */
    private interface Operation {
        long apply(long x, long y);
    }

    private final Evaluator left;
    private final Evaluator right;
    private final Operation operation;

    private BitwiseEvaluator(Evaluator left, Evaluator right, Operation operation, DataType type, SourceText source,
            Span span) {
        super(type, source, span);
        this.left = left;
        this.right = right;
        this.operation = operation;
    }

    /** The evaluator of the bitwise function {@code name}, or null when it is none. */
    static BitwiseEvaluator of(String name, Evaluator left, Evaluator right, DataType type, SourceText source,
            Span span) {
        boolean wide = type == AtomicType.BIGINT;
        Operation operation = switch (name) {
            case "bit_and" -> (x, y) -> x & y;
            case "bit_or" -> (x, y) -> x | y;
            case "bit_xor" -> (x, y) -> x ^ y;
            case "bit_not" -> (x, y) -> ~x;
            case "shiftleft" -> wide ? (x, y) -> x << y : (x, y) -> (int) x << (int) y;
            case "shiftright" -> wide ? (x, y) -> x >> y : (x, y) -> (int) x >> (int) y;
            case "shiftrightunsigned" -> wide ? (x, y) -> x >>> y : (x, y) -> (int) x >>> (int) y;
            default -> null;
        };
        return operation == null ? null : new BitwiseEvaluator(left, right, operation, type, source, span);
    }

    @Override
    ColumnVector compute(Batch batch, Env env) {
        int n = batch.rowCount();
        LongVector a = (LongVector) left.evaluate(batch, env);
        long[] x = a.values();
        long[] out = new long[n];
        if (right == null) {
            for (int i = 0; i < n; i++) {
                out[i] = operation.apply(x[i], 0);
            }
            return new LongVector(type(), out, n, a.nullWords());
        }
        LongVector b = (LongVector) right.evaluate(batch, env);
        long[] y = b.values();
        for (int i = 0; i < n; i++) {
            out[i] = operation.apply(x[i], y[i]);
        }
        return new LongVector(type(), out, n, Values.orNulls(a, b, n));
    }
}
