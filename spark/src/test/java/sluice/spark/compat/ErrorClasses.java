package sluice.spark.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import sluice.engine.diag.ErrorCode;

/**
 * Which of Spark's error classes each of Sluice's error codes stands for, and the assertion that two engines stopped
 * for the same reason. Spark's reason is its error class, or for a file it could not read, FAILED_READ_FILE and the
 * class of what went wrong inside it; the classes Spark raises deeper down (the parser's own detail beneath a
 * malformed record) are not compared. Where Sluice's message names a Spark class ({@code [CAST_OVERFLOW] ...}), that
 * class must be Spark's exactly; otherwise Spark's must be one of those listed for the code. A code missing here fails
 * the case until its Spark classes are written down.
 */
final class ErrorClasses {
    private static final String FAILED_READ_FILE = "FAILED_READ_FILE";
    private static final Map<ErrorCode, List<String>> SPARK = new EnumMap<>(ErrorCode.class);

    static {
        // Stops while running: Spark's runtime error classes.
        SPARK.put(ErrorCode.DIVIDE_BY_ZERO, List.of("DIVIDE_BY_ZERO", "REMAINDER_BY_ZERO",
                "INTERVAL_DIVIDED_BY_ZERO"));
        SPARK.put(ErrorCode.ARITHMETIC_OVERFLOW, List.of("ARITHMETIC_OVERFLOW", "BINARY_ARITHMETIC_OVERFLOW",
                "CAST_OVERFLOW", "NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION",
                "NUMERIC_VALUE_OUT_OF_RANGE.WITHOUT_SUGGESTION", "INTERVAL_ARITHMETIC_OVERFLOW.WITHOUT_SUGGESTION",
                "INTERVAL_ARITHMETIC_OVERFLOW.WITH_SUGGESTION"));
        SPARK.put(ErrorCode.CAST_INVALID_INPUT, List.of("CAST_INVALID_INPUT", "CANNOT_PARSE_TIMESTAMP",
                "CONVERSION_INVALID_INPUT", "INVALID_FORMAT.MISMATCH_INPUT",
                "INVALID_INTERVAL_FORMAT.UNMATCHED_FORMAT_STRING",
                "INVALID_INTERVAL_FORMAT.UNMATCHED_FORMAT_STRING_WITH_NOTICE",
                "INVALID_INTERVAL_FORMAT.INTERVAL_PARSING"));
        SPARK.put(ErrorCode.INVALID_ARGUMENT_VALUE, List.of("INVALID_PARAMETER_VALUE.PATTERN",
                "INVALID_PARAMETER_VALUE.REGEX_GROUP_INDEX", "INVALID_FORMAT.ESC_AT_THE_END",
                "INVALID_DATETIME_PATTERN", "INVALID_DATETIME_PATTERN.ILLEGAL_CHARACTER",
                "INCONSISTENT_BEHAVIOR_CROSS_VERSION.DATETIME_WEEK_BASED_PATTERN", "INVALID_INDEX_OF_ZERO",
                "INVALID_PARAMETER_VALUE.CHARSET", "MALFORMED_CHARACTER_CODING", "INVALID_ARRAY_INDEX",
                "INVALID_ARRAY_INDEX_IN_ELEMENT_AT", "NULL_MAP_KEY", "DUPLICATED_MAP_KEY", "COMPARATOR_RETURNS_NULL",
                "INVALID_PARAMETER_VALUE.START", "INVALID_PARAMETER_VALUE.LENGTH", "_LEGACY_ERROR_TEMP_2128",
                "INVALID_PARAMETER_VALUE.BIT_POSITION_RANGE", "INVALID_REGEXP_REPLACE",
                "INVALID_URL", "CANNOT_DECODE_URL", "INVALID_FORMAT.ESC_IN_THE_MIDDLE", "INVALID_UTF8_STRING",
                "INVALID_PARAMETER_VALUE.AES_KEY_LENGTH", "INVALID_PARAMETER_VALUE.AES_IV_LENGTH",
                "INVALID_PARAMETER_VALUE.AES_CRYPTO_ERROR", "UNSUPPORTED_FEATURE.AES_MODE",
                "UNSUPPORTED_FEATURE.AES_MODE_IV", "UNSUPPORTED_FEATURE.AES_MODE_AAD",
                "DATETIME_FIELD_OUT_OF_BOUNDS.WITH_SUGGESTION", "ILLEGAL_DAY_OF_WEEK",
                "INVALID_FRACTION_OF_SECOND", "INVALID_TIMEZONE", "_LEGACY_ERROR_TEMP_3242", "_LEGACY_ERROR_TEMP_3243",
                "COLLECTION_SIZE_LIMIT_EXCEEDED.PARAMETER"));
        SPARK.put(ErrorCode.RAISED_ERROR, List.of("USER_RAISED_EXCEPTION"));
        // A FAILFAST record: Spark fails reading the file, because a record is malformed; from_csv's record fails
        // the expression.
        // A JSON string a numeric field cannot take has a subclass of its own in Spark's FAILFAST message.
        SPARK.put(ErrorCode.MALFORMED_RECORD, List.of(
                "FAILED_READ_FILE.NO_HINT > MALFORMED_RECORD_IN_PARSING.WITHOUT_SUGGESTION",
                "MALFORMED_RECORD_IN_PARSING.WITHOUT_SUGGESTION",
                "FAILED_READ_FILE.NO_HINT > MALFORMED_RECORD_IN_PARSING.CANNOT_PARSE_STRING_AS_DATATYPE"));
        // A file that cannot be read at all (univocity's RAISE_ERROR, an I/O error): no class beneath Spark's own;
        // a CSV line past maxColumns or maxCharsPerColumn (in every mode): a malformed CSV record beneath it.
        SPARK.put(ErrorCode.SOURCE_FAILED, List.of("FAILED_READ_FILE.NO_HINT",
                "FAILED_READ_FILE.NO_HINT > MALFORMED_CSV_RECORD"));
        // Rejections: the classes of Spark's analysis, found when the query is defined or when its first batch is
        // planned (a file sink's schema).
        // A time window of months or years, which Spark's TimeWindow refuses when it parses the duration.
        SPARK.put(ErrorCode.BAD_OPTION_VALUE, List.of("_LEGACY_ERROR_TEMP_3231"));
        SPARK.put(ErrorCode.BAD_OUTPUT_MODE, List.of("STREAMING_OUTPUT_MODE.UNSUPPORTED_DATASOURCE",
                "STREAMING_OUTPUT_MODE.UNSUPPORTED_OPERATION", "_LEGACY_ERROR_TEMP_3102"));
        // UnsupportedOperationChecker's refusals (a distinct aggregation): one legacy class, the reason in the message;
        // the planner's refusal of a session window as the only key, when the query starts.
        SPARK.put(ErrorCode.UNSUPPORTED_IN_STREAMING, List.of("_LEGACY_ERROR_TEMP_3102", "_LEGACY_ERROR_TEMP_3068"));
        // UnsupportedOperationChecker's join rules, and the planner's refusal of a stream-stream join without an
        // equality; a static table where a stream is needed.
        SPARK.put(ErrorCode.UNSUPPORTED_JOIN, List.of("_LEGACY_ERROR_TEMP_3102", "_LEGACY_ERROR_TEMP_1181"));
        SPARK.put(ErrorCode.STATIC_INPUT, List.of("WRITE_STREAM_NOT_ALLOWED", "_LEGACY_ERROR_TEMP_3102"));
        SPARK.put(ErrorCode.TYPE_MISMATCH, List.of("UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE", "_LEGACY_ERROR_TEMP_1290",
                "DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES", "DATATYPE_MISMATCH.BINARY_OP_WRONG_TYPE",
                "DATATYPE_MISMATCH.CAST_WITH_CONF_SUGGESTION", "DATATYPE_MISMATCH.CAST_WITHOUT_SUGGESTION",
                "DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE", "DATATYPE_MISMATCH.INVALID_ORDERING_TYPE",
                "DATATYPE_MISMATCH.DATA_DIFF_TYPES", "DATATYPE_MISMATCH.CREATE_MAP_KEY_DIFF_TYPES",
                "DATATYPE_MISMATCH.CREATE_MAP_VALUE_DIFF_TYPES", "DATATYPE_MISMATCH.INVALID_MAP_KEY_TYPE",
                "DATATYPE_MISMATCH.CREATE_NAMED_STRUCT_WITHOUT_FOLDABLE_STRING", "DATATYPE_MISMATCH.UNEXPECTED_NULL",
                "DATATYPE_MISMATCH.MAP_FUNCTION_DIFF_TYPES", "DATATYPE_MISMATCH.MAP_ZIP_WITH_DIFF_TYPES",
                "DATATYPE_MISMATCH.UNEXPECTED_RETURN_TYPE", "INVALID_EXTRACT_BASE_FIELD_TYPE",
                "INVALID_EXTRACT_FIELD_TYPE", "DATATYPE_MISMATCH.NON_FOLDABLE_INPUT",
                "DATATYPE_MISMATCH.INPUT_SIZE_NOT_ONE", "DATATYPE_MISMATCH.VALUE_OUT_OF_RANGE",
                "DATATYPE_MISMATCH.INVALID_ARG_VALUE", "INVALID_ESCAPE_CHAR", "NON_FOLDABLE_ARGUMENT",
                "INVALID_PARAMETER_VALUE.ZERO_INDEX", "UNEXPECTED_INPUT_TYPE", "INVALID_FORMAT.EMPTY",
                "INVALID_FORMAT.WRONG_NUM_DIGIT", "INVALID_FORMAT.CUR_MUST_BEFORE_DIGIT",
                "INVALID_FORMAT.CUR_MUST_BEFORE_DEC", "INVALID_FORMAT.CONT_THOUSANDS_SEPS",
                "INVALID_FORMAT.THOUSANDS_SEPS_MUST_BEFORE_DEC", "INVALID_FORMAT.WRONG_NUM_TOKEN",
                "INVALID_FORMAT.UNEXPECTED_TOKEN", "INVALID_PARAMETER_VALUE.BINARY_FORMAT",
                "SEED_EXPRESSION_IS_UNFOLDABLE", "INVALID_OPTIONS.NON_MAP_FUNCTION",
                "INVALID_OPTIONS.NON_STRING_TYPE", "EVENT_TIME_IS_NOT_ON_TIMESTAMP_TYPE",
                "DATATYPE_MISMATCH.STACK_COLUMN_DIFF_TYPES", "DATATYPE_MISMATCH.NON_STRING_TYPE",
                "DATATYPE_MISMATCH.SEQUENCE_WRONG_INPUT_TYPES",
                // window_time of a column no window made.
                "_LEGACY_ERROR_TEMP_3101"));
        SPARK.put(ErrorCode.AMBIGUOUS_COLUMN, List.of("AMBIGUOUS_REFERENCE", "AMBIGUOUS_REFERENCE_TO_FIELDS"));
        SPARK.put(ErrorCode.WRONG_ARGUMENTS, List.of("WRONG_NUM_ARGS.WITHOUT_SUGGESTION",
                "WRONG_NUM_ARGS.WITH_SUGGESTION", "INVALID_EXTRACT_FIELD", "NAMED_PARAMETERS_NOT_SUPPORTED",
                "UNEXPECTED_POSITIONAL_ARGUMENT", "UNRECOGNIZED_PARAMETER_NAME", "REQUIRED_PARAMETER_NOT_FOUND",
                "DUPLICATE_ROUTINE_PARAMETER_ASSIGNMENT.BOTH_POSITIONAL_AND_NAMED",
                "DUPLICATE_ROUTINE_PARAMETER_ASSIGNMENT.DOUBLE_NAMED_ARGUMENT_REFERENCE"));
        SPARK.put(ErrorCode.UNSUPPORTED_GENERATOR, List.of("UNSUPPORTED_GENERATOR.NESTED_IN_EXPRESSIONS",
                "UNSUPPORTED_GENERATOR.OUTSIDE_SELECT", "UDTF_ALIAS_NUMBER_MISMATCH", "MULTI_ALIAS_WITHOUT_GENERATOR"));
        SPARK.put(ErrorCode.INCOMPATIBLE_UNION, List.of("NUM_COLUMNS_MISMATCH", "INCOMPATIBLE_COLUMN_TYPE"));
        SPARK.put(ErrorCode.UNKNOWN_COLUMN, List.of("UNRESOLVED_COLUMN.WITH_SUGGESTION",
                "UNRESOLVED_COLUMN.WITHOUT_SUGGESTION", "FIELD_NOT_FOUND", "UNRESOLVED_USING_COLUMN_FOR_JOIN"));
        // A Spark function Sluice lacks is refused like an unknown one; monotonically_increasing_id is also refused by
        // Spark, in every streaming query.
        // UNSUPPORTED_TIME_TYPE: Spark 4.1 refuses its TIME functions by default, and Sluice does not have them.
        SPARK.put(ErrorCode.UNKNOWN_FUNCTION, List.of("UNRESOLVED_ROUTINE", "_LEGACY_ERROR_TEMP_3102",
                "UNSUPPORTED_TIME_TYPE"));
        SPARK.put(ErrorCode.EXPRESSION_SYNTAX, List.of("PARSE_SYNTAX_ERROR", "INVALID_TYPED_LITERAL",
                "INVALID_NUMERIC_LITERAL_RANGE", "UNCLOSED_BRACKETED_COMMENT", "PARSE_EMPTY_STATEMENT",
                "INVALID_IDENTIFIER", "FAILED_TO_PARSE_TOO_COMPLEX", "DECIMAL_PRECISION_EXCEEDS_MAX_PRECISION",
                // Interval literals Spark's parser refuses: two from-to ranges, an unsupported range, mixed units,
                // a value not in its range's form.
                "_LEGACY_ERROR_TEMP_0024", "_LEGACY_ERROR_TEMP_0028", "_LEGACY_ERROR_TEMP_0029",
                "_LEGACY_ERROR_TEMP_0063"));
    }

