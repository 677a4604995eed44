package sluice.engine.plan;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import sluice.engine.csv.CsvQuoting;
import sluice.engine.csv.TemporalParser;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.SluiceException;
import sluice.engine.expr.analyze.DateTimeText;
import sluice.engine.pipeline.NodeKind;
import sluice.engine.pipeline.OptionKind;
import sluice.engine.operator.StaticTableOperator;
import sluice.engine.pipeline.OptionSpec;
import sluice.engine.source.file.FileFormat;
import sluice.engine.source.file.FileSource;
import sluice.engine.source.file.FileSourceOptions;
import sluice.engine.source.file.FileTable;
import sluice.engine.source.file.FileListing;
import sluice.engine.source.file.PlannedListing;
import sluice.engine.source.file.ListedFile;
import sluice.engine.source.file.ModifiedTimeFilter;
import sluice.engine.source.file.ParseMode;
import sluice.engine.source.file.SourceCleaner;
import sluice.engine.source.file.TextLayout;
import sluice.engine.source.file.csv.CsvFormat;
import sluice.engine.source.file.csv.CsvInference;
import sluice.engine.source.file.csv.CsvOptions;
import sluice.engine.source.file.json.JsonFormat;
import sluice.engine.source.file.json.JsonInference;
import sluice.engine.source.file.json.JsonOptions;
import sluice.engine.source.file.json.JsonSyntax;
import sluice.engine.source.file.parquet.ParquetFormat;
import sluice.engine.source.file.parquet.ParquetInference;
import sluice.engine.source.file.orc.OrcFormat;
import sluice.engine.source.file.orc.OrcSchemaReader;
import sluice.engine.source.file.text.TextFormat;
import sluice.engine.types.ArrayType;
import sluice.engine.types.AtomicType;
import sluice.engine.types.DataType;
import sluice.engine.types.Field;
import sluice.engine.types.MapType;
import sluice.engine.types.Schema;
import sluice.engine.types.StructType;

/**
 * {@code source.file}: Spark's streaming file source with the csv, json, text, parquet and orc formats. {@code format}
 * is required, as in Spark (whose default format is parquet). A schema is required unless
 * {@code schemaInference} is true (Spark's {@code spark.sql.streaming.schemaInference}), except for text, whose
 * schema is always {@code value STRING}. With {@code static} true the node is a table read once (Spark's
 * {@code spark.read}), planned as a {@link StaticTableOperator} instead of a source.
 */
final class FileSourceFactory {
    private static final List<String> MODES = List.of("PERMISSIVE", "DROPMALFORMED", "FAILFAST");
    /** The charsets Spark 4 reads and writes files in (its CharsetProvider's), in its order. */
    private static final List<String> SPARK_CHARSETS = List.of("iso-8859-1", "us-ascii", "utf-16", "utf-16be",
            "utf-16le", "utf-32", "utf-8");
    /** Spark's JSONOptionsInRead.denyList: charsets whose files start with a byte order mark. */
    private static final List<Charset> JSON_DENIED = List.of(Charset.forName("UTF-16"), Charset.forName("UTF-32"));

