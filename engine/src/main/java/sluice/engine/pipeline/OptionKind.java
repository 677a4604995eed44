package sluice.engine.pipeline;

/** The type of an option's value, which decides how it is checked and which editor the workbench shows. */
public enum OptionKind {
    STRING,
    INTEGER,
    BOOLEAN,
    /** A Spark duration such as {@code 10 seconds} or {@code 5s}. */
    DURATION,
    /**
     * A watermark's delay, as Spark reads it: a duration, or months and years too ({@code 1 month}), a month counted
     * as 31 days.
     */
    DELAY,
    /** One of {@link OptionSpec#choices()}. */
    CHOICE,
    /** A DDL schema such as {@code Date DATE, Close DOUBLE}. */
    SCHEMA,
    /** One Spark SQL expression. */
    EXPRESSION,
    /** An array of Spark SQL expressions. */
    EXPRESSION_LIST,
    /** An array of aggregate function calls, each optionally {@code AS name}, such as {@code avg(Close)}. */
    AGGREGATION_LIST,
    /** An array of strings. */
    STRING_LIST,
    /** A file or folder path. */
    PATH
}
