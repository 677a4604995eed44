package sluice.engine.expr.compile;

import java.util.Arrays;
import java.util.UUID;
import sluice.engine.expr.lex.SourceText;
import sluice.engine.expr.lex.Span;
import sluice.engine.types.AtomicType;
import sluice.engine.types.Batch;
import sluice.engine.types.ColumnVector;
import sluice.engine.types.DataType;
import sluice.engine.types.DoubleVector;
import sluice.engine.types.LongVector;
import sluice.engine.types.ObjectVector;

/**
 * The functions whose value depends on the row's place rather than its columns: rand, randn, uniform and randstr
 * (Spark's generator seeded with the seed, plus the micro-batch's random seed as Spark reseeds every batch of a
 * stream, plus the partition index, started afresh for every partition as Spark starts it in every task, and drawn
 * on through the partition's later chunks), uuid and spark_partition_id. Immutable; any thread.
 */
final class RandomEvaluator extends Evaluator {
    /** What the evaluator draws. */
    enum Kind { RAND, RANDN, UNIFORM, RANDSTR, UUID, PARTITION_ID }

    private final Kind kind;
    private final long seed;
    private final double low;
    private final double high;
    private final int length;

    /** {@code low}, {@code high}: uniform's range; {@code length}: randstr's. */
    RandomEvaluator(Kind kind, long seed, double low, double high, int length, DataType type, SourceText source,
            Span span) {
        super(type, source, span);
        this.kind = kind;
        this.seed = seed;
        this.low = low;
        this.high = high;
        this.length = length;
    }

    @Override
    ColumnVector compute(Batch batch, Env env) {
        int n = batch.rowCount();
        XorShiftRandom random = env.generators().of(this, seed + env.randomSeed() + env.partition());
        switch (kind) {
            case RAND, RANDN, UNIFORM -> {
                double[] out = new double[n];
                for (int i = 0; i < n; i++) {
                    out[i] = kind == Kind.RANDN ? random.nextGaussian()
                            : kind == Kind.RAND ? random.nextDouble() : low + (high - low) * random.nextDouble();
                }
                return new DoubleVector(AtomicType.DOUBLE, out, n, null);
            }
            case RANDSTR -> {
                Object[] out = new Object[n];
                for (int i = 0; i < n; i++) {
                    out[i] = randomText(random);
                }
                return new ObjectVector(AtomicType.STRING, out, n, null);
            }
            case UUID -> {
                Object[] out = new Object[n];
                for (int i = 0; i < n; i++) {
                    out[i] = UUID.randomUUID().toString();
                }
                return new ObjectVector(AtomicType.STRING, out, n, null);
            }
            case PARTITION_ID -> {
                long[] out = new long[n];
                Arrays.fill(out, env.partition());
                return new LongVector(type(), out, n, null);
            }
        }
        throw new AssertionError(kind);
    }

    /** Spark's randstr: each character one of 0-9, a-z, A-Z from the generator's next int. */
    private String randomText(XorShiftRandom random) {
        char[] text = new char[length];
        for (int i = 0; i < length; i++) {
            int v = Math.abs(random.nextInt() % 62);
            text[i] = (char) (v < 10 ? '0' + v : v < 36 ? 'a' + v - 10 : 'A' + v - 36);
        }
        return new String(text);
    }
}