    private ErrorClasses() {
    }

    /** Asserts that Sluice stopped for the reason Spark stopped for. */
    static void assertSameReason(String where, Outcome.Stop sluice, Outcome.Stop spark) {
        String sparkClass = sparkClass(spark);
        ErrorCode code = ErrorCode.valueOf(sluice.classes().get(0));
        List<String> known = SPARK.get(code);
        assertThat(known).as("%s: the Spark classes of Sluice's %s are not written down in ErrorClasses (Spark: %s; "
                + "Sluice: %s)", where, code, spark, sluice).isNotNull();
        if (sluice.classes().size() > 1) {
            String named = sluice.classes().get(1);
            assertThat(known).as("%s: Sluice's %s names the Spark class %s", where, code, named).contains(named);
            assertThat(sparkClass).as("%s: the error class Sluice names (Sluice: %s; Spark: %s)", where, sluice, spark)
                    .isEqualTo(named);
        } else {
            assertThat(sparkClass).as("%s: Spark's error class for Sluice's %s (Sluice: %s; Spark: %s)", where, code,
                    sluice, spark).isIn(known);
        }
    }

    /** Spark's error class, with the class of what went wrong inside a file that failed to read. */
    private static String sparkClass(Outcome.Stop spark) {
        List<String> classes = spark.classes();
        String outer = classes.get(0);
        if (outer.startsWith(FAILED_READ_FILE) && classes.size() > 1) {
            return outer + " > " + classes.get(1);
        }
        return outer;
    }
}
