package sluice.engine.expr.compile;

import java.util.Objects;
import java.util.function.Function;

/**
 * Remembers the last key a kernel compiled (a regex, a LIKE pattern, a datetime pattern) and its compiled form, so a
 * literal pattern is compiled once instead of once per row. Thread-safe: the pair is one immutable record read and
 * replaced through a volatile field, so racing threads at worst compile the same pattern twice.
 */
final class Memo<K, V> {
    private record Entry<K, V>(K key, V value) {}

    private final Function<K, V> compile;
    private volatile Entry<K, V> last;

    Memo(Function<K, V> compile) {
        this.compile = compile;
    }

    V get(K key) {
        Entry<K, V> entry = last;
        if (entry != null && Objects.equals(entry.key(), key)) {
            return entry.value();
        }
        V value = compile.apply(key);
        last = new Entry<>(key, value);
        return value;
    }
}
