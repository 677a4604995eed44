package sluice.engine.expr.compile;

import java.nio.ByteBuffer;
import java.util.Random;

/**
 * The random generator of Spark's rand, randn, uniform and randstr: java.util.Random's methods over a 64-bit
 * xorshift state, seeded with the Murmur3 hash of the seed's eight big-endian bytes (low half with Scala's array seed,
 * high half with the low half), so that Sluice draws the numbers Spark draws for the same seed. Mutable; one thread.
 */
final class XorShiftRandom extends Random {
    private static final int ARRAY_SEED = 0x3c074a61;

    private long state;

    XorShiftRandom(long seed) {
        super(seed);
        state = hash(seed);
    }

    private static long hash(long seed) {
        byte[] bytes = ByteBuffer.allocate(Long.BYTES).putLong(seed).array();
        long low = Murmur3.hash(bytes, ARRAY_SEED) & 0xFFFFFFFFL;
        long high = Murmur3.hash(bytes, (int) low) & 0xFFFFFFFFL;
        return high << 32 | low;
    }

    @Override
    protected int next(int bits) {
        long next = state ^ (state << 21);
        next ^= next >>> 35;
        next ^= next << 4;
        state = next;
        return (int) (next & ((1L << bits) - 1));
    }

    @Override
    public synchronized void setSeed(long seed) {
        state = hash(seed);
    }
}
