package sluice.engine.expr.compile;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * 32-bit Murmur3 (x86) over bytes, in the variant Spark's {@code hash} uses: the bytes after the last whole 4-byte
 * block are each mixed in as a block of their own (a sign-extended byte) instead of the standard tail. Stateless.
 */
final class Murmur3 {
    private static final int C1 = 0xcc9e2d51;
    private static final int C2 = 0x1b873593;

    private Murmur3() {
    }

    /** The hash of {@code bytes} with the low 32 bits of {@code seed}, as a long holding an int. */
    static long hash(byte[] bytes, long seed) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int h = (int) seed;
        int blocks = bytes.length / 4;
        for (int i = 0; i < blocks; i++) {
            h = mixHash(h, mixBlock(buffer.getInt(i * 4)));
        }
        for (int i = blocks * 4; i < bytes.length; i++) {
            h = mixHash(h, mixBlock(bytes[i]));
        }
        return finish(h ^ bytes.length);
    }

    private static int mixBlock(int k) {
        return Integer.rotateLeft(k * C1, 15) * C2;
    }

    private static int mixHash(int h, int k) {
        return Integer.rotateLeft(h ^ k, 13) * 5 + 0xe6546b64;
    }

    private static int finish(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        return h ^ (h >>> 16);
    }
}