    static final NodeKind KIND = new NodeKind("source.file", NodeKind.Category.SOURCE, 0, 0, List.of(
            OptionSpec.required("path", OptionKind.PATH, "Folder to watch for new files, or a glob such as in/*.csv"),
            OptionSpec.choice("format", null, List.of("csv", "json", "text", "parquet", "orc"),
                    "File format: csv, json, text, parquet or orc"),
            OptionSpec.optional("schema", OptionKind.SCHEMA, null, "Schema of the rows as DDL; required unless "
                    + "schemaInference is true"),
            OptionSpec.optional("schemaInference", OptionKind.BOOLEAN, "false",
                    "Infer the schema from the files present at start (Spark's spark.sql.streaming.schemaInference)"),
            OptionSpec.optional("mergeSchema", OptionKind.BOOLEAN, "false", "parquet, orc: with no schema given, "
                    + "merge the columns of every file instead of taking the first file's").readBy("parquet", "orc"),
            OptionSpec.optional("static", OptionKind.BOOLEAN, "false", "Read the files once as a table (Spark's "
                    + "spark.read), to join a stream with; the path may name one file, and the schema is inferred "
                    + "when none is given"),
            OptionSpec.optional("maxFilesPerTrigger", OptionKind.INTEGER, null,
                    "Most new files one micro-batch takes; unset means all"),
            OptionSpec.optional("maxBytesPerTrigger", OptionKind.INTEGER, null, "Most bytes of new files one "
                    + "micro-batch takes (the first file always goes in); unset means all; not with "
                    + "maxFilesPerTrigger"),
            OptionSpec.optional("latestFirst", OptionKind.BOOLEAN, "false", "Take the newest files first"),
            OptionSpec.optional("fileNameOnly", OptionKind.BOOLEAN, "false",
                    "Tell files apart by name only, not by full path"),
            OptionSpec.optional("maxFileAge", OptionKind.DURATION, "7d",
                    "Files older than this before the newest file are ignored; not with latestFirst and "
                            + "maxFilesPerTrigger"),
            OptionSpec.optional("pathGlobFilter", OptionKind.STRING, null,
                    "Only read files whose name matches this glob"),
            OptionSpec.optional("modifiedBefore", OptionKind.STRING, null, "static: only read files modified before "
                    + "this timestamp, such as 2024-06-01T00:00:00 (session time zone unless it names one); Spark's "
                    + "stream sources refuse it"),
            OptionSpec.optional("modifiedAfter", OptionKind.STRING, null, "static: only read files modified after "
                    + "this timestamp, such as 2024-06-01T00:00:00 (session time zone unless it names one); Spark's "
                    + "stream sources refuse it"),
            OptionSpec.optional("cleanSource", OptionKind.STRING, "off", "What becomes of a file once its batch is "
                    + "committed: off leaves it, delete deletes it, archive moves it under sourceArchiveDir"),
            OptionSpec.optional("sourceArchiveDir", OptionKind.PATH, null, "cleanSource archive: the folder files "
                    + "move to, keeping their whole path; it must not be where the source path could match"),
            OptionSpec.optional("lineSep", OptionKind.STRING, null, "text, csv, json: the text that ends each line "
                    + "(csv: 1 or 2 characters); unset, lines end at a line feed, a carriage return or both")
                    .readBy("text", "csv", "json"),
            OptionSpec.optional("encoding", OptionKind.STRING, null, "csv, json: the files' character set, one of "
                    + "Spark's: UTF-8 (the default), ISO-8859-1, US-ASCII, UTF-16, UTF-16BE, UTF-16LE, UTF-32; json "
                    + "needs lineSep with any but UTF-8").readBy("csv", "json"),
            OptionSpec.optional("charset", OptionKind.STRING, null, "csv, json: another name for encoding")
                    .readBy("csv", "json"),
            OptionSpec.optional("basePath", OptionKind.PATH, null, "Folder whose key=value subfolders are "
                    + "partition columns, when path is one of those folders (static) or a glob; default: path"),
            OptionSpec.optional("recursiveFileLookup", OptionKind.BOOLEAN, "false", "Read files in subfolders "
                    + "without taking key=value folder names as partition columns"),
            OptionSpec.choice("mode", "PERMISSIVE", MODES,
                    "Malformed records: PERMISSIVE keeps them, DROPMALFORMED drops them, FAILFAST stops the query")
                    .readBy("csv", "json"),
            OptionSpec.optional("columnNameOfCorruptRecord", OptionKind.STRING, "_corrupt_record",
                    "STRING column of the schema that receives the raw text of malformed records")
                    .readBy("csv", "json"),
            OptionSpec.optional("dateFormat", OptionKind.STRING, null,
                    "Pattern of DATE values (csv, json); unset accepts yyyy-MM-dd and Spark's other date texts")
                    .readBy("csv", "json"),
            OptionSpec.optional("timestampFormat", OptionKind.STRING, null, "Pattern of TIMESTAMP values (csv, "
                    + "json); unset accepts yyyy-MM-dd'T'HH:mm:ss[.SSS][XXX] and Spark's other timestamp texts")
                    .readBy("csv", "json"),
            OptionSpec.optional("timestampNTZFormat", OptionKind.STRING, null, "Pattern of TIMESTAMP_NTZ values "
                    + "(csv, json); unset accepts yyyy-MM-dd'T'HH:mm:ss[.SSS] and Spark's other texts without a zone")
                    .readBy("csv", "json"),
            OptionSpec.optional("header", OptionKind.BOOLEAN, "false", "csv: the first line of each file is a header")
                    .readBy("csv"),
            OptionSpec.optional("inferSchema", OptionKind.BOOLEAN, "false",
                    "csv: with schemaInference, infer column types instead of reading every column as STRING")
                    .readBy("csv"),
            OptionSpec.optional("sep", OptionKind.STRING, ",", "csv: field separator").readBy("csv"),
            OptionSpec.optional("delimiter", OptionKind.STRING, null, "csv: another name for sep").readBy("csv"),
            OptionSpec.optional("quote", OptionKind.STRING, "\"", "csv: quote character").readBy("csv"),
            OptionSpec.optional("escape", OptionKind.STRING, "\\", "csv: escapes a quote inside a quoted value")
                    .readBy("csv"),
            OptionSpec.optional("charToEscapeQuoteEscaping", OptionKind.STRING, null,
                    "csv: escapes the escape character inside a quoted value").readBy("csv"),
            OptionSpec.choice("unescapedQuoteHandling", "STOP_AT_DELIMITER", CsvQuoting.UNESCAPED_QUOTE_HANDLINGS,
                    "csv: what a quote that is not escaped inside a value does (univocity's choices, as in Spark)")
                    .readBy("csv"),
            OptionSpec.optional("multiLine", OptionKind.BOOLEAN, "false",
                    "csv: a quoted value may span lines; off, every line is one record").readBy("csv"),
            OptionSpec.optional("comment", OptionKind.STRING, null,
                    "csv: lines starting with this character are skipped").readBy("csv"),
            OptionSpec.optional("nullValue", OptionKind.STRING, "", "csv: text that stands for null").readBy("csv"),
            OptionSpec.optional("emptyValue", OptionKind.STRING, "", "csv: value of a quoted empty field")
                    .readBy("csv"),
            OptionSpec.optional("nanValue", OptionKind.STRING, "NaN", "csv: text of a not-a-number DOUBLE")
                    .readBy("csv"),
            OptionSpec.optional("positiveInf", OptionKind.STRING, "Inf", "csv: text of positive infinity")
                    .readBy("csv"),
            OptionSpec.optional("negativeInf", OptionKind.STRING, "-Inf", "csv: text of negative infinity")
                    .readBy("csv"),
            OptionSpec.optional("ignoreLeadingWhiteSpace", OptionKind.BOOLEAN, "false",
                    "csv: drop white space before unquoted values").readBy("csv"),
            OptionSpec.optional("ignoreTrailingWhiteSpace", OptionKind.BOOLEAN, "false",
                    "csv: drop white space after unquoted values").readBy("csv"),
            OptionSpec.optional("maxColumns", OptionKind.INTEGER, String.valueOf(CsvOptions.DEFAULT_MAX_COLUMNS),
                    "csv: most values a record may have; more stops the query").readBy("csv"),
            OptionSpec.optional("maxCharsPerColumn", OptionKind.INTEGER,
                    String.valueOf(CsvOptions.DEFAULT_MAX_CHARS_PER_COLUMN),
                    "csv: most characters a value may have, -1 for no limit; more stops the query").readBy("csv"),
            OptionSpec.optional("allowComments", OptionKind.BOOLEAN, "false",
                    "json: skip Java and C++ style comments (/* */ and //)").readBy("json"),
            OptionSpec.optional("allowUnquotedFieldNames", OptionKind.BOOLEAN, "false",
                    "json: field names may be unquoted").readBy("json"),
            OptionSpec.optional("allowSingleQuotes", OptionKind.BOOLEAN, "true",
                    "json: strings and field names may be in single quotes").readBy("json"),
            OptionSpec.optional("allowNumericLeadingZeros", OptionKind.BOOLEAN, "false",
                    "json: numbers may start with zeros, such as 007").readBy("json"),
            OptionSpec.optional("allowNonNumericNumbers", OptionKind.BOOLEAN, "true",
                    "json: NaN, Infinity, +Infinity, -Infinity, +INF and -INF are numbers (FLOAT and DOUBLE columns)")
                    .readBy("json"),
            OptionSpec.optional("allowBackslashEscapingAnyCharacter", OptionKind.BOOLEAN, "false",
                    "json: a backslash may escape any character").readBy("json"),
            OptionSpec.optional("allowUnquotedControlChars", OptionKind.BOOLEAN, "false",
                    "json: strings may hold control characters such as tab and line feed unescaped").readBy("json")),
            "Reads new files from a folder each micro-batch, as Spark's file source");

