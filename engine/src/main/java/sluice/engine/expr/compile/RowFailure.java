package sluice.engine.expr.compile;

import sluice.engine.diag.ErrorCode;

/**
 * A runtime error found while computing a row, before it knows where in the text it happened; the evaluator of
 * the failing node turns it into a positioned SluiceException. No stack trace: it is a user error, not a bug.
 */
final class RowFailure extends RuntimeException {
    private static final String ANSI_HINT =
            " If necessary set \"spark.sql.ansi.enabled\" to \"false\" to bypass this error.";

    private final ErrorCode code;

    RowFailure(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    ErrorCode code() {
        return code;
    }

    static RowFailure divideByZero() {
        return new RowFailure(ErrorCode.DIVIDE_BY_ZERO, "[DIVIDE_BY_ZERO] Division by zero. Use `try_divide` to "
                + "tolerate divisor being 0 and return NULL instead." + ANSI_HINT);
    }

    static RowFailure remainderByZero() {
        return new RowFailure(ErrorCode.DIVIDE_BY_ZERO, "[REMAINDER_BY_ZERO] Remainder by zero. Use `try_mod` to "
                + "tolerate divisor being 0 and return NULL instead." + ANSI_HINT);
    }

    /** Spark's round and bround on integral types: ARITHMETIC_OVERFLOW with the bare message and no alternative. */
    static RowFailure roundOverflow() {
        return new RowFailure(ErrorCode.ARITHMETIC_OVERFLOW, "[ARITHMETIC_OVERFLOW] Overflow." + ANSI_HINT);
    }

    /** {@code what} overflow; {@code tryFunction} is the suggested alternative, or null when Spark names none. */
    static RowFailure overflow(String what, String tryFunction) {
        String alternative = tryFunction == null ? ""
                : " Use '" + tryFunction + "' to tolerate overflow and return NULL instead.";
        return new RowFailure(ErrorCode.ARITHMETIC_OVERFLOW, "[ARITHMETIC_OVERFLOW] " + what + " overflow."
                + alternative + ANSI_HINT);
    }

    /** Spark's overflow of TINYINT and SMALLINT arithmetic, which names the operands and has no ANSI hint. */
    static RowFailure binaryOverflow(String left, String symbol, String right, String tryFunction) {
        return new RowFailure(ErrorCode.ARITHMETIC_OVERFLOW, "[BINARY_ARITHMETIC_OVERFLOW] " + left + " " + symbol
                + " " + right + " caused overflow. Use `" + tryFunction + "` to ignore overflow problem and return "
                + "NULL.");
    }

    static RowFailure intervalOverflow() {
        return new RowFailure(ErrorCode.ARITHMETIC_OVERFLOW, "[INTERVAL_ARITHMETIC_OVERFLOW.WITHOUT_SUGGESTION] "
                + "Integer overflow while operating with intervals. Try devising appropriate values for the interval "
                + "parameters.");
    }

    static RowFailure castInvalid(String valueText, String from, String to) {
        return new RowFailure(ErrorCode.CAST_INVALID_INPUT, "[CAST_INVALID_INPUT] The value " + valueText
                + " of the type \"" + from + "\" cannot be cast to \"" + to + "\" because it is malformed. Correct "
                + "the value as per the syntax, or change its target type. Use `try_cast` to tolerate malformed "
                + "input and return NULL instead." + ANSI_HINT);
    }

    /** Text that is no interval of the cast's type: Spark's INVALID_INTERVAL_FORMAT class and message. */
    static RowFailure intervalFormat(String errorClass, String message) {
        return new RowFailure(ErrorCode.CAST_INVALID_INPUT, "[" + errorClass + "] " + message);
    }

    static RowFailure castOverflow(String valueText, String from, String to) {
        return new RowFailure(ErrorCode.ARITHMETIC_OVERFLOW, "[CAST_OVERFLOW] The value " + valueText
                + " of the type \"" + from + "\" cannot be cast to \"" + to + "\" due to an overflow. Use `try_cast` "
                + "to tolerate overflow and return NULL instead." + ANSI_HINT);
    }

    static RowFailure decimalOutOfRange(String valueText, int precision, int scale) {
        return new RowFailure(ErrorCode.ARITHMETIC_OVERFLOW, "[NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION] "
                + valueText + " cannot be represented as Decimal(" + precision + ", " + scale + "). If necessary set "
                + "\"spark.sql.ansi.enabled\" to \"false\" to bypass this error, and return NULL instead.");
    }

    /** Spark's Decimal.set with a precision: {@code original} rounded half up to {@code rounded} is too long. */
    static RowFailure decimalRoundedOutOfRange(String rounded, String original, int precision, int scale) {
        return new RowFailure(ErrorCode.ARITHMETIC_OVERFLOW, "[NUMERIC_VALUE_OUT_OF_RANGE.WITHOUT_SUGGESTION] The "
                + rounded + " rounded half up from " + original + " cannot be represented as Decimal(" + precision
                + ", " + scale + ").");
    }

    /** {@code tryFunction}: the function Spark suggests, {@code try_to_timestamp} or {@code try_to_date}. */
    static RowFailure cannotParseTimestamp(String parserMessage, String tryFunction) {
        return new RowFailure(ErrorCode.CAST_INVALID_INPUT, "[CANNOT_PARSE_TIMESTAMP] " + parserMessage
                + ". Use `" + tryFunction + "` to tolerate invalid input string and return NULL instead.");
    }

    static RowFailure invalidArgument(String message) {
        return new RowFailure(ErrorCode.INVALID_ARGUMENT_VALUE, message);
    }
}
