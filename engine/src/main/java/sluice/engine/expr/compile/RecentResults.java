package sluice.engine.expr.compile;

/**
 * The results of a function for the last arguments a loop over a column saw: a column of few distinct values
 * (symbols, codes, dates) is computed once per value and its rows share the result, which keeps the output small for
 * the collector. Each argument has two slots, from two parts of its mixed hash, and a new one takes the free one or
 * pushes the first slot's owner to its second: with one slot per hash, two of eight stock symbols sharing a slot
 * ({@code GOOGL} and {@code ORCL} do) evicted each other on every row and half the rows were computed again. A miss
 * costs a hash and two comparisons. A loop over strings that are nearly all distinct (Kafka values, log lines, ids)
 * stops asking after {@link #PROBE} of them: hashing each long string once took a seventh of a Kafka read's task time
 * and saved nothing. One loop, one thread.
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
        int mixed = mix(key.hashCode());
        int first = mixed & (SLOTS - 1);
        int second = (mixed >>> 8) & (SLOTS - 1);
        Object seen = keys[first];
        Object result = MISS;
        if (seen == key || seen != null && seen.equals(key)) {
            result = results[first];
        } else {
            seen = keys[second];
            if (seen == key || seen != null && seen.equals(key)) {
                result = results[second];
            }
        }
        if (lookups < PROBE) {
            lookups++;
            hits += result != MISS ? 1 : 0;
            off = lookups == PROBE && hits * MIN_HIT_SHARE < PROBE;
        }
        return result;
    }

    void put(String key, Object result) {
        if (off) {
            return;
        }
        int mixed = mix(key.hashCode());
        int first = mixed & (SLOTS - 1);
        int second = (mixed >>> 8) & (SLOTS - 1);
        if (keys[first] != null && keys[second] == null && first != second) {
            // Keep the first slot's owner: the new key takes its free second slot.
            keys[second] = key;
            results[second] = result;
            return;
        }
        keys[first] = key;
        results[first] = result;
    }

    /** The result remembered for {@code key}, or {@link #MISS}. */
    Object get(long key) {
        long mixed = key * 0x9E3779B97F4A7C15L;
        int first = (int) (mixed >>> 56) & (SLOTS - 1);
        if (longKeyed[first] && longKeys[first] == key) {
            return results[first];
        }
        int second = (int) (mixed >>> 40) & (SLOTS - 1);
        return longKeyed[second] && longKeys[second] == key ? results[second] : MISS;
    }

    void put(long key, Object result) {
        long mixed = key * 0x9E3779B97F4A7C15L;
        int first = (int) (mixed >>> 56) & (SLOTS - 1);
        int second = (int) (mixed >>> 40) & (SLOTS - 1);
        int slot = longKeyed[first] && !longKeyed[second] ? second : first;
        longKeyed[slot] = true;
        longKeys[slot] = key;
        results[slot] = result;
    }

    private static int mix(int hash) {
        return hash * 0x9E3779B1 >>> 16 ^ hash;
    }
}