    private FileSourceFactory() {
    }

    static Optional<PlannedNode> plan(NodeContext context) {
        Optional<Path> path = context.path("path");
        String format = context.string("format").map(String::trim).orElse("");
        Optional<FileSourceOptions> options = path.flatMap(p -> sourceOptions(context, p));
        boolean declared = context.string("schema").isPresent();
        if (!List.of("csv", "json").contains(format.toLowerCase(java.util.Locale.ROOT))
                && (context.string("encoding").isPresent() || context.string("charset").isPresent())) {
            // Spark's text reader takes UTF-8 whatever it says; Parquet and ORC have their own encodings.
            String option = encodingOption(context);
            context.problem(option, ErrorCode.BAD_OPTION_VALUE, "'%s' is a csv and json option; %s", option,
                    format.equalsIgnoreCase("text") ? "Spark reads text files as UTF-8 whatever it says"
                            : format + " files have their own encoding");
        }
        PlannedListing listed = new PlannedListing();
        Optional<FileFormat> fileFormat = switch (format.toLowerCase(java.util.Locale.ROOT)) {
            case "csv" -> textLayout(context, true).flatMap(layout -> csvOptions(context)
                    .flatMap(csv -> csvSchema(context, path, csv, layout)
                    .flatMap(schema -> checkCsvSchema(context, schema, csv))
                    .flatMap(schema -> FileSourcePartitions.format(context, path, schema, declared, listed,
                            data -> new CsvFormat(data, csv, layout)))));
            case "json" -> textLayout(context, false).flatMap(layout -> jsonOptions(context)
                    .flatMap(json -> jsonSchema(context, path, json, layout)
                    .flatMap(schema -> checkJsonMaps(context, schema))
                    .flatMap(schema -> checkCorruptColumn(context, schema, json.columnNameOfCorruptRecord()))
                    .flatMap(schema -> FileSourcePartitions.format(context, path, schema, declared, listed,
                            data -> new JsonFormat(data, json, layout)))));
            case "text" -> textLineSep(context).flatMap(lineSep -> FileSourcePartitions.format(context, path,
                    TextFormat.SCHEMA, false, listed, data -> new TextFormat(lineSep.orElse(null))));
            case "parquet" -> parquetSchema(context, path).flatMap(schema -> FileSourcePartitions.format(context,
                    path, schema, declared, listed, ParquetFormat::new));
            case "orc" -> orcSchema(context, path).flatMap(schema -> FileSourcePartitions.format(context, path,
                    schema, declared, listed, OrcFormat::new));
            default -> Optional.empty();
        };
        if (options.isEmpty() || fileFormat.isEmpty() || context.hasProblems()) {
            return Optional.empty();
        }
        if (context.bool("static")) {
            FileTable table = new FileTable(context.nodeId(), path.get(), options.get().pathGlobFilter(),
                    options.get().modified(), fileFormat.get(), context.environment().zone());
            return Optional.of(new PlannedNode.TransformNode(
                    new StaticTableOperator(fileFormat.get().schema(), table::read)));
        }
        return Optional.of(new PlannedNode.SourceNode(new FileSource(options.get(), fileFormat.get(), null, listed)));
    }

