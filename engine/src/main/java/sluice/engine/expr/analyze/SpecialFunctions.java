package sluice.engine.expr.analyze;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.SluiceException;
import sluice.engine.expr.lex.Lexer;
import sluice.engine.expr.lex.SourceText;
import sluice.engine.expr.lex.Span;
import sluice.engine.expr.parse.Ast;
import sluice.engine.expr.parse.TokenCursor;
import sluice.engine.expr.parse.TypeParser;
import sluice.engine.types.ArrayType;
import sluice.engine.types.AtomicType;
import sluice.engine.types.DataType;
import sluice.engine.types.DecimalType;
import sluice.engine.types.Field;
import sluice.engine.types.StructType;

/** Functions whose result type depends on their arguments (round, coalesce, if, from_json ...). Stateless. */
final class SpecialFunctions extends AnalyzedFamily {
    static final Set<String> NAMES = Set.of("concat", "concat_ws", "round", "bround", "abs", "floor", "ceil",
            "ceiling", "log", "greatest", "least", "coalesce", "nvl", "ifnull", "nvl2", "if", "isnull", "isnotnull",
            "to_date", "to_timestamp", "to_timestamp_ltz", "to_timestamp_ntz", "current_timestamp", "now",
            "current_date", "from_json", "to_json",
            "pmod", "positive");

    SpecialFunctions(Analyzer analyzer, FunctionCatalog catalog) {
        super(NAMES, analyzer, catalog);
    }

    @Override
    public Typed resolve(String name, Ast.Call call, List<Typed> args) {
        switch (name) {
            case "concat", "concat_ws" -> {
                return concat(name, call, args);
            }
            case "round", "bround" -> {
                return round(name, call, args);
            }
            case "abs" -> {
                catalog.checkArity(call, args.size(), 1, 1);
                // Spark's abs takes the ANSI intervals too, of the same type.
                Typed x = args.get(0).type().isInterval() ? args.get(0) : numeric(args.get(0), name);
                return make(name, call, List.of(x), x.type(), x.nullable(), FunctionCatalog.sqlName(call, args));
            }
            case "positive" -> {
                catalog.checkArity(call, args.size(), 1, 1);
                return new Operators(analyzer).positive(args.get(0), call.span());
            }
            case "pmod" -> {
                catalog.checkArity(call, args.size(), 2, 2);
                return new Arithmetics(analyzer).pmod(args.get(0), args.get(1), call.span(),
                        FunctionCatalog.sqlName(call, args));
            }
            case "floor", "ceil", "ceiling" -> {
                return floorCeil(name, call, args);
            }
            case "log" -> {
                catalog.checkArity(call, args.size(), 1, 2);
                List<Typed> doubles = args.stream().map(a -> analyzer.expect(a, AtomicType.DOUBLE, "log")).toList();
                // Spark's one-argument log is the natural logarithm, named with Euler's number as the base.
                String sql = args.size() == 1 ? "LOG(E(), " + args.get(0).sql() + ")"
                        : "LOG(" + args.get(0).sql() + ", " + args.get(1).sql() + ")";
                return make("log", call, doubles, AtomicType.DOUBLE, true, sql);
            }
            case "greatest", "least", "coalesce" -> {
                catalog.checkArity(call, args.size(), name.equals("coalesce") ? 1 : 2, Integer.MAX_VALUE);
                List<Typed> common = common(name, args);
                if (!name.equals("coalesce")) {
                    Operators.checkOrderable(analyzer, common.get(0), name);
                }
                boolean nullable = common.stream().allMatch(Typed::nullable);
                return make(name, call, common, typeOf(common), nullable, FunctionCatalog.sqlName(call, args));
            }
            case "nvl", "ifnull" -> {
                catalog.checkArity(call, args.size(), 2, 2);
                List<Typed> common = common(name, args);
                return make("coalesce", call, common, typeOf(common), common.get(1).nullable(),
                        FunctionCatalog.sqlName(call, args));
            }
            case "nvl2", "if" -> {
                return conditional(name, call, args);
            }
            case "isnull", "isnotnull" -> {
                catalog.checkArity(call, args.size(), 1, 1);
                boolean negated = name.equals("isnotnull");
                String sql = "(" + args.get(0).sql() + (negated ? " IS NOT NULL)" : " IS NULL)");
                return new Typed.IsNull(args.get(0), negated, call.span(), sql);
            }
            case "to_date", "to_timestamp", "to_timestamp_ltz", "to_timestamp_ntz" -> {
                return parseDateTime(name, call, args);
            }
            case "current_timestamp", "now", "current_date" -> {
                catalog.checkArity(call, args.size(), 0, 0);
                DataType type = name.equals("current_date") ? AtomicType.DATE : AtomicType.TIMESTAMP;
                return make(name, call, List.of(), type, false, name + "()");
            }
            case "from_json" -> {
                return fromJson(call, args);
            }
            case "to_json" -> {
                catalog.checkArity(call, args.size(), 1, 2);
                Typed value = args.get(0);
                if (!value.type().isComplex()) {
                    throw analyzer.mismatch(value, "to_json", "a STRUCT, ARRAY or MAP");
                }
                if (args.size() == 2) {
                    jsonOptions(args.get(1), name);
                }
                // Spark names the call by its value only, as for from_json.
                return make(name, call, args, AtomicType.STRING, value.nullable(), "to_json(" + value.sql() + ")");
            }
            default -> throw new AssertionError(name);
        }
    }

