package sluice.engine.plan;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import sluice.engine.diag.ErrorCode;
import sluice.engine.pipeline.NodeKind;
import sluice.engine.pipeline.OptionKind;
import sluice.engine.pipeline.OptionSpec;
import sluice.engine.sink.CsvRowFormat;
import sluice.engine.sink.FileSink;
import sluice.engine.sink.JsonRowFormat;
import sluice.engine.orc.OrcCodec;
import sluice.engine.parquet.ParquetCodec;
import sluice.engine.sink.OrcRowFormat;
import sluice.engine.sink.OutputMode;
import sluice.engine.sink.ParquetRowFormat;
import sluice.engine.parquet.ParquetBatchWriter;
import sluice.engine.parquet.ParquetSchemas;
import sluice.engine.sink.RowFormat;
import sluice.engine.sink.Sink;
import sluice.engine.sink.TextRowFormat;
import sluice.engine.types.AtomicType;
import sluice.engine.types.DataType;
import sluice.engine.types.Field;
import sluice.engine.types.Schema;

/** {@code sink.file}: Spark's file sink with its csv, json, text and orc write options, names and defaults. */
final class FileSinkFactory {
    static final NodeKind KIND = SinkFactories.sink("sink.file",
            "Writes each batch as files plus Spark's _spark_metadata log of committed files",
            OptionSpec.required("path", OptionKind.PATH, "Output folder"),
            OptionSpec.choice("format", null, List.of("csv", "json", "text", "parquet", "orc"),
                    "File format: csv, json, text (one STRING column, a line per row), parquet or orc"),
            OptionSpec.optional("compression", OptionKind.STRING, null, "parquet: the codec, one of "
                    + ParquetCodec.availableNames() + "; default snappy, as Spark writes; orc: one of "
                    + OrcCodec.availableNames() + "; default zstd, as Spark writes").readBy("parquet", "orc"),
            OptionSpec.optional("parquet.compression", OptionKind.STRING, null,
                    "parquet: the codec when compression is not set, as Spark reads it").readBy("parquet"),
            OptionSpec.optional("orc.compress", OptionKind.STRING, null,
                    "orc: the codec when compression is not set, as Spark reads it").readBy("orc"),
            OptionSpec.optional("header", OptionKind.BOOLEAN, "false", "csv: write the column names first")
                    .readBy("csv"),
            OptionSpec.optional("sep", OptionKind.STRING, ",", "csv: the field separator").readBy("csv"),
            OptionSpec.optional("quote", OptionKind.STRING, "\"", "csv: the quote character; empty for none")
                    .readBy("csv"),
            OptionSpec.optional("escape", OptionKind.STRING, "\\", "csv: escapes quotes inside quoted values")
                    .readBy("csv"),
            OptionSpec.optional("nullValue", OptionKind.STRING, "", "csv: the text written for null").readBy("csv"),
            OptionSpec.optional("emptyValue", OptionKind.STRING, "\"\"", "csv: the text written for an empty string")
                    .readBy("csv"),
            OptionSpec.optional("quoteAll", OptionKind.BOOLEAN, "false", "csv: quote every value").readBy("csv"),
            OptionSpec.optional("escapeQuotes", OptionKind.BOOLEAN, "true", "csv: quote values holding quotes")
                    .readBy("csv"),
            OptionSpec.optional("dateFormat", OptionKind.STRING, CsvRowFormat.DEFAULT_DATE_FORMAT,
                    "Pattern for dates")
                    .readBy("csv", "json"),
            OptionSpec.optional("timestampFormat", OptionKind.STRING, CsvRowFormat.DEFAULT_TIMESTAMP_FORMAT,
                    "Pattern for timestamps, in the session time zone")
                    .readBy("csv", "json"),
            OptionSpec.optional("timestampNTZFormat", OptionKind.STRING, CsvRowFormat.DEFAULT_TIMESTAMP_NTZ_FORMAT,
                    "Pattern for TIMESTAMP_NTZ values (csv, json)")
                    .readBy("csv", "json"),
            OptionSpec.optional("ignoreNullFields", OptionKind.BOOLEAN, "true", "json: leave out null fields")
                    .readBy("json"),
            OptionSpec.optional("partitionBy", OptionKind.STRING_LIST, null, "Columns whose values name the "
                    + "folders rows go to (col=value/...), as Spark's partitionBy; the files hold the other columns"),
            OptionSpec.optional("encoding", OptionKind.STRING, null, "csv, json: the character set to write, one "
                    + "of Spark's: UTF-8 (the default), ISO-8859-1, US-ASCII, UTF-16, UTF-16BE, UTF-16LE, UTF-32")
                    .readBy("csv", "json"),
            OptionSpec.optional("charset", OptionKind.STRING, null, "csv, json: another name for encoding")
                    .readBy("csv", "json"),
            // The default is a line feed, left out of the table: the reference prints defaults as they are.
            OptionSpec.optional("lineSep", OptionKind.STRING, null,
                    "text, csv, json: the text written after each line (csv: 1 or 2 characters); default: a line "
                            + "feed").readBy("text", "csv", "json"));