    private static Optional<FileSourceOptions> sourceOptions(NodeContext context, Path path) {
        if (FileListing.namesOneFile(path) && !context.bool("static")) {
            // Spark's stream source takes a path that is not a glob for the base folder of what it reads, and its
            // first batch fails on a file ("Option 'basePath' must be a directory"): refused here, before the run.
            context.problem("path", ErrorCode.BAD_OPTION_VALUE, "'%s' is a file, and Spark's file stream source "
                    + "reads folders and globs only; give its folder, with pathGlobFilter '%s' to read only it",
                    context.string("path").orElseThrow(), path.getFileName());
            return Optional.empty();
        }
        if (!FileListing.isGlob(path) && !Files.exists(path)) {
            // Spark checks this when the stream is defined, before it starts, and leaves a glob alone: what it
            // matches may appear later.
            String written = context.string("path").orElseThrow();
            context.problem("path", ErrorCode.BAD_OPTION_VALUE, "[PATH_NOT_FOUND] Path does not exist: '%s'; create "
                    + "the folder, or give a glob such as '%s' to read files that appear later", path,
                    written.endsWith("/") ? written + "*" : written + "/*");
            return Optional.empty();
        }
        int maxFiles = context.integer("maxFilesPerTrigger", 1).map(Long::intValue).orElse(0);
        long maxBytes = context.integer("maxBytesPerTrigger", 1).orElse(0L);
        if (maxFiles > 0 && maxBytes > 0) {
            // Spark: "Options 'maxFilesPerTrigger' and 'maxBytesPerTrigger' can't be both set at the same time".
            context.problem("maxBytesPerTrigger", ErrorCode.BAD_OPTION_VALUE, "'maxFilesPerTrigger' and "
                    + "'maxBytesPerTrigger' can't be both set at the same time; keep one of them");
            return Optional.empty();
        }
        context.bool("recursiveFileLookup");
        Long after = modifiedThreshold(context, "modifiedAfter");
        Long before = modifiedThreshold(context, "modifiedBefore");
        if (!context.bool("static")) {
            for (String option : List.of("modifiedBefore", "modifiedAfter")) {
                if (context.string(option).isPresent()) {
                    // Spark's file stream source refuses it when the query starts (spark.read takes it).
                    context.problem(option, ErrorCode.BAD_OPTION_VALUE, "option '%s' is not allowed in file stream "
                            + "sources; it filters static tables (static: true) only", option);
                }
            }
        }
        SourceCleaner cleaner = cleaner(context, path);
        if (context.hasProblems()) {
            return Optional.empty();
        }
        Duration maxAge = context.duration("maxFileAge").orElse(FileSourceOptions.DEFAULT_MAX_FILE_AGE);
        String glob = context.string("pathGlobFilter").orElse(null);
        if (glob != null) {
            try {
                FileListing.checkGlob(glob);
            } catch (IllegalArgumentException e) {
                context.problem("pathGlobFilter", ErrorCode.BAD_OPTION_VALUE, "'%s' is not a valid glob: %s", glob,
                        e.getMessage());
                return Optional.empty();
            }
        }
        return Optional.of(new FileSourceOptions(path, maxFiles, maxBytes, context.bool("latestFirst"),
                context.bool("fileNameOnly"), maxAge, glob,
                new ModifiedTimeFilter(after, before, context.environment().zone()), cleaner));
    }

