package sluice.engine.expr.compile;

/**
 * The results of a function for the last arguments a loop over a column saw, one per slot of the argument's hash:
 * a column of few distinct values (symbols, codes, dates) is computed once per value and its rows share the result,
 * which keeps the output small for the collector. A miss costs a hash and a comparison. One loop, one thread.
 */
final class RecentResults {
    /** What {@link #get} returns for an argument it has no result for. */
    static final Object MISS = new Object();

    private static final int SLOTS = 256;

    private final Object[] keys = new Object[SLOTS];
    private final long[] longKeys = new long[SLOTS];
    private final boolean[] longKeyed = new boolean[SLOTS];
    private final Object[] results = new Object[SLOTS];

    /** The result remembered for {@code key}, or {@link #MISS}. */
    Object get(String key) {
        int slot = key.hashCode() & (SLOTS - 1);
        Object seen = keys[slot];
        return seen != null && (seen == key || seen.equals(key)) ? results[slot] : MISS;
    }

    void put(String key, Object result) {
        int slot = key.hashCode() & (SLOTS - 1);
        keys[slot] = key;
        results[slot] = result;
    }

    /** The result remembered for {@code key}, or {@link #MISS}. */
    Object get(long key) {
        int slot = slot(key);
        return longKeyed[slot] && longKeys[slot] == key ? results[slot] : MISS;
    }

    void put(long key, Object result) {
        int slot = slot(key);
        longKeyed[slot] = true;
        longKeys[slot] = key;
        results[slot] = result;
    }

    private static int slot(long key) {
        long mixed = key * 0x9E3779B97F4A7C15L;
        return (int) (mixed >>> 56) & (SLOTS - 1);
    }
}
