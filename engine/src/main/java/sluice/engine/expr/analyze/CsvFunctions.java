package sluice.engine.expr.analyze;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.SluiceException;
import sluice.engine.expr.parse.Ast;
import sluice.engine.types.AtomicType;
import sluice.engine.types.DataType;
import sluice.engine.types.DecimalType;
import sluice.engine.types.Field;
import sluice.engine.types.StructType;

/**
 * from_csv, to_csv and schema_of_csv, typed as Spark types them: from_csv's schema a constant DDL string of types CSV
 * can hold, its result that struct with every field nullable; to_csv's value must be a STRUCT (Spark casts nothing
 * here), schema_of_csv's text a constant STRING that is not NULL (Spark infers the schema once); their options a
 * map(...) of constant strings among Spark's CSV options Sluice knows; Spark names the calls without their options.
 * Stateless.
 */
final class CsvFunctions extends AnalyzedFamily {
    static final Set<String> NAMES = Set.of("from_csv", "to_csv", "schema_of_csv");

    /** Spark's CSV write options Sluice takes; Spark's others change how CSV is written, and Sluice has them not. */
    private static final List<String> WRITE_OPTIONS = List.of("dateFormat", "delimiter", "emptyValue", "escape",
            "escapeQuotes", "nullValue", "quote", "quoteAll", "sep", "timestampFormat", "timestampNTZFormat");
    /**
     * Spark's CSV read options that change schema_of_csv's inference, which Sluice takes. timestampNTZFormat changes
     * nothing under Spark's default spark.sql.timestampType (TIMESTAMP_LTZ: no value is inferred as TIMESTAMP_NTZ),
     * but Spark takes it, so Sluice does too.
     */
    private static final List<String> INFERENCE_OPTIONS = List.of("dateFormat", "delimiter", "escape", "nanValue",
            "negativeInf", "nullValue", "positiveInf", "quote", "sep", "timestampFormat", "timestampNTZFormat");
    /** Spark's CSV read options that change what from_csv reads, which Sluice takes. */
    private static final List<String> READ_OPTIONS = List.of("columnNameOfCorruptRecord", "comment", "dateFormat",
            "delimiter", "emptyValue", "escape", "ignoreLeadingWhiteSpace", "ignoreTrailingWhiteSpace", "mode",
            "nanValue", "negativeInf", "nullValue", "positiveInf", "quote", "sep", "timestampFormat",
            "timestampNTZFormat");
    private static final Set<String> CHARACTERS = Set.of("escape", "comment");
    /** Spark takes a separator of several characters (univocity's multi-character delimiter), but not none. */
    private static final Set<String> SEPARATORS = Set.of("sep", "delimiter");
    private static final Set<String> BOOLEANS = Set.of("escapeQuotes", "quoteAll", "ignoreLeadingWhiteSpace",
            "ignoreTrailingWhiteSpace");
    /** The types Spark's CSV reader converts a field to. */
    private static final Set<DataType> READABLE = Set.of(AtomicType.STRING, AtomicType.BOOLEAN, AtomicType.TINYINT,
            AtomicType.SMALLINT, AtomicType.INT, AtomicType.BIGINT, AtomicType.FLOAT, AtomicType.DOUBLE,
            AtomicType.DATE, AtomicType.TIMESTAMP, AtomicType.TIMESTAMP_NTZ, AtomicType.BINARY);

    CsvFunctions(Analyzer analyzer, FunctionCatalog catalog) {
        super(NAMES, analyzer, catalog);
    }

    @Override
    public Typed resolve(String name, Ast.Call call, List<Typed> args) {
        if (name.equals("schema_of_csv")) {
            return schemaOfCsv(call, args);
        } else if (name.equals("from_csv")) {
            return fromCsv(call, args);
        }
        catalog.checkArity(call, args.size(), 1, 2);
        Typed value = args.get(0);
        if (!(value.type() instanceof StructType)) {
            throw analyzer.error(ErrorCode.TYPE_MISMATCH, value.span(), "[DATATYPE_MISMATCH.UNSUPPORTED_INPUT_TYPE] "
                    + "the input of to_csv can't be %s type data; it takes a STRUCT", value.type().sql());
        }
        List<Typed> typed = args.size() == 2 ? List.of(value, options(name, WRITE_OPTIONS, args.get(1)))
                : List.of(value);
        return FunctionCatalog.call(name, typed, AtomicType.STRING, value.nullable(), call.span(),
                FunctionCatalog.sqlName(call, List.of(value)));
    }