    /**
     * Spark's csv and json options encoding (or charset) and lineSep, checked as Spark's CSVOptions and JSONOptions
     * check them: lineSep is not empty, and for csv at most 2 characters (Spark allows 2 for {@code \r\n}).
     */
    private static Optional<TextLayout> textLayout(NodeContext context, boolean csv) {
        Optional<Optional<String>> lineSep = textLineSep(context);
        Optional<Charset> charset = charset(context, csv ? "CSVOptions" : "JSONOptions");
        if (lineSep.isEmpty() || charset.isEmpty()) {
            return Optional.empty();
        }
        if (csv && lineSep.get().isPresent() && lineSep.get().get().length() > 2) {
            context.problem("lineSep", ErrorCode.BAD_OPTION_VALUE, "'lineSep' can contain only 1 character");
            return Optional.empty();
        }
        String option = encodingOption(context);
        if (!csv && JSON_DENIED.contains(charset.get())) {
            // Spark's JSONOptionsInRead: a byte order mark would start the first line only. Sluice's json reader
            // has no multiLine, with which Spark takes them.
            context.problem(option, ErrorCode.BAD_OPTION_VALUE, "The %s encoding must not be included in the "
                    + "denyList when multiLine is disabled: denylist: UTF-16, UTF-32", context.string(option).get());
            return Optional.empty();
        }
        if (!csv && !charset.get().equals(StandardCharsets.UTF_8) && lineSep.get().isEmpty()) {
            context.problem(option, ErrorCode.BAD_OPTION_VALUE, "The lineSep option must be specified for the %s "
                    + "encoding", context.string(option).get());
            return Optional.empty();
        }
        return Optional.of(new TextLayout(charset.get(), lineSep.get().orElse(null)));
    }

    /** Spark reads {@code encoding}, else {@code charset}. */
    static String encodingOption(NodeContext context) {
        return context.string("encoding").isPresent() ? "encoding" : "charset";
    }

    /**
     * The charset of {@code encoding} (or {@code charset}), UTF-8 when neither is set; empty after a problem. Spark 4
     * takes only the charsets of its CharsetProvider (unless spark.sql.legacy.javaCharsets, which Sluice does not
     * switch); {@code options} names Spark's options class in the message, CSVOptions or JSONOptions.
     */
    static Optional<Charset> charset(NodeContext context, String options) {
        String option = encodingOption(context);
        Optional<String> name = context.string(option);
        if (name.isEmpty()) {
            return Optional.of(StandardCharsets.UTF_8);
        }
        String lower = name.get().toLowerCase(java.util.Locale.ROOT);
        if (!SPARK_CHARSETS.contains(lower)) {
            context.problem(option, ErrorCode.BAD_OPTION_VALUE, "[INVALID_PARAMETER_VALUE.CHARSET] The value of "
                    + "parameter(s) `charset` in `%s` is invalid: expects one of the %s, but got %s", options,
                    String.join(", ", SPARK_CHARSETS), name.get());
            return Optional.empty();
        }
        return Optional.of(Charset.forName(lower));
    }