    private FileSinkFactory() {
    }

    static NodeType type() {
        return new NodeType(KIND, c -> SinkFactories.make(c, FileSinkFactory::sink));
    }

    private static Sink sink(NodeContext context) {
        Optional<Path> path = context.path("path");
        Optional<String> format = context.string("format");
        Optional<OutputMode> mode = context.string("outputMode").flatMap(OutputMode::parse);
        if (path.isEmpty() || format.isEmpty() || mode.isEmpty()) {
            return null;
        }
        if (!OutputFolder.check(context, path.get())) {
            return null;
        }
        String name = format.get().trim().toLowerCase(Locale.ROOT);
        // Spark's file sink keeps no state to replace or update files with, so it takes append mode only.
        if (mode.get() != OutputMode.APPEND) {
            String modeName = mode.get() == OutputMode.UPDATE ? "Update" : "Complete";
            context.problem("outputMode", ErrorCode.BAD_OUTPUT_MODE, "Data source %s does not support %s output mode",
                    name, modeName);
            return null;
        }
        checkPattern(context, "dateFormat");
        checkPattern(context, "timestampFormat");
        checkPattern(context, "timestampNTZFormat");
        Optional<String> lineSep = context.string("lineSep");
        if ((name.equals("parquet") || name.equals("orc")) && lineSep.isPresent()) {
            // Spark's Parquet and ORC writers leave lineSep out; a Sluice user is told rather than ignored.
            context.problem("lineSep", ErrorCode.BAD_OPTION_VALUE, "'lineSep' is a text, csv and json option; %s "
                    + "files have no lines", name);
            return null;
        }
        if (!name.equals("csv") && !name.equals("json") && (context.string("encoding").isPresent()
                || context.string("charset").isPresent())) {
            // Spark's text writer takes encoding too but writes UTF-8 whatever it says; Parquet and ORC have none.
            String option = FileSourceFactory.encodingOption(context);
            context.problem(option, ErrorCode.BAD_OPTION_VALUE, "'%s' is a csv and json option; %s", option,
                    name.equals("text") ? "Spark writes text files in UTF-8 whatever it says" : name
                            + " files have their own encoding");
            return null;
        }
        if (lineSep.isPresent() && lineSep.get().isEmpty()) {
            context.problem("lineSep", ErrorCode.BAD_OPTION_VALUE, "'lineSep' cannot be an empty string");
            return null;
        }
        if (name.equals("csv") && lineSep.isPresent() && lineSep.get().length() > 2) {
            context.problem("lineSep", ErrorCode.BAD_OPTION_VALUE, "'lineSep' can contain only 1 character");
            return null;
        }
        if (!name.equals("parquet") && !name.equals("orc") && context.string("compression").isPresent()) {
            // Spark's csv, json and text writers take it too; Sluice's write plain text, so it is refused.
            context.problem("compression", ErrorCode.BAD_OPTION_VALUE,
                    "'compression' is a parquet and orc option here; %s files are written uncompressed", name);
            return null;
        }
        int[] partitionBy = partitionBy(context);
        if (partitionBy == null) {
            return null;
        }
        RowFormat rows = switch (name) {
            case "csv" -> csv(context, partitionBy);
            case "json" -> json(context);
            case "parquet" -> parquet(context, partitionBy);
            case "orc" -> orc(context, partitionBy);
            default -> text(context, partitionBy);
        };
        return rows == null || context.hasProblems() ? null
                : new FileSink(path.get(), rows, context.inputSchema(), partitionBy);
    }