    private Typed make(String name, Ast.Call call, List<Typed> args, DataType type, boolean nullable, String sql) {
        return FunctionCatalog.call(name, args, type, nullable, call.span(), sql);
    }

    private Typed numeric(Typed arg, String function) {
        if (arg.type() == AtomicType.STRING || arg.type() == AtomicType.NULL) {
            return analyzer.coerce(arg, AtomicType.DOUBLE);
        }
        if (!arg.type().isNumeric()) {
            throw analyzer.mismatch(arg, function, "a numeric type");
        }
        return arg;
    }

    private Typed concat(String name, Ast.Call call, List<Typed> args) {
        boolean ws = name.equals("concat_ws");
        catalog.checkArity(call, args.size(), ws ? 1 : 0, Integer.MAX_VALUE);
        if (!ws) {
            return concat(analyzer, name, args, call.span(), FunctionCatalog.sqlName(call, args));
        }
        List<Typed> strings = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            Typed arg = args.get(i);
            boolean arrayOfStrings = i > 0 && arg.type() instanceof ArrayType array
                    && array.elementType() == AtomicType.STRING;
            strings.add(arrayOfStrings ? arg : analyzer.expect(arg, AtomicType.STRING, name));
        }
        // concat_ws skips null values and is null only for a null separator.
        return make(name, call, strings, AtomicType.STRING, strings.get(0).nullable(),
                FunctionCatalog.sqlName(call, args));
    }

    /**
     * {@code concat(a, b, ...)} and {@code a || b}: the arrays joined when every argument is an ARRAY (their elements
     * widened to one type, as Spark's FunctionArgumentConversion), BINARY when every argument is BINARY, else every
     * argument as a STRING (Spark's ConcatCoercion); null when any argument is. {@code what} names the operator in
     * problems.
     */
    static Typed concat(Analyzer analyzer, String what, List<Typed> args, Span span, String sql) {
        if (!args.isEmpty() && args.stream().allMatch(a -> a.type() instanceof ArrayType)) {
            DataType element = ((ArrayType) args.get(0).type()).elementType();
            for (Typed arg : args) {
                DataType next = ((ArrayType) arg.type()).elementType();
                element = ArrayFunctions.wider(element, next).orElseThrow(() -> analyzer.error(
                        ErrorCode.TYPE_MISMATCH, span, "[DATATYPE_MISMATCH.DATA_DIFF_TYPES] the arrays of '%s' must "
                        + "have elements of one type, not %s", what, args.stream().map(a -> a.type().sql())
                                .collect(Collectors.joining(", "))));
            }
            ArrayType type = new ArrayType(element, true);
            List<Typed> coerced = args.stream().map(a -> analyzer.coerce(a, type)).toList();
            return FunctionCatalog.call("concat", coerced, type, coerced.stream().anyMatch(Typed::nullable), span,
                    sql);
        }
        boolean binary = !args.isEmpty() && args.stream().allMatch(a -> a.type() == AtomicType.BINARY);
        DataType type = binary ? AtomicType.BINARY : AtomicType.STRING;
        List<Typed> coerced = args.stream().map(a -> analyzer.expect(a, type, what)).toList();
        return FunctionCatalog.call("concat", coerced, type, coerced.stream().anyMatch(Typed::nullable), span, sql);
    }

    private Typed round(String name, Ast.Call call, List<Typed> args) {
        catalog.checkArity(call, args.size(), 1, 2);
        Typed value = numeric(args.get(0), name);
        Typed scale = args.size() == 2 ? args.get(1)
                : new Typed.Constant(0L, AtomicType.INT, call.span(), "0");
        // Spark casts the scale to INT and needs it constant; a TINYINT or SMALLINT literal is as good.
        if (!(scale instanceof Typed.Constant constant) || !(constant.value() instanceof Long digits)
                || !scale.type().isIntegral() || scale.type() == AtomicType.BIGINT) {
            throw analyzer.mismatch(scale, name + " scale", "a constant INT");
        }
        DataType type = value.type();
        if (type instanceof DecimalType decimal) {
            int integralDigits = decimal.precision() - decimal.scale() + 1;
            int d = digits.intValue();
            type = d < 0 ? new DecimalType(Math.min(Math.max(integralDigits, -d + 1), 38), 0)
                    : new DecimalType(Math.min(integralDigits + Math.min(decimal.scale(), d), 38),
                            Math.min(decimal.scale(), d));
        }
        String sql = name + "(" + args.get(0).sql() + ", " + scale.sql() + ")";
        return make(name, call, List.of(value, scale), type, value.nullable(), sql);
    }

    private Typed floorCeil(String name, Ast.Call call, List<Typed> args) {
        catalog.checkArity(call, args.size(), 1, 2);
        if (args.size() == 2) {
            return MathFunctions.withScale(analyzer, name.equals("floor") ? "floor" : "ceil", call, args.get(0),
                    args.get(1));
        }
        Typed value = numeric(args.get(0), name);
        if (value.type() == AtomicType.FLOAT) {
            // Spark's floor and ceil take DOUBLE, DECIMAL or BIGINT: a FLOAT is cast to DOUBLE, a cast its optimizer
            // then merges with a widening cast below it (CAST(CAST(int AS FLOAT) AS DOUBLE) reads the int exactly).
            value = analyzer.coerce(value, AtomicType.DOUBLE);
        }
        DataType type = AtomicType.BIGINT;
        if (value.type() instanceof DecimalType decimal) {
            // A DECIMAL of scale 0 keeps its type; another loses its scale and may gain a digit.
            type = decimal.scale() == 0 ? decimal
                    : new DecimalType(Math.min(decimal.precision() - decimal.scale() + 1, 38), 0);
        }
        String canonical = name.equals("floor") ? "floor" : "ceil";
        // Spark prints FLOOR and CEIL in capitals, but keeps the alias ceiling as written.
        String sql = (name.equals("ceiling") ? "ceiling" : canonical.toUpperCase(Locale.ROOT))
                + "(" + args.get(0).sql() + ")";
        return make(canonical, call, List.of(value), type, value.nullable(), sql);
    }

    private List<Typed> common(String name, List<Typed> args) {
        List<DataType> types = args.stream().map(Typed::type).toList();
        DataType type = Coercion.commonType(types).orElseThrow(() -> analyzer.error(ErrorCode.TYPE_MISMATCH,
                args.get(0).span(), "the arguments of '%s' have incompatible types %s", name,
                types.stream().map(DataType::sql).distinct().collect(Collectors.joining(", "))));
        return args.stream().map(a -> analyzer.coerce(a, type)).toList();
    }

    private static DataType typeOf(List<Typed> args) {
        return args.get(0).type();
    }

    private Typed conditional(String name, Ast.Call call, List<Typed> args) {
        catalog.checkArity(call, args.size(), 3, 3);
        Typed condition = name.equals("if") ? analyzer.expect(args.get(0), AtomicType.BOOLEAN, "if") : args.get(0);
        List<Typed> branches = common(name, args.subList(1, 3));
        String sql = name.equals("if")
                ? "(IF(" + args.stream().map(Typed::sql).collect(Collectors.joining(", ")) + "))"
                : FunctionCatalog.sqlName(call, args);
        if (name.equals("nvl2")) {
            condition = new Typed.IsNull(condition, true, condition.span(), condition.sql());
        }
        boolean nullable = branches.get(0).nullable() || branches.get(1).nullable();
        return new Typed.CaseWhen(List.of(condition), List.of(branches.get(0)), branches.get(1),
                branches.get(0).type(), call.span(), sql);
    }

    private Typed parseDateTime(String name, Ast.Call call, List<Typed> args) {
        catalog.checkArity(call, args.size(), 1, 2);
        DataType target = name.equals("to_date") ? AtomicType.DATE
                : name.equals("to_timestamp_ntz") ? AtomicType.TIMESTAMP_NTZ : AtomicType.TIMESTAMP;
        Typed value = args.get(0);
        String sql = FunctionCatalog.sqlName(call, args);
        if (args.size() == 1 || value.type() != AtomicType.STRING) {
            if (!Coercion.canCast(value.type(), target) || value.type().isNumeric() && target == AtomicType.DATE) {
                throw analyzer.mismatch(value, name, "a STRING, DATE or TIMESTAMP");
            }
            return new Typed.Cast(value, target, false, call.span(), sql);
        }
        Typed format = analyzer.expect(args.get(1), AtomicType.STRING, name + " format");
        if (!(format instanceof Typed.Constant)) {
            throw analyzer.mismatch(format, name + " format", "a constant STRING");
        }
        // Spark's GetTimestamp fails under ANSI instead of returning null, so it is null only for a null argument.
        return make(name, call, List.of(value, format), target, value.nullable() || format.nullable(), sql);
    }

    private Typed fromJson(Ast.Call call, List<Typed> args) {
        catalog.checkArity(call, args.size(), 2, 3);
        Typed json = analyzer.expect(args.get(0), AtomicType.STRING, "from_json");
        if (!(args.get(1) instanceof Typed.Constant constant) || !(constant.value() instanceof String ddl)) {
            throw analyzer.mismatch(args.get(1), "from_json schema", "a constant STRING");
        }
        StructType schema;
        try {
            schema = parseStruct(ddl);
        } catch (SluiceException e) {
            throw analyzer.error(ErrorCode.TYPE_MISMATCH, constant.span(), "invalid from_json schema: %s",
                    e.problem().message());
        }
        List<Typed> typed = args.size() == 3 ? List.of(json, jsonOptions(args.get(2), "from_json")) : List.of(json);
        return make("from_json", call, typed, schema, true, "from_json(" + args.get(0).sql() + ")");
    }

    /** The JSON options Sluice reads; Spark's others change how JSON is read or written, and Sluice has them not. */
    private static final List<String> JSON_OPTIONS = List.of("dateFormat", "timestampFormat", "timestampNTZFormat");

    /**
     * The options of from_json or to_json, checked: as Spark, a map(...) call of constant strings; of Spark's JSON
     * options Sluice takes the datetime patterns and refuses the rest rather than ignore them.
     */
    private Typed jsonOptions(Typed options, String function) {
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
            // Spark's option names are not case-sensitive.
            if (i % 2 == 0 && JSON_OPTIONS.stream().noneMatch(text::equalsIgnoreCase)) {
                throw analyzer.error(ErrorCode.WRONG_ARGUMENTS, part.span(), "%s option '%s' is not in Sluice, "
                        + "which takes %s and %s", function, text, String.join(", ", JSON_OPTIONS.subList(0,
                                JSON_OPTIONS.size() - 1)), JSON_OPTIONS.get(JSON_OPTIONS.size() - 1));
            }
        }
        return options;
    }

    /** A DDL schema ({@code a INT, b STRING} or {@code STRUCT<...>}); from_json and from_csv read theirs so. */
    static StructType parseStruct(String ddl) {
        SourceText text = new SourceText(ddl, sluice.engine.diag.Position.NOWHERE);
        TokenCursor cursor = new TokenCursor(new Lexer(text, ErrorCode.SCHEMA_SYNTAX).tokenize(), text,
                ErrorCode.SCHEMA_SYNTAX);
        TypeParser parser = new TypeParser(cursor);
        if (cursor.atKeyword("STRUCT") && cursor.peek(1).kind() == sluice.engine.expr.lex.TokenKind.LT) {
            DataType type = parser.parseType();
            if (!cursor.at(sluice.engine.expr.lex.TokenKind.END_OF_INPUT)) {
                throw cursor.unexpected("end of input");
            }
            return (StructType) type;
        }
        List<Field> fields = new ArrayList<>();
        do {
            fields.add(parser.parseField(true));
        } while (cursor.accept(sluice.engine.expr.lex.TokenKind.COMMA));
        if (!cursor.at(sluice.engine.expr.lex.TokenKind.END_OF_INPUT)) {
            throw cursor.unexpected("',' or end of input");
        }
        return new StructType(fields);
    }
}