    /** Spark's lineSep: any text but the empty string. */
    private static Optional<Optional<String>> textLineSep(NodeContext context) {
        Optional<String> lineSep = context.string("lineSep");
        if (lineSep.isPresent() && lineSep.get().isEmpty()) {
            context.problem("lineSep", ErrorCode.BAD_OPTION_VALUE, "'lineSep' cannot be an empty string");
            return Optional.empty();
        }
        return Optional.of(lineSep);
    }

    /** cleanSource and sourceArchiveDir, checked as Spark checks them when the stream starts. */
    private static SourceCleaner cleaner(NodeContext context, Path path) {
        String text = context.string("cleanSource").orElse("off");
        Optional<SourceCleaner.Mode> mode = SourceCleaner.Mode.parse(text);
        if (mode.isEmpty()) {
            context.problem("cleanSource", ErrorCode.BAD_OPTION_VALUE, "invalid mode '%s' for 'cleanSource'; "
                    + "must be one of ARCHIVE, DELETE, OFF", text);
            return SourceCleaner.OFF;
        }
        if (mode.get() != SourceCleaner.Mode.ARCHIVE) {
            return new SourceCleaner(mode.get(), null);
        }
        if (context.string("sourceArchiveDir").isEmpty()) {
            context.problem("cleanSource", ErrorCode.MISSING_OPTION, "archive mode must be used with the "
                    + "'sourceArchiveDir' option");
            return SourceCleaner.OFF;
        }
        Optional<Path> archive = context.path("sourceArchiveDir");
        if (archive.isEmpty()) {
            return SourceCleaner.OFF;
        }
        if (SourceCleaner.archiveMatchesSource(path, archive.get())) {
            context.problem("sourceArchiveDir", ErrorCode.BAD_OPTION_VALUE, "'%s' could hold files the source "
                    + "path '%s' matches, so archived files would be read again (Spark refuses it too); give a "
                    + "folder that differs from the path at the depth of the shorter of the two",
                    context.string("sourceArchiveDir").orElseThrow(), context.string("path").orElseThrow());
            return SourceCleaner.OFF;
        }
        return new SourceCleaner(SourceCleaner.Mode.ARCHIVE, archive.get());
    }

    /** Microseconds of a modifiedBefore/modifiedAfter timestamp, read as Spark casts text to TIMESTAMP. */
    private static Long modifiedThreshold(NodeContext context, String option) {
        Optional<String> text = context.string(option);
        if (text.isEmpty()) {
            return null;
        }
        Long micros = DateTimeText.parseTimestamp(text.get(), context.environment().zone());
        if (micros == null) {
            context.problem(option, ErrorCode.BAD_OPTION_VALUE, "the timestamp provided for the '%s' option is "
                    + "invalid; the expected format is 'YYYY-MM-DDTHH:mm:ss', but the provided timestamp was '%s'",
                    option, text.get());
        }
        return micros;
    }

    private static ParseMode mode(NodeContext context) {
        return context.string("mode").flatMap(ParseMode::parse).orElse(ParseMode.PERMISSIVE);
    }

    private static Optional<String> pattern(NodeContext context, String option) {
        Optional<String> pattern = context.string(option);
        try {
            pattern.ifPresent(TemporalParser::checkPattern);
            return pattern;
        } catch (IllegalArgumentException e) {
            context.problem(option, ErrorCode.BAD_OPTION_VALUE, "'%s' is not a valid pattern: %s", pattern.get(),
                    e.getMessage());
            return Optional.empty();
        }
    }

    private static Optional<CsvOptions> csvOptions(NodeContext context) {
        // Spark's CSVOptions takes 'sep' first, then its other name 'delimiter'.
        String separatorOption = context.isGiven("sep") || !context.isGiven("delimiter") ? "sep" : "delimiter";
        String sep = context.string(separatorOption).orElse(",");
        // Spark reads a written-out "\t" as a tab.
        String separator = sep.equals("\\t") ? "\t" : sep;
        if (separator.isEmpty()) {
            context.problem(separatorOption, ErrorCode.BAD_OPTION_VALUE, "'%s' cannot be empty", separatorOption);
        }
        char quote = singleChar(context, "quote", '"');
        char escape = singleChar(context, "escape", '\\');
        char escapeEscape = context.string("charToEscapeQuoteEscaping").filter(text -> !text.isEmpty()).isPresent()
                ? singleChar(context, "charToEscapeQuoteEscaping", '\0') : '\0';
        String handling = context.string("unescapedQuoteHandling").flatMap(CsvQuoting::handling)
                .orElse("STOP_AT_DELIMITER");
        CsvQuoting quoting = new CsvQuoting(quote, escape, escapeEscape, handling, context.bool("multiLine"));
        char comment = context.string("comment").isPresent() ? singleChar(context, "comment", '\0') : '\0';
        Optional<String> dateFormat = pattern(context, "dateFormat");
        Optional<String> timestampFormat = pattern(context, "timestampFormat");
        Optional<String> timestampNTZFormat = pattern(context, "timestampNTZFormat");
        if (separator.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new CsvOptions(context.bool("header"), separator, quoting, comment,
                context.string("nullValue").orElse(""), context.string("emptyValue").orElse(""),
                context.string("nanValue").orElse("NaN"), context.string("positiveInf").orElse("Inf"),
                context.string("negativeInf").orElse("-Inf"), dateFormat.orElse(null), timestampFormat.orElse(null),
                mode(context), context.string("columnNameOfCorruptRecord").orElse("_corrupt_record"),
                context.bool("ignoreLeadingWhiteSpace"), context.bool("ignoreTrailingWhiteSpace"),
                intOption(context, "maxColumns", 1, CsvOptions.DEFAULT_MAX_COLUMNS),
                intOption(context, "maxCharsPerColumn", -1, CsvOptions.DEFAULT_MAX_CHARS_PER_COLUMN),
                timestampNTZFormat.orElse(null)));
    }

