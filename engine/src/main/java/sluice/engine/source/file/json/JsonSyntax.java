package sluice.engine.source.file.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.json.JsonReadFeature;

/**
 * Which JSON beyond the standard the reader accepts: Spark's JSON read options that switch Jackson's read features
 * ({@code JSONOptions.buildJsonFactory}), with Spark's defaults. By default Spark accepts single-quoted strings and
 * names, and NaN, Infinity, +Infinity, -Infinity, +INF and -INF as numbers. Immutable.
 */
public record JsonSyntax(boolean allowComments, boolean allowUnquotedFieldNames, boolean allowSingleQuotes,
                         boolean allowNumericLeadingZeros, boolean allowNonNumericNumbers,
                         boolean allowBackslashEscapingAnyCharacter, boolean allowUnquotedControlChars) {
    public static final JsonSyntax SPARK_DEFAULTS = new JsonSyntax(false, false, true, false, true, false, false);

    /** A Jackson factory with these features and Jackson's default limits (Spark's defaults too). */
    JsonFactory factory() {
        return JsonFactory.builder()
                .configure(JsonReadFeature.ALLOW_JAVA_COMMENTS, allowComments)
                .configure(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES, allowUnquotedFieldNames)
                .configure(JsonReadFeature.ALLOW_SINGLE_QUOTES, allowSingleQuotes)
                .configure(JsonReadFeature.ALLOW_LEADING_ZEROS_FOR_NUMBERS, allowNumericLeadingZeros)
                .configure(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS, allowNonNumericNumbers)
                .configure(JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER, allowBackslashEscapingAnyCharacter)
                .configure(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS, allowUnquotedControlChars)
                .build();
    }
}