    /**
     * from_csv(csvStr, schema[, options]): as Spark's CsvToStructs, the result is the schema made nullable (a record
     * may lack any field); of the parse modes only PERMISSIVE and FAILFAST (PARSE_MODE_UNSUPPORTED), and a
     * corrupt-record column in the schema must be a STRING (INVALID_CORRUPT_RECORD_TYPE).
     */
    private Typed fromCsv(Ast.Call call, List<Typed> args) {
        catalog.checkArity(call, args.size(), 2, 3);
        Typed csv = analyzer.expect(args.get(0), AtomicType.STRING, "from_csv");
        if (!(args.get(1) instanceof Typed.Constant constant) || !(constant.value() instanceof String ddl)) {
            throw analyzer.error(ErrorCode.TYPE_MISMATCH, args.get(1).span(), "[INVALID_SCHEMA.NON_STRING_LITERAL] "
                    + "the schema of from_csv must be a constant STRING, not '%s'", args.get(1).sql());
        }
        StructType schema;
        try {
            schema = SpecialFunctions.parseStruct(ddl);
        } catch (SluiceException e) {
            throw analyzer.error(ErrorCode.TYPE_MISMATCH, constant.span(), "[INVALID_SCHEMA.PARSE_ERROR] invalid "
                    + "from_csv schema: %s", e.problem().message());
        }
        Typed options = args.size() == 3 ? options("from_csv", READ_OPTIONS, args.get(2)) : null;
        String corrupt = options == null ? null : optionValue(options, "columnNameOfCorruptRecord");
        String corruptName = corrupt == null ? "_corrupt_record" : corrupt;
        String mode = options == null ? null : optionValue(options, "mode");
        // Spark reads any other word as PERMISSIVE; DROPMALFORMED would drop the one row there is.
        if (mode != null && mode.equalsIgnoreCase("DROPMALFORMED")) {
            throw analyzer.error(ErrorCode.WRONG_ARGUMENTS, args.get(2).span(), "[PARSE_MODE_UNSUPPORTED] the "
                    + "function from_csv doesn't support the DROPMALFORMED mode; acceptable modes are PERMISSIVE "
                    + "and FAILFAST");
        }
        List<Field> fields = new ArrayList<>();
        for (Field field : schema.fields()) {
            boolean readable = READABLE.contains(field.type()) || field.type() instanceof DecimalType;
            if (field.name().equals(corruptName) && field.type() != AtomicType.STRING) {
                throw analyzer.error(ErrorCode.TYPE_MISMATCH, constant.span(), "[INVALID_CORRUPT_RECORD_TYPE] the "
                        + "column '%s' for corrupt records must have the nullable STRING type, but got %s",
                        field.name(), field.type().sql());
            } else if (!readable) {
                throw analyzer.error(ErrorCode.TYPE_MISMATCH, constant.span(), "[UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE]"
                        + " the CSV datasource doesn't support the column '%s' of the type %s", field.name(),
                        field.type().sql());
            }
            fields.add(new Field(field.name(), field.type(), true));
        }
        List<Typed> typed = options == null ? List.of(csv) : List.of(csv, options);
        return FunctionCatalog.call("from_csv", typed, new StructType(fields), csv.nullable(), call.span(),
                "from_csv(" + args.get(0).sql() + ")");
    }

    /** The value of option {@code name} (in any case) in a checked map(...), the last one given; null when unset. */
    private static String optionValue(Typed options, String name) {
        List<Typed> parts = ((Typed.Call) options).args();
        String value = null;
        for (int i = 0; i + 1 < parts.size(); i += 2) {
            if (((String) ((Typed.Constant) parts.get(i)).value()).equalsIgnoreCase(name)) {
                value = (String) ((Typed.Constant) parts.get(i + 1)).value();
            }
        }
        return value;
    }