    /** A whole number of at least {@code min} that fits an int, as Spark reads these options. */
    private static int intOption(NodeContext context, String option, long min, int fallback) {
        Optional<Long> value = context.integer(option, min);
        if (value.isPresent() && value.get() > Integer.MAX_VALUE) {
            context.problem(option, ErrorCode.BAD_OPTION_VALUE, "'%s' must be at most %d, not %d", option,
                    Integer.MAX_VALUE, value.get());
            return fallback;
        }
        return value.map(Long::intValue).orElse(fallback);
    }

    private static char singleChar(NodeContext context, String option, char fallback) {
        String text = context.string(option).orElse(String.valueOf(fallback));
        if (text.length() != 1) {
            context.problem(option, ErrorCode.BAD_OPTION_VALUE, "'%s' must be a single character, not '%s'", option,
                    text);
            return fallback;
        }
        return text.charAt(0);
    }

    private static Optional<JsonOptions> jsonOptions(NodeContext context) {
        Optional<String> dateFormat = pattern(context, "dateFormat");
        Optional<String> timestampFormat = pattern(context, "timestampFormat");
        Optional<String> timestampNTZFormat = pattern(context, "timestampNTZFormat");
        JsonSyntax syntax = new JsonSyntax(context.bool("allowComments"), context.bool("allowUnquotedFieldNames"),
                context.bool("allowSingleQuotes"), context.bool("allowNumericLeadingZeros"),
                context.bool("allowNonNumericNumbers"), context.bool("allowBackslashEscapingAnyCharacter"),
                context.bool("allowUnquotedControlChars"));
        return Optional.of(new JsonOptions(mode(context),
                context.string("columnNameOfCorruptRecord").orElse("_corrupt_record"), dateFormat.orElse(null),
                timestampFormat.orElse(null), syntax, timestampNTZFormat.orElse(null)));
    }

    private static Optional<Schema> declaredSchema(NodeContext context, Optional<Path> path,
                                                   java.util.function.Function<List<Path>, Schema> infer) {
        if (context.string("schema").isPresent()) {
            return context.schema("schema");
        }
        // Spark's spark.read infers a schema when none is given; its readStream only when asked to.
        if (!context.bool("schemaInference") && !context.bool("static")) {
            context.problem("schema", ErrorCode.MISSING_OPTION, "source.file requires a 'schema' option; Spark "
                    + "streaming reads need one, or set schemaInference to 'true'");
            return Optional.empty();
        }
        if (path.isEmpty()) {
            return Optional.empty();
        }
        try {
            FileListing listing = new FileListing(context.nodeId(), path.get(),
                    context.string("pathGlobFilter").orElse(null));
            List<Path> files = new ArrayList<>();
            for (ListedFile file : listing.list()) {
                files.add(Path.of(java.net.URI.create(file.path())));
            }
            files.sort(null);
            return Optional.of(infer.apply(files));
        } catch (SluiceException e) {
            context.problem(e);
            return Optional.empty();
        }
    }

    private static Optional<Schema> csvSchema(NodeContext context, Optional<Path> path, CsvOptions csv,
                                              TextLayout layout) {
        boolean inferTypes = context.bool("inferSchema");
        return declaredSchema(context, path, files -> CsvInference.infer(context.nodeId(), files, csv, layout,
                inferTypes, context.environment().zone()));
    }

