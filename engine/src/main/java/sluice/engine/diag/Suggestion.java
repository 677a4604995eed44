package sluice.engine.diag;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean …?": the known name closest to a misspelt one, if any is close enough to be a typo. */
public final class Suggestion {
    /** Longer names are not typos of a name; comparing them would cost their length squared for nothing. */
    private static final int MAX_LENGTH = 200;

    private Suggestion() {
    }

    public static Optional<String> closest(String wrong, Collection<String> known) {
        if (wrong.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String target = wrong.toLowerCase(Locale.ROOT);
        // Two edits, or a third of a longer word: 'amout' finds 'amount', 'xyz' finds nothing in 'Close'.
        int allowed = Math.max(2, target.length() / 3);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            // The distance is at least the difference in length: such a name could never be suggested, so the
            // quadratic distance is not worth computing (it matters with thousands of node ids).
            String name = candidate.toLowerCase(Locale.ROOT);
            if (Math.abs(name.length() - target.length()) > allowed) {
                continue;
            }
            int distance = distance(target, name);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    /** The suggestion as a sentence tail ("; did you mean 'x'?"), or nothing. */
    public static String didYouMean(String wrong, Collection<String> known) {
        return closest(wrong, known).map(name -> "; did you mean '" + name + "'?").orElse("");
    }

    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