    /**
     * schema_of_csv(csv[, options]): the text must be a constant and not NULL (Spark's NON_FOLDABLE_INPUT,
     * UNEXPECTED_NULL).
     */
    private Typed schemaOfCsv(Ast.Call call, List<Typed> args) {
        catalog.checkArity(call, args.size(), 1, 2);
        Typed csv = args.get(0);
        if (!ReferencedColumns.of(csv).isEmpty()) {
            throw analyzer.error(ErrorCode.TYPE_MISMATCH, csv.span(),
                    "[DATATYPE_MISMATCH.NON_FOLDABLE_INPUT] the text of schema_of_csv must be a constant, not '%s'",
                    csv.sql());
        }
        if (csv.type() == AtomicType.NULL || csv instanceof Typed.Constant constant && constant.value() == null) {
            throw analyzer.error(ErrorCode.TYPE_MISMATCH, csv.span(),
                    "[DATATYPE_MISMATCH.UNEXPECTED_NULL] the text of schema_of_csv must not be NULL");
        }
        Typed text = analyzer.expect(csv, AtomicType.STRING, "schema_of_csv");
        List<Typed> typed = args.size() == 2
                ? List.of(text, options("schema_of_csv", INFERENCE_OPTIONS, args.get(1))) : List.of(text);
        return FunctionCatalog.call("schema_of_csv", typed, AtomicType.STRING, false, call.span(),
                FunctionCatalog.sqlName(call, List.of(text)));
    }

    /**
     * The options of {@code function}, checked: a map(...) of constant strings, as Spark takes them; the names (in
     * any case) among {@code known}, the others refused rather than ignored.
     */
    private Typed options(String function, List<String> known, Typed options) {
        if (!(options instanceof Typed.Call map) || !map.function().equals("map")) {
            throw analyzer.error(ErrorCode.TYPE_MISMATCH, options.span(), "[INVALID_OPTIONS.NON_MAP_FUNCTION] the "
                    + "options of %s must be written with map(...), not '%s'", function, options.sql());
        }
        for (int i = 0; i < map.args().size(); i++) {
            Typed part = map.args().get(i);
            if (!(part instanceof Typed.Constant constant) || !(constant.value() instanceof String text)) {
                throw analyzer.error(ErrorCode.TYPE_MISMATCH, part.span(), "[INVALID_OPTIONS.NON_STRING_TYPE] the "
                        + "options of %s must be constant strings, not '%s'", function, part.sql());
            }
            if (i % 2 == 0 && known.stream().noneMatch(text::equalsIgnoreCase)) {
                throw analyzer.error(ErrorCode.WRONG_ARGUMENTS, part.span(), "%s option '%s' is not in Sluice, "
                        + "which takes %s", function, text, String.join(", ", known));
            }
            if (i % 2 == 1) {
                String option = (String) ((Typed.Constant) map.args().get(i - 1)).value();
                checkValue(function, option, text, part);
            }
        }
        return options;
    }

    private void checkValue(String function, String option, String text, Typed part) {
        boolean character = CHARACTERS.stream().anyMatch(option::equalsIgnoreCase);
        if (character && text.length() != 1 || option.equalsIgnoreCase("quote") && text.length() > 1) {
            throw analyzer.error(ErrorCode.WRONG_ARGUMENTS, part.span(), "%s option '%s' must be %s, not '%s'",
                    function, option, character ? "one character" : "one character or empty for no quoting", text);
        }
        if (SEPARATORS.stream().anyMatch(option::equalsIgnoreCase) && text.isEmpty()) {
            throw analyzer.error(ErrorCode.WRONG_ARGUMENTS, part.span(), "%s option '%s' cannot be empty", function,
                    option);
        }
        if (BOOLEANS.stream().anyMatch(option::equalsIgnoreCase) && !text.equalsIgnoreCase("true")
                && !text.equalsIgnoreCase("false")) {
            throw analyzer.error(ErrorCode.WRONG_ARGUMENTS, part.span(),
                    "%s option '%s' must be true or false, not '%s'", function, option, text);
        }
    }
}
