package sluice.engine.expr.lex;

import static java.util.Objects.requireNonNull;

import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.Position;
import sluice.engine.diag.SluiceException;
import sluice.engine.diag.Problem;

/** The text of one option and where it lives; turns spans into positions with line and column. Immutable. */
public record SourceText(String text, Position where) {
    public SourceText {
        requireNonNull(text, "text is null");
        requireNonNull(where, "where is null");
    }

    /** The position of {@code offset}, counting lines from 1 and columns from 1 within the line. */
    public Position positionOf(int offset) {
        int line = 1;
        int lineStart = 0;
        int end = Math.min(offset, text.length());
        for (int i = 0; i < end; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return where.at(line, offset - lineStart + 1);
    }

    public Position positionOf(Span span) {
        return positionOf(span.start());
    }

    /** A user error at {@code span}, ready to throw. */
    public SluiceException error(ErrorCode code, Span span, String format, Object... args) {
        return Problem.of(code, positionOf(span), format, args).toException();
    }
}
