package sluice.engine.expr.compile;

/**
 * The results of a function for the last arguments a loop over a column saw, one per slot of the argument's hash:
 * a column of few distinct values (symbols, codes, dates) is computed once per value and its rows share the result,
 * which keeps the output small for the collector. A miss costs a hash and a comparison. A loop over strings that
 * are nearly all distinct (Kafka values, log lines, ids) stops asking after {@link #PROBE} of them: hashing each long
 * string once took a seventh of a Kafka read's task time and saved nothing. One loop, one thread.
 */
final class RecentResults {
    /** What {@link #get} returns for an argument it has no result for. */
    static final Object MISS = new Object();

    private static final int SLOTS = 256;
    /** String lookups made before deciding whether remembering pays: it stops below one hit in MIN_HIT_SHARE. */
    static final int PROBE = 512;
    private static final int MIN_HIT_SHARE = 8;

    private final Object[] keys = new Object[SLOTS];
    private final long[] longKeys = new long[SLOTS];
    private final boolean[] longKeyed = new boolean[SLOTS];
    private final Object[] results = new Object[SLOTS];
    private int lookups;
    private int hits;
    private boolean off;

    /** The result remembered for {@code key}, or {@link #MISS}: always, once the strings proved all different. */
    Object get(String key) {
        if (off) {
            return MISS;
        }
        int slot = key.hashCode() & (SLOTS - 1);
        Object seen = keys[slot];
        boolean hit = seen != null && (seen == key || seen.equals(key));
        if (lookups < PROBE) {
            lookups++;
            hits += hit ? 1 : 0;
            off = lookups == PROBE && hits * MIN_HIT_SHARE < PROBE;
        }
        return hit ? results[slot] : MISS;
    }

    void put(String key, Object result) {
        if (off) {
            return;
        }
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