    /**
     * The input columns of partitionBy, checked as Spark checks them when it writes: each names a column, none
     * twice, of an atomic type, and not every column. Null after a problem.
     */
    private static int[] partitionBy(NodeContext context) {
        List<String> names = context.list("partitionBy");
        if (names.isEmpty() || !context.inputsKnown()) {
            return new int[0];
        }
        Schema schema = context.inputSchema();
        int[] columns = new int[names.size()];
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).trim();
            int index = schema.indexOf(name);
            if (index < 0) {
                context.problem("partitionBy", ErrorCode.UNKNOWN_COLUMN, "partition column `%s` not found in schema "
                        + "%s", name, schema.toStructType().simpleString());
                return null;
            }
            for (int j = 0; j < i; j++) {
                if (columns[j] == index) {
                    context.problem("partitionBy", ErrorCode.BAD_OPTION_VALUE, "[COLUMN_ALREADY_EXISTS] The column "
                            + "`%s` already exists in partitionBy", name.toLowerCase(Locale.ROOT));
                    return null;
                }
            }
            DataType type = schema.field(index).type();
            if (type.isComplex() || type.isInterval() || type == AtomicType.NULL) {
                context.problem("partitionBy", ErrorCode.TYPE_MISMATCH, "cannot use %s for partition column `%s`",
                        type.sql(), schema.field(index).name());
                return null;
            }
            columns[i] = index;
        }
        if (columns.length == schema.size()) {
            context.problem("partitionBy", ErrorCode.BAD_OPTION_VALUE, "cannot use all columns for partition "
                    + "columns; the files need at least one column of their own");
            return null;
        }
        return columns;
    }

    /** The columns the files hold: those not in partitionBy. */
    private static List<Field> dataFields(NodeContext context, int[] partitionBy) {
        List<Field> fields = new java.util.ArrayList<>();
        for (int c = 0; c < context.inputSchema().size(); c++) {
            int column = c;
            if (java.util.Arrays.stream(partitionBy).noneMatch(p -> p == column)) {
                fields.add(context.inputSchema().field(c));
            }
        }
        return fields;
    }

    private static RowFormat csv(NodeContext context, int[] partitionBy) {
        for (Field field : dataFields(context, partitionBy)) {
            if (field.type().isComplex()) {
                context.problem("format", ErrorCode.TYPE_MISMATCH,
                        "[UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE] The CSV datasource doesn't support the column `%s` of "
                                + "the type \"%s\"", field.name(), field.type().sql());
            }
        }
        Character sep = character(context, "sep", false);
        Character quote = character(context, "quote", true);
        Character escape = character(context, "escape", false);
        if (sep == null || quote == null || escape == null) {
            return null;
        }
        return new CsvRowFormat(context.bool("header"), sep, quote, escape, context.string("nullValue").orElse(""),
                context.string("emptyValue").orElse("\"\""), context.bool("quoteAll"), context.bool("escapeQuotes"),
                context.string("dateFormat").orElseThrow(), context.string("timestampFormat").orElseThrow(),
                context.string("timestampNTZFormat").orElseThrow(),
                context.string("lineSep").orElse(TextRowFormat.DEFAULT_LINE_SEP),
                FileSourceFactory.charset(context, "CSVOptions").orElse(StandardCharsets.UTF_8));
    }

    private static RowFormat parquet(NodeContext context, int[] partitionBy) {
        for (Field field : dataFields(context, partitionBy)) {
            if (!ParquetSchemas.isWritable(field.type())) {
                context.problem("format", ErrorCode.TYPE_MISMATCH,
                        "[UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE] The Parquet datasource doesn't support the column "
                                + "`%s` of the type \"%s\"", field.name(), field.type().sql());
                return null;
            }
        }
        String option = codecOption(context, "parquet.compression");
        String name = context.string(option).orElse(ParquetCodec.DEFAULT.name());
        Optional<ParquetCodec> codec = ParquetCodec.parse(name);
        if (codec.isEmpty() || !codec.get().isAvailable()) {
            codecProblem(context, option, "Parquet", name, codec.flatMap(ParquetCodec::missingLibrary),
                    ParquetCodec.availableNames());
            return null;
        }
        return new ParquetRowFormat(ParquetBatchWriter.of(codec.get()));
    }

    private static RowFormat orc(NodeContext context, int[] partitionBy) {
        for (Field field : dataFields(context, partitionBy)) {
            if (FileSourceFactory.containsVoid(field.type())) {
                context.problem("format", ErrorCode.TYPE_MISMATCH, "[UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE] The ORC "
                        + "datasource doesn't support the column `%s` of the type \"%s\"", field.name(),
                        field.type().sql());
                return null;
            }
        }
        String option = codecOption(context, "orc.compress");
        String name = context.string(option).orElse(OrcCodec.DEFAULT.name());
        Optional<OrcCodec> codec = OrcCodec.parse(name);
        if (codec.isEmpty() || !codec.get().isAvailable()) {
            codecProblem(context, option, "ORC", name, codec.flatMap(OrcCodec::missingLibrary),
                    OrcCodec.availableNames());
            return null;
        }
        return new OrcRowFormat(codec.get());
    }

    /**
     * The option that names the codec, as Spark's Parquet and ORC options read it: {@code compression}, else the
     * format's own ({@code parquet.compression}, {@code orc.compress}), which is then also the option a problem names.
     */
    private static String codecOption(NodeContext context, String formatOwn) {
        return context.string("compression").isEmpty() && context.string(formatOwn).isPresent() ? formatOwn
                : "compression";
    }

    /**
     * A codec Sluice does not write. A name Spark does not know gets Spark's error; one whose library Spark 4.1 does
     * not ship (Spark's write fails at its first batch, looking for the codec's class) says which library it is.
     */
    private static void codecProblem(NodeContext context, String option, String format, String name,
                                     Optional<String> library, String available) {
        if (library.isPresent()) {
            context.problem(option, ErrorCode.BAD_OPTION_VALUE, "codec '%s' needs an extra codec library that "
                    + "Spark 4.1 does not ship, %s, and Spark's write fails without it; Sluice writes %s with %s",
                    name.trim(), library.get(), format, available);
        } else {
            context.problem(option, ErrorCode.BAD_OPTION_VALUE,
                    "[CODEC_NOT_AVAILABLE.WITH_AVAILABLE_CODECS_SUGGESTION] The codec '%s' is not available; "
                    + "available codecs are %s", name.trim(), available);
        }
    }

    private static RowFormat json(NodeContext context) {
        return new JsonRowFormat(context.bool("ignoreNullFields"), context.string("dateFormat").orElseThrow(),
                context.string("timestampFormat").orElseThrow(), context.string("timestampNTZFormat").orElseThrow(),
                context.string("lineSep").orElse(TextRowFormat.DEFAULT_LINE_SEP),
                FileSourceFactory.charset(context, "JSONOptions").orElse(StandardCharsets.UTF_8));
    }

    private static RowFormat text(NodeContext context, int[] partitionBy) {
        List<Field> fields = dataFields(context, partitionBy);
        if (context.inputsKnown() && !textColumnsFit(context, fields)) {
            return null;
        }
        String lineSep = context.string("lineSep").orElse(TextRowFormat.DEFAULT_LINE_SEP);
        if (lineSep.isEmpty()) {
            context.problem("lineSep", ErrorCode.BAD_OPTION_VALUE, "'lineSep' cannot be an empty string");
            return null;
        }
        return new TextRowFormat(lineSep);
    }

    /**
     * Spark's text writer takes exactly one STRING column; Spark checks the type of every column first, then their
     * number, when it plans the first batch's write. Here they are problems before the run, with Spark's messages.
     */
    private static boolean textColumnsFit(NodeContext context, List<Field> fields) {
        for (Field field : fields) {
            if (field.type() != AtomicType.STRING) {
                context.problem("format", ErrorCode.TYPE_MISMATCH,
                        "The Text datasource doesn't support the column `%s` of the type \"%s\"", field.name(),
                        field.type().sql());
                return false;
            }
        }
        if (fields.size() != 1) {
            context.problem("format", ErrorCode.TYPE_MISMATCH,
                    "Text data source supports only a single column, and you have %d columns; select one STRING "
                            + "column, such as concat_ws(',', a, b) AS value", fields.size());
            return false;
        }
        return true;
    }

    // Checked here so that a bad pattern is a problem before the run, not a failure in the first batch.
    private static void checkPattern(NodeContext context, String option) {
        String pattern = context.string(option).orElse("");
        try {
            DateTimeFormatter.ofPattern(pattern, Locale.US);
        } catch (IllegalArgumentException e) {
            context.problem(option, ErrorCode.BAD_OPTION_VALUE, "'%s' is not a valid datetime pattern: '%s'", option,
                    pattern);
        }
    }

    /** A one-character option; an empty quote means no quoting, as in Spark. */
    private static Character character(NodeContext context, String option, boolean emptyAllowed) {
        String text = context.string(option).orElse("");
        if (text.isEmpty() && emptyAllowed) {
            return CsvRowFormat.NO_QUOTE;
        }
        if (text.length() != 1) {
            context.problem(option, ErrorCode.BAD_OPTION_VALUE, "'%s' must be a single character, not '%s'", option,
                    text);
            return null;
        }
        return text.charAt(0);
    }
}
