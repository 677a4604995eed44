package sluice.engine.plan;

import java.util.Collection;
import sluice.engine.diag.Suggestion;

/**
 * Mutable, one per planning: "did you mean" for inputs that name no node. Each suggestion compares the name with every
 * node id, so only the first {@value #LIMIT} unknown inputs get one: a file whose every input is wrong still plans in
 * time linear in its size, and nobody reads past the first few suggestions anyway.
 */
final class InputSuggestions {
    static final int LIMIT = 100;

    private final Collection<String> ids;
    private int given;

    InputSuggestions(Collection<String> ids) {
        this.ids = ids;
    }

    /** "; did you mean 'x'?", or nothing. */
    String didYouMean(String input) {
        if (given >= LIMIT) {
            return "";
        }
        given++;
        return Suggestion.didYouMean(input, ids);
    }
}
