package sluice.app.edit;

import java.util.Locale;
import java.util.Set;

/**
 * Fresh node ids for new and pasted nodes: the type's last word and the smallest free number, like {@code filter-2}.
 */
public final class NodeIds {
    private NodeIds() {
    }

    /** An id that is not in {@code taken}, made from {@code type} ({@code transform.filter} gives {@code filter-n}). */
    public static String fresh(String type, Set<String> taken) {
        String prefix = prefix(type);
        for (int n = 1; ; n++) {
            String candidate = prefix + "-" + n;
            if (!taken.contains(candidate)) {
                return candidate;
            }
        }
    }

    private static String prefix(String type) {
        String last = type.substring(type.lastIndexOf('.') + 1);
        String cleaned = last.replaceAll("[^A-Za-z0-9_]", "");
        return cleaned.isEmpty() ? "node" : cleaned.toLowerCase(Locale.ROOT);
    }
}
