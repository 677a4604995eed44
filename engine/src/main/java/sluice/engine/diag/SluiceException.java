package sluice.engine.diag;

import static java.util.Objects.requireNonNull;

/** The one exception a user sees: it carries a {@link Problem}. Anything else reaching the user is a bug. */
public final class SluiceException extends RuntimeException {
    private final transient Problem problem;

    public SluiceException(Problem problem) {
        super(requireNonNull(problem, "problem is null").render());
        this.problem = problem;
    }

    public SluiceException(Problem problem, Throwable cause) {
        super(requireNonNull(problem, "problem is null").render(), cause);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    /** The same problem, placed at {@code where} when it did not know its node yet. */
    public SluiceException locatedAt(Position where) {
        if (problem.where().nodeId() != null) {
            return this;
        }
        Position merged = new Position(where.nodeId(),
                problem.where().option() != null ? problem.where().option() : where.option(),
                problem.where().line(), problem.where().column());
        return new SluiceException(new Problem(problem.code(), merged, problem.message()), getCause());
    }
}
