package sluice.engine.source.file.json;

import static java.util.Objects.requireNonNull;

import sluice.engine.source.file.ParseMode;

/**
 * Spark's JSON read options we support; the formats are null when not set (Spark's default parsing), and
 * {@code syntax} says which JSON beyond the standard is accepted.
 */
public record JsonOptions(ParseMode mode, String columnNameOfCorruptRecord, String dateFormat, String timestampFormat,
                          JsonSyntax syntax, String timestampNTZFormat) {
    public static final JsonOptions DEFAULTS = new JsonOptions(ParseMode.PERMISSIVE, "_corrupt_record", null, null,
            JsonSyntax.SPARK_DEFAULTS, null);

    public JsonOptions {
        requireNonNull(mode, "mode is null");
        requireNonNull(columnNameOfCorruptRecord, "columnNameOfCorruptRecord is null");
        requireNonNull(syntax, "syntax is null");
    }

    public JsonOptions withMode(ParseMode parseMode) {
        return new JsonOptions(parseMode, columnNameOfCorruptRecord, dateFormat, timestampFormat, syntax,
                timestampNTZFormat);
    }

    public JsonOptions withSyntax(JsonSyntax accepted) {
        return new JsonOptions(mode, columnNameOfCorruptRecord, dateFormat, timestampFormat, accepted,
                timestampNTZFormat);
    }
}
