package sluice.engine.expr.analyze;

import java.util.List;
import java.util.Set;
import sluice.engine.diag.ErrorCode;
import sluice.engine.expr.parse.Ast;
import sluice.engine.types.AtomicType;
import sluice.engine.types.StructType;

/**
 * to_csv, typed as Spark types it: its value must be a STRUCT (Spark casts nothing here) and its options a map(...)
 * of constant strings among Spark's CSV write options Sluice knows; Spark names the call by its value only. Stateless.
 */
final class CsvFunctions implements FunctionFamily {
    static final Set<String> NAMES = Set.of("to_csv");

    /** Spark's CSV write options Sluice takes; Spark's others change how CSV is written, and Sluice has them not. */
    private static final List<String> WRITE_OPTIONS = List.of("dateFormat", "emptyValue", "escape", "escapeQuotes",
            "nullValue", "quote", "quoteAll", "sep", "timestampFormat");
    private static final Set<String> CHARACTERS = Set.of("sep", "escape");
    private static final Set<String> BOOLEANS = Set.of("escapeQuotes", "quoteAll");

    private final Analyzer analyzer;
    private final FunctionCatalog catalog;

    CsvFunctions(Analyzer analyzer, FunctionCatalog catalog) {
        this.analyzer = analyzer;
        this.catalog = catalog;
    }

    @Override
    public Set<String> names() {
        return NAMES;
    }

    @Override
    public Typed resolve(String name, Ast.Call call, List<Typed> args) {
        if (!name.equals("to_csv")) {
            throw new IllegalStateException("not a CSV function: " + name);
        }
        catalog.checkArity(call, args.size(), 1, 2);
        Typed value = args.get(0);
        if (!(value.type() instanceof StructType)) {
            throw analyzer.error(ErrorCode.TYPE_MISMATCH, value.span(), "[DATATYPE_MISMATCH.UNSUPPORTED_INPUT_TYPE] "
                    + "the input of to_csv can't be %s type data; it takes a STRUCT", value.type().sql());
        }
        List<Typed> typed = args.size() == 2 ? List.of(value, options(args.get(1))) : List.of(value);
        return FunctionCatalog.call(name, typed, AtomicType.STRING, value.nullable(), call.span(),
                FunctionCatalog.sqlName(call, List.of(value)));
    }

    /**
     * to_csv's options, checked: a map(...) of constant strings, as Spark takes them; the names (in any case) those
     * of Spark's write options that Sluice has, the others refused rather than ignored.
     */
    private Typed options(Typed options) {
        if (!(options instanceof Typed.Call map) || !map.function().equals("map")) {
            throw analyzer.error(ErrorCode.TYPE_MISMATCH, options.span(), "[INVALID_OPTIONS.NON_MAP_FUNCTION] the "
                    + "options of to_csv must be written with map(...), not '%s'", options.sql());
        }
        for (int i = 0; i < map.args().size(); i++) {
            Typed part = map.args().get(i);
            if (!(part instanceof Typed.Constant constant) || !(constant.value() instanceof String text)) {
                throw analyzer.error(ErrorCode.TYPE_MISMATCH, part.span(), "[INVALID_OPTIONS.NON_STRING_TYPE] the "
                        + "options of to_csv must be constant strings, not '%s'", part.sql());
            }
            if (i % 2 == 0 && WRITE_OPTIONS.stream().noneMatch(text::equalsIgnoreCase)) {
                throw analyzer.error(ErrorCode.WRONG_ARGUMENTS, part.span(), "to_csv option '%s' is not in Sluice, "
                        + "which takes %s", text, String.join(", ", WRITE_OPTIONS));
            }
            if (i % 2 == 1) {
                String option = (String) ((Typed.Constant) map.args().get(i - 1)).value();
                checkValue(option, text, part);
            }
        }
        return options;
    }

    private void checkValue(String option, String text, Typed part) {
        boolean character = CHARACTERS.stream().anyMatch(option::equalsIgnoreCase);
        if (character && text.length() != 1 || option.equalsIgnoreCase("quote") && text.length() > 1) {
            throw analyzer.error(ErrorCode.WRONG_ARGUMENTS, part.span(), "to_csv option '%s' must be %s, not '%s'",
                    option, character ? "one character" : "one character or empty for no quoting", text);
        }
        if (BOOLEANS.stream().anyMatch(option::equalsIgnoreCase) && !text.equalsIgnoreCase("true")
                && !text.equalsIgnoreCase("false")) {
            throw analyzer.error(ErrorCode.WRONG_ARGUMENTS, part.span(),
                    "to_csv option '%s' must be true or false, not '%s'", option, text);
        }
    }
}
