package sluice.app.problems;

import static java.util.Objects.requireNonNull;

import sluice.engine.diag.Problem;

/** One line of the problems panel: a problem and whether the live check or a run found it. Immutable. */
public record ListedProblem(Kind kind, Problem problem) {
    /** Who found the problem. */
    public enum Kind {
        /** The live check of the pipeline, before any run; blocks Run until fixed. */
        CHECK("check"),
        /** A run that failed; kept until the next run or an edit. */
        RUN("run");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public ListedProblem {
        requireNonNull(kind, "kind is null");
        requireNonNull(problem, "problem is null");
    }
}