    private static Optional<Schema> jsonSchema(NodeContext context, Optional<Path> path, JsonOptions json,
                                               TextLayout layout) {
        return declaredSchema(context, path,
                files -> JsonInference.infer(context.nodeId(), files, json, layout));
    }

    /** The declared schema, or the files' own (Spark's Parquet schema inference); intervals are not Parquet types. */
    private static Optional<Schema> parquetSchema(NodeContext context, Optional<Path> path) {
        boolean merge = context.bool("mergeSchema");
        Optional<Schema> schema = declaredSchema(context, path,
                files -> ParquetInference.infer(context.nodeId(), files, merge));
        for (Field field : schema.map(Schema::fields).orElse(List.of())) {
            if (!sluice.engine.parquet.ParquetSchemas.isWritable(field.type())) {
                context.problem("schema", ErrorCode.TYPE_MISMATCH, "[UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE] The "
                        + "Parquet datasource doesn't support the column `%s` of the type \"%s\"", field.name(),
                        field.type().sql());
                return Optional.empty();
            }
        }
        return schema;
    }

    private static Optional<Schema> orcSchema(NodeContext context, Optional<Path> path) {
        boolean merge = context.bool("mergeSchema");
        return declaredSchema(context, path, files -> OrcSchemaReader.read(context.nodeId(), files, merge))
                .flatMap(schema -> checkOrcSchema(context, schema));
    }

    /** ORC has no type for VOID columns; Spark refuses them too. */
    private static Optional<Schema> checkOrcSchema(NodeContext context, Schema schema) {
        for (Field field : schema.fields()) {
            if (containsVoid(field.type())) {
                context.problem("schema", ErrorCode.TYPE_MISMATCH, "[UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE] The ORC "
                        + "datasource doesn't support the column `%s` of the type \"%s\"", field.name(),
                        field.type().sql());
                return Optional.empty();
            }
        }
        return Optional.of(schema);
    }

    static boolean containsVoid(DataType type) {
        if (type == AtomicType.NULL) {
            return true;
        } else if (type instanceof ArrayType array) {
            return containsVoid(array.elementType());
        } else if (type instanceof MapType map) {
            return containsVoid(map.keyType()) || containsVoid(map.valueType());
        } else if (type instanceof StructType struct) {
            return struct.fields().stream().anyMatch(f -> containsVoid(f.type()));
        }
        return false;
    }

    /** CSV holds flat values only; Spark refuses the same types. */
    private static Optional<Schema> checkCsvSchema(NodeContext context, Schema schema, CsvOptions csv) {
        for (Field field : schema.fields()) {
            if (field.type().isComplex() || field.type() == AtomicType.NULL) {
                context.problem("schema", ErrorCode.TYPE_MISMATCH, "[UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE] The CSV "
                        + "datasource doesn't support the column `%s` of the type \"%s\"", field.name(),
                        field.type().sql());
                return Optional.empty();
            }
        }
        return checkCorruptColumn(context, schema, csv.columnNameOfCorruptRecord());
    }

    /**
     * A JSON object's keys are text, and Spark's reader puts them in a map as strings whatever the key type; a map
     * with other keys would hold values of the wrong type there, so Sluice refuses it.
     */
    private static Optional<Schema> checkJsonMaps(NodeContext context, Schema schema) {
        for (Field field : schema.fields()) {
            if (hasNonStringMapKey(field.type())) {
                context.problem("schema", ErrorCode.TYPE_MISMATCH, "JSON files hold maps with STRING keys only, but "
                        + "column '%s' has type %s", field.name(), field.type().sql());
                return Optional.empty();
            }
        }
        return Optional.of(schema);
    }

    private static boolean hasNonStringMapKey(DataType type) {
        if (type instanceof MapType map) {
            return map.keyType() != AtomicType.STRING || hasNonStringMapKey(map.valueType());
        } else if (type instanceof ArrayType array) {
            return hasNonStringMapKey(array.elementType());
        } else if (type instanceof StructType struct) {
            return struct.fields().stream().anyMatch(f -> hasNonStringMapKey(f.type()));
        }
        return false;
    }

    /** Spark: "The field for corrupt records must be string type and nullable". */
    private static Optional<Schema> checkCorruptColumn(NodeContext context, Schema schema, String name) {
        int index = schema.indexOf(name);
        if (index >= 0 && schema.field(index).type() != AtomicType.STRING) {
            context.problem("columnNameOfCorruptRecord", ErrorCode.TYPE_MISMATCH,
                    "the corrupt-record column '%s' must be STRING, not %s", name, schema.field(index).type().sql());
            return Optional.empty();
        }
        return Optional.of(schema);
    }
}
