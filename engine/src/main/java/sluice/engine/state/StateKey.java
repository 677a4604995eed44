package sluice.engine.state;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * A state row's key: the encoded grouping values, equal when the bytes are. Ordered byte by byte (unsigned), which
 * gives every listing of a partition's state the same order however the state was built. Immutable; any thread.
 */
public final class StateKey implements Comparable<StateKey> {
    private final byte[] bytes;
    private final int hash;

    /** A key over {@code bytes} itself: the caller must not change them afterwards. */
    public StateKey(byte[] bytes) {
        this.bytes = requireNonNull(bytes, "bytes is null");
        this.hash = Arrays.hashCode(bytes);
    }

    byte[] bytes() {
        return bytes;
    }

    /**
     * The state partition of this key among {@code partitions}. Defined on the encoded bytes (Arrays.hashCode is
     * specified by the JDK), so a key lands in the same partition in every JVM, as a restart needs.
     */
    public int partition(int partitions) {
        int mixed = hash * 0x9E3779B9;
        return Math.floorMod(mixed ^ (mixed >>> 16), partitions);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StateKey key && hash == key.hash && Arrays.equals(bytes, key.bytes);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public int compareTo(StateKey other) {
        return Arrays.compareUnsigned(bytes, other.bytes);
    }
}
