package sluice.engine.diag;

import static java.util.Objects.requireNonNull;

import java.util.Locale;

/**
 * One user error: what kind, where, and one line of text saying what is wrong (and the fix, if known). The message
 * quotes user text, so its control characters are escaped here, once for every place that shows it.
 */
public record Problem(ErrorCode code, Position where, String message) {
    public Problem {
        requireNonNull(code, "code is null");
        requireNonNull(where, "where is null");
        message = ControlCharacters.escape(requireNonNull(message, "message is null"));
    }

    public static Problem of(ErrorCode code, Position where, String format, Object... args) {
        return new Problem(code, where, args.length == 0 ? format : String.format(Locale.ROOT, format, args));
    }

    public SluiceException toException() {
        return new SluiceException(this);
    }

    /** {@code filter-2 / condition, 1:14: unknown column 'amout'}: the form the command line prints. */
    public String render() {
        String at = where.render();
        return at.isEmpty() ? message : at + ": " + message;
    }

    @Override
    public String toString() {
        return render();
    }
}
