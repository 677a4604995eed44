package sluice.engine.expr.lex;

/** The kinds of token; keywords are identifiers, because Spark lets most of them be column names too. */
public enum TokenKind {
    IDENTIFIER,
    /** A `backquoted` identifier: never a keyword. */
    QUOTED_IDENTIFIER,
    /** Digits only, e.g. {@code 42}. */
    INTEGER,
    /** An integer with an {@code L} suffix. */
    BIGINT,
    /** An integer with a {@code Y} suffix. */
    TINYINT,
    /** An integer with an {@code S} suffix. */
    SMALLINT,
    /** Digits with a point and no exponent, e.g. {@code 1.5}; Spark's exact decimal literal. */
    DECIMAL,
    /** A number with an exponent, a {@code D} suffix, or both. */
    DOUBLE,
    /** A number with an {@code F} suffix. */
    FLOAT,
    /** A number with a {@code BD} suffix. */
    BIG_DECIMAL,
    STRING,
    /**
     * Punctuation; {@code DOUBLE_COLON} is Spark's postfix cast {@code value::type}, {@code ARROW} the {@code ->} of a
     * lambda, {@code FAT_ARROW} the {@code =>} of a named argument.
     */
    ARROW, FAT_ARROW, LEFT_PAREN, RIGHT_PAREN, LEFT_BRACKET, RIGHT_BRACKET, COMMA, DOT, COLON, DOUBLE_COLON,
    PLUS, MINUS, STAR, SLASH, PERCENT, CONCAT, AMPERSAND, PIPE, HAT, TILDE,
    EQ, DOUBLE_EQ, NOT_EQ, NULL_SAFE_EQ, LT, LE, GT, GE, BANG,
    END_OF_INPUT
}
