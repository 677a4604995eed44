package sluice.app.edit;

import static java.util.Objects.requireNonNull;

/** An edge of a pipeline: rows flow from node {@code from} into input number {@code inputIndex} of node {@code to}. */
public record Link(String from, String to, int inputIndex) {
    public Link {
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
        if (inputIndex < 0) {
            throw new IllegalArgumentException("negative input index " + inputIndex);
        }
    }

    /** How the Undo menu names it: {@code stocks → change}. */
    public String label() {
        return from + " → " + to;
    }
}
