package sluice.engine.expr.compile;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** The 64-bit xxHash of bytes (XXH64, little-endian reads), as Spark's {@code xxhash64} computes it. Stateless. */
final class XxHash64 {
    private static final long P1 = 0x9E3779B185EBCA87L;
    private static final long P2 = 0xC2B2AE3D27D4EB4FL;
    private static final long P3 = 0x165667B19E3779F9L;
    private static final long P4 = 0x85EBCA77C2B2AE63L;
    private static final long P5 = 0x27D4EB2F165667C5L;

    private XxHash64() {
    }

    static long hash(byte[] bytes, long seed) {
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int length = bytes.length;
        int at = 0;
        long h;
        if (length >= 32) {
            long[] lanes = {seed + P1 + P2, seed + P2, seed, seed - P1};
            for (; at + 32 <= length; at += 32) {
                for (int lane = 0; lane < 4; lane++) {
                    lanes[lane] = round(lanes[lane], in.getLong(at + lane * 8));
                }
            }
            h = Long.rotateLeft(lanes[0], 1) + Long.rotateLeft(lanes[1], 7) + Long.rotateLeft(lanes[2], 12)
                    + Long.rotateLeft(lanes[3], 18);
            for (long lane : lanes) {
                h = (h ^ round(0, lane)) * P1 + P4;
            }
        } else {
            h = seed + P5;
        }
        h += length;
        for (; at + 8 <= length; at += 8) {
            h = Long.rotateLeft(h ^ round(0, in.getLong(at)), 27) * P1 + P4;
        }
        if (at + 4 <= length) {
            h = Long.rotateLeft(h ^ (in.getInt(at) & 0xFFFFFFFFL) * P1, 23) * P2 + P3;
            at += 4;
        }
        for (; at < length; at++) {
            h = Long.rotateLeft(h ^ (bytes[at] & 0xFFL) * P5, 11) * P1;
        }
        h ^= h >>> 33;
        h *= P2;
        h ^= h >>> 29;
        h *= P3;
        return h ^ (h >>> 32);
    }

    private static long round(long accumulator, long input) {
        return Long.rotateLeft(accumulator + input * P2, 31) * P1;
    }
}
