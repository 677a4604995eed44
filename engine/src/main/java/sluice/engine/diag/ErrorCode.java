package sluice.engine.diag;

/** The kind of a user error; stable, so tests and the workbench can key on it. */
public enum ErrorCode {
    // pipeline file and graph
    INVALID_FILE,
    UNKNOWN_NODE_TYPE,
    UNKNOWN_OPTION,
    MISSING_OPTION,
    BAD_OPTION_VALUE,
    DUPLICATE_NODE_ID,
    INVALID_NODE_ID,
    UNKNOWN_INPUT,
    WRONG_INPUT_COUNT,
    CYCLE,
    SINK_WITHOUT_INPUT,
    NO_SINK,
    BAD_OUTPUT_MODE,
    // schemas and expressions
    SCHEMA_SYNTAX,
    EXPRESSION_SYNTAX,
    UNKNOWN_COLUMN,
    AMBIGUOUS_COLUMN,
    UNKNOWN_FUNCTION,
    WRONG_ARGUMENTS,
    TYPE_MISMATCH,
    INCOMPATIBLE_UNION,
    // while running
    SOURCE_FAILED,
    MALFORMED_RECORD,
    SINK_FAILED,
    CHECKPOINT_FAILED,
    DIVIDE_BY_ZERO,
    ARITHMETIC_OVERFLOW,
    CAST_INVALID_INPUT,
    INVALID_ARGUMENT_VALUE,
    /** raise_error or assert_true stopped the query with the user's own message. */
    RAISED_ERROR,
    // a bug in Sluice, not the user's mistake (the workbench lists it as a run problem; the details are in the log)
    INTERNAL_ERROR
}
