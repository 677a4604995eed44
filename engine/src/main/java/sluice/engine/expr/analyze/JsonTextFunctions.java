package sluice.engine.expr.analyze;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import sluice.engine.diag.ErrorCode;
import sluice.engine.expr.parse.Ast;
import sluice.engine.types.ArrayType;
import sluice.engine.types.AtomicType;

/**
 * get_json_object, json_array_length, json_object_keys and schema_of_json, typed as Spark types them: their text
 * arguments must be STRING already (Spark casts nothing here), and schema_of_json's text must be a constant, as
 * Spark infers the schema once. Stateless.
 */
final class JsonTextFunctions extends AnalyzedFamily {
    static final Set<String> NAMES = Set.of("get_json_object", "json_array_length", "json_object_keys",
            "schema_of_json");

    /** Spark's JSON options that change schema_of_json's inference, which Sluice takes. */
    private static final List<String> INFERENCE_OPTIONS = List.of("allowBackslashEscapingAnyCharacter",
            "allowComments", "allowNonNumericNumbers", "allowNumericLeadingZeros", "allowSingleQuotes",
            "allowUnquotedControlChars", "allowUnquotedFieldNames", "dropFieldIfAllNull", "prefersDecimal",
            "primitivesAsString");

    JsonTextFunctions(Analyzer analyzer, FunctionCatalog catalog) {
        super(NAMES, analyzer, catalog);
    }

    @Override
    public Typed resolve(String name, Ast.Call call, List<Typed> args) {
        String sql = FunctionCatalog.sqlName(call, args);
        return switch (name) {
            case "get_json_object" -> {
                catalog.checkArity(call, args.size(), 2, 2);
                yield FunctionCatalog.call(name, strings(name, args), AtomicType.STRING, true, call.span(), sql);
            }
            case "json_array_length" -> {
                catalog.checkArity(call, args.size(), 1, 1);
                yield FunctionCatalog.call(name, strings(name, args), AtomicType.INT, true, call.span(), sql);
            }
            case "json_object_keys" -> {
                catalog.checkArity(call, args.size(), 1, 1);
                yield FunctionCatalog.call(name, strings(name, args), new ArrayType(AtomicType.STRING, true), true,
                        call.span(), sql);
            }
            case "schema_of_json" -> schemaOfJson(call, args);
            default -> throw new IllegalStateException("not a JSON text function: " + name);
        };
    }

    private List<Typed> strings(String name, List<Typed> args) {
        List<Typed> strings = new ArrayList<>();
        for (Typed arg : args) {
            if (arg.type() != AtomicType.STRING && arg.type() != AtomicType.NULL) {
                throw analyzer.error(ErrorCode.TYPE_MISMATCH, arg.span(),
                        "[DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] %s requires STRING but '%s' has type %s", name,
                        arg.sql(), arg.type().sql());
            }
            strings.add(analyzer.coerce(arg, AtomicType.STRING));
        }
        return strings;
    }

    /**
     * schema_of_json(json[, options]): the text must be a constant and not NULL (Spark's NON_FOLDABLE_INPUT,
     * UNEXPECTED_NULL); Spark names the call without its options.
     */
    private Typed schemaOfJson(Ast.Call call, List<Typed> args) {
        catalog.checkArity(call, args.size(), 1, 2);
        Typed json = args.get(0);
        if (!ReferencedColumns.of(json).isEmpty()) {
            throw analyzer.error(ErrorCode.TYPE_MISMATCH, json.span(),
                    "[DATATYPE_MISMATCH.NON_FOLDABLE_INPUT] the text of schema_of_json must be a constant, not '%s'",
                    json.sql());
        }
        if (json.type() == AtomicType.NULL || json instanceof Typed.Constant constant && constant.value() == null) {
            throw analyzer.error(ErrorCode.TYPE_MISMATCH, json.span(),
                    "[DATATYPE_MISMATCH.UNEXPECTED_NULL] the text of schema_of_json must not be NULL");
        }
        Typed text = analyzer.expect(json, AtomicType.STRING, "schema_of_json");
        List<Typed> typed = args.size() == 2 ? List.of(text, options(args.get(1))) : List.of(text);
        return FunctionCatalog.call("schema_of_json", typed, AtomicType.STRING, false, call.span(),
                FunctionCatalog.sqlName(call, List.of(text)));
    }

    /**
     * schema_of_json's options, checked: a map(...) of constant strings, as Spark takes them; the names (in any case)
     * those of Spark's JSON options that change inference, the values true or false. Others are refused rather than
     * ignored.
     */
    private Typed options(Typed options) {
        if (!(options instanceof Typed.Call map) || !map.function().equals("map")) {
            throw analyzer.error(ErrorCode.TYPE_MISMATCH, options.span(), "[INVALID_OPTIONS.NON_MAP_FUNCTION] the "
                    + "options of schema_of_json must be written with map(...), not '%s'", options.sql());
        }
        for (int i = 0; i < map.args().size(); i++) {
            Typed part = map.args().get(i);
            if (!(part instanceof Typed.Constant constant) || !(constant.value() instanceof String text)) {
                throw analyzer.error(ErrorCode.TYPE_MISMATCH, part.span(), "[INVALID_OPTIONS.NON_STRING_TYPE] the "
                        + "options of schema_of_json must be constant strings, not '%s'", part.sql());
            }
            if (i % 2 == 0 && INFERENCE_OPTIONS.stream().noneMatch(text::equalsIgnoreCase)) {
                throw analyzer.error(ErrorCode.WRONG_ARGUMENTS, part.span(), "schema_of_json option '%s' is not in "
                        + "Sluice, which takes %s", text, String.join(", ", INFERENCE_OPTIONS));
            }
            if (i % 2 == 1 && !text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
                throw analyzer.error(ErrorCode.WRONG_ARGUMENTS, part.span(),
                        "schema_of_json option '%s' must be true or false, not '%s'",
                        ((Typed.Constant) map.args().get(i - 1)).value(), text);
            }
        }
        return options;
    }
}
