package sluice.engine.aggregate;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.Position;
import sluice.engine.expr.CompiledExpression;
import sluice.engine.expr.ExpressionCompiler;
import sluice.engine.diag.SluiceException;
import sluice.engine.expr.lex.Lexer;
import sluice.engine.expr.lex.SourceText;
import sluice.engine.expr.lex.Token;
import sluice.engine.expr.lex.TokenKind;
import sluice.engine.expr.parse.Ast;
import sluice.engine.expr.parse.NamedAst;
import sluice.engine.expr.parse.Parser;
import sluice.engine.types.ArrayType;
import sluice.engine.types.AtomicType;
import sluice.engine.types.DataType;
import sluice.engine.types.DecimalType;
import sluice.engine.types.MapType;
import sluice.engine.types.Schema;
import sluice.engine.types.StructType;

/**
 * Makes an {@link AggregateCall} from text such as {@code avg(Close) AS avg_close} or {@code count(*)}: the
 * aggregate function, its arguments compiled against the input, Spark's type checks and implicit casts, and Spark's
 * generated name. User errors throw a SluiceException positioned inside the text. Immutable; any thread.
 */
public final class AggregateCompiler {
    /** The aggregate functions known so far, in the order the README lists them. */
    public static final List<String> FUNCTIONS = List.of("count", "sum", "avg", "mean", "min", "max", "first",
            "last", "max_by", "min_by", "stddev", "std", "stddev_samp", "stddev_pop", "variance", "var_samp",
            "var_pop", "collect_list", "collect_set", "approx_count_distinct");

    /** The central-moment functions by name, aliases included, as Spark's function registry maps them. */
    private static final Map<String, CentralMomentFunction.Kind> MOMENTS = Map.of(
            "stddev", CentralMomentFunction.Kind.STDDEV_SAMP, "std", CentralMomentFunction.Kind.STDDEV_SAMP,
            "stddev_samp", CentralMomentFunction.Kind.STDDEV_SAMP, "stddev_pop", CentralMomentFunction.Kind.STDDEV_POP,
            "variance", CentralMomentFunction.Kind.VAR_SAMP, "var_samp", CentralMomentFunction.Kind.VAR_SAMP,
            "var_pop", CentralMomentFunction.Kind.VAR_POP);

    /** The most registers approx_count_distinct keeps per group, 2^24 (a byte each), reached at relativeSD 0.0003. */
    private static final int MAX_HLL_PRECISION = 24;

    private final ExpressionCompiler expressions;

    public AggregateCompiler(ExpressionCompiler expressions) {
        this.expressions = requireNonNull(expressions, "expressions is null");
    }

    public AggregateCall compile(String text, Schema input, Position where) {
        SourceText source = new SourceText(text, where);
        refuseDistinct(source);
        NamedAst named = new Parser(source).parseNamed();
        ExpressionCompiler.refuseMultiAlias(source, named);
        if (!(named.expression() instanceof Ast.Call call)) {
            throw source.error(ErrorCode.BAD_OPTION_VALUE, named.expression().span(),
                    "an aggregation is a call of an aggregate function such as 'avg(Close)' or 'count(*)'; "
                            + "group by a column in 'groupBy' instead");
        }
        String function = call.function().toLowerCase(Locale.ROOT);
        if (!FUNCTIONS.contains(function)) {
            throw source.error(ErrorCode.UNKNOWN_FUNCTION, call.nameSpan(),
                    "'%s' is not an aggregate function; use one of %s", call.function(), String.join(", ", FUNCTIONS));
        }
        boolean star = call.args().size() == 1 && call.args().get(0) instanceof Ast.Star;
        if (function.equals("count") && (star || call.args().isEmpty())) {
            if (call.args().isEmpty()) {
                throw source.error(ErrorCode.WRONG_ARGUMENTS, call.span(), "[WRONG_NUM_ARGS.WITHOUT_SUGGESTION] "
                        + "function 'count' takes at least 1 argument but 0 were given; count every row with "
                        + "'count(*)'");
            }
            return new AggregateCall(nameOf(named, "count(1)"), new CountFunction(0), List.of());
        }
        if (function.equals("approx_count_distinct")) {
            return approxCountDistinct(source, named, call, input);
        }
        int arity = call.args().size();
        boolean firstOrLast = function.equals("first") || function.equals("last");
        boolean extremumBy = function.equals("max_by") || function.equals("min_by");
        if (firstOrLast && (arity == 0 || arity > 2)) {
            throw source.error(ErrorCode.WRONG_ARGUMENTS, call.span(), "[WRONG_NUM_ARGS.WITHOUT_SUGGESTION] "
                    + "function '%s' takes 1 or 2 arguments but %d were given", function, arity);
        } else if (extremumBy && arity != 2) {
            throw source.error(ErrorCode.WRONG_ARGUMENTS, call.span(), "[WRONG_NUM_ARGS.WITHOUT_SUGGESTION] "
                    + "function '%s' takes 2 arguments but %d were given", function, arity);
        } else if (!function.equals("count") && !firstOrLast && !extremumBy && arity != 1) {
            throw source.error(ErrorCode.WRONG_ARGUMENTS, call.span(), "[WRONG_NUM_ARGS.WITHOUT_SUGGESTION] "
                    + "function '%s' takes 1 argument but %d were given", function, arity);
        }
        if (firstOrLast) {
            return firstOrLast(source, named, call, input, function.equals("last"));
        }
        List<CompiledExpression> args = new ArrayList<>();
        List<String> argNames = new ArrayList<>();
        for (Ast arg : call.args()) {
            CompiledExpression compiled = expressions.compile(source, arg, input);
            argNames.add(compiled.name());
            args.add(compiled);
        }
        String name = nameOf(named, function + "(" + String.join(", ", argNames) + ")");
        if (function.equals("count")) {
            return new AggregateCall(name, new CountFunction(args.size()), args);
        }
        Ast arg = call.args().get(0);
        DataType type = args.get(0).type();
        if (function.startsWith("collect_")) {
            boolean set = function.equals("collect_set");
            if (set && containsMap(type)) {
                throw source.error(ErrorCode.TYPE_MISMATCH, arg.span(), "[DATATYPE_MISMATCH.UNSUPPORTED_INPUT_TYPE] "
                        + "the input of 'collect_set' can't be \"MAP\" type data, but '%s' has type %s",
                        argNames.get(0), type.sql());
            }
            return new AggregateCall(name, new CollectFunction(type, set), args);
        }
        if (extremumBy) {
            DataType ordering = args.get(1).type();
            if (ordering instanceof MapType) {
                throw source.error(ErrorCode.TYPE_MISMATCH, call.args().get(1).span(),
                        "[DATATYPE_MISMATCH.INVALID_ORDERING_TYPE] '%s' cannot order by '%s' of type %s: maps have "
                                + "no order", function, argNames.get(1), ordering.sql());
            }
            return new AggregateCall(name, new ExtremumByFunction(type, ordering, function.equals("max_by")), args);
        }
        if (function.equals("min") || function.equals("max")) {
            if (type instanceof MapType) {
                throw source.error(ErrorCode.TYPE_MISMATCH, arg.span(), "[DATATYPE_MISMATCH.INVALID_ORDERING_TYPE] "
                        + "'%s' cannot take '%s' of type %s: maps have no order", function, argNames.get(0),
                        type.sql());
            }
            return new AggregateCall(name, new ExtremumFunction(type, function.equals("max")), args);
        }
        if (type == AtomicType.STRING || type == AtomicType.NULL) {
            // Spark's ANSI coercion casts a string (or NULL) to DOUBLE where a number is expected.
            Ast cast = new Ast.Cast(arg, AtomicType.DOUBLE, false, arg.span());
            args = List.of(expressions.compile(source, cast, input));
            type = AtomicType.DOUBLE;
        }
        if (!isNumeric(type) && !type.isInterval()) {
            throw source.error(ErrorCode.TYPE_MISMATCH, arg.span(), "[DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] "
                    + "argument 1 of '%s' must be %s, but '%s' has type %s", function,
                    MOMENTS.containsKey(function) ? "a number" : "a number or an interval", argNames.get(0),
                    type.sql());
        }
        if (MOMENTS.containsKey(function)) {
            if (type.isInterval()) {
                throw source.error(ErrorCode.TYPE_MISMATCH, arg.span(), "[DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] "
                        + "argument 1 of '%s' must be a number, but '%s' has type %s", function, argNames.get(0),
                        type.sql());
            }
            // Spark casts the argument to DOUBLE; the generated name keeps the argument as written.
            Ast cast = new Ast.Cast(arg, AtomicType.DOUBLE, false, arg.span());
            return new AggregateCall(name, new CentralMomentFunction(MOMENTS.get(function)),
                    List.of(expressions.compile(source, cast, input)));
        }
        if (function.equals("sum")) {
            return new AggregateCall(name, new SumFunction(SumFunction.resultTypeOf(type)), args);
        }
        if (type instanceof DecimalType decimal) {
            return new AggregateCall(name, DecimalAverageFunction.of(decimal), args);
        }
        if (type.isInterval()) {
            return new AggregateCall(name, new IntervalAverageFunction(type), args);
        }
        return new AggregateCall(name, new AverageFunction(), args);
    }

    /**
     * {@code first(x)} or {@code first(x, ignoreNulls)}: Spark takes the second argument only as a boolean literal,
     * and its generated name leaves it out ({@code first(x)} either way).
     */
    private AggregateCall firstOrLast(SourceText source, NamedAst named, Ast.Call call, Schema input, boolean last) {
        String function = last ? "last" : "first";
        boolean ignoreNulls = false;
        if (call.args().size() == 2) {
            if (!(call.args().get(1) instanceof Ast.Literal literal && literal.kind() == Ast.LiteralKind.BOOLEAN)) {
                throw source.error(ErrorCode.TYPE_MISMATCH, call.args().get(1).span(),
                        "The second argument in %s should be a boolean literal, such as true", function);
            }
            ignoreNulls = literal.text().equalsIgnoreCase("true");
        }
        CompiledExpression arg = expressions.compile(source, call.args().get(0), input);
        return new AggregateCall(nameOf(named, function + "(" + arg.name() + ")"),
                new FirstLastFunction(arg.type(), last, ignoreNulls), List.of(arg));
    }

    /**
     * Spark parses {@code count(DISTINCT x)} and then refuses every distinct aggregation in a streaming query
     * (UnsupportedOperationChecker), whatever the function; Sluice's parser has no DISTINCT, so the keyword is found
     * among the tokens: {@code DISTINCT} right after the call's parenthesis and followed by an argument.
     */
    private static void refuseDistinct(SourceText source) {
        List<Token> tokens;
        try {
            tokens = new Lexer(source, ErrorCode.EXPRESSION_SYNTAX).tokenize();
        } catch (SluiceException e) {
            return; // the parser reports it
        }
        for (int i = 1; i + 2 < tokens.size(); i++) {
            Token next = tokens.get(i + 2);
            if (tokens.get(i).kind() == TokenKind.LEFT_PAREN && tokens.get(i - 1).isIdentifier()
                    && tokens.get(i + 1).isKeyword("DISTINCT") && next.kind() != TokenKind.RIGHT_PAREN
                    && next.kind() != TokenKind.COMMA && next.kind() != TokenKind.DOT
                    && next.kind() != TokenKind.END_OF_INPUT) {
                throw source.error(ErrorCode.UNSUPPORTED_IN_STREAMING, tokens.get(i + 1).span(), "Distinct "
                        + "aggregations are not supported on streaming DataFrames/Datasets. Consider using "
                        + "approx_count_distinct() instead");
            }
        }
    }

    /**
     * {@code approx_count_distinct(x)} or {@code approx_count_distinct(x, relativeSD)}: Spark takes the relative
     * standard deviation only as a DOUBLE or DECIMAL literal (default 0.05), and its generated name leaves it out.
     */
    private AggregateCall approxCountDistinct(SourceText source, NamedAst named, Ast.Call call, Schema input) {
        int arity = call.args().size();
        if (arity == 0 || arity > 2) {
            throw source.error(ErrorCode.WRONG_ARGUMENTS, call.span(), "[WRONG_NUM_ARGS.WITHOUT_SUGGESTION] "
                    + "function 'approx_count_distinct' takes 1 or 2 arguments but %d were given", arity);
        }
        double relativeSD = 0.05;
        if (arity == 2) {
            Ast second = call.args().get(1);
            if (!(second instanceof Ast.Literal literal && (literal.kind() == Ast.LiteralKind.DOUBLE
                    || literal.kind() == Ast.LiteralKind.DECIMAL || literal.kind() == Ast.LiteralKind.BIG_DECIMAL))) {
                throw source.error(ErrorCode.TYPE_MISMATCH, second.span(),
                        "The second argument should be a double literal");
            }
            relativeSD = Double.parseDouble(literal.text());
        }
        int precision = ApproxCountDistinctFunction.precisionOf(relativeSD);
        if (!(precision >= 4 && precision <= MAX_HLL_PRECISION)) {
            throw source.error(ErrorCode.BAD_OPTION_VALUE, call.args().get(1).span(), "relativeSD %s is out of range: "
                    + "HLL++ requires at least 4 bits for addressing, so use a relativeSD of at most 0.39, and "
                    + "Sluice keeps at most 2^%d registers, so use at least 0.0003", relativeSD, MAX_HLL_PRECISION);
        }
        CompiledExpression arg = expressions.compile(source, call.args().get(0), input);
        if (containsMap(arg.type())) {
            // TODO(#12): Spark hashes maps too; Sluice's xxhash64 does not yet.
            throw source.error(ErrorCode.TYPE_MISMATCH, call.args().get(0).span(), "'approx_count_distinct' of %s "
                    + "is not supported yet; count a value without maps", arg.type().sql());
        }
        return new AggregateCall(nameOf(named, "approx_count_distinct(" + arg.name() + ")"),
                new ApproxCountDistinctFunction(arg.type(), precision), List.of(arg));
    }

    private static boolean containsMap(DataType type) {
        if (type instanceof MapType) {
            return true;
        } else if (type instanceof ArrayType array) {
            return containsMap(array.elementType());
        } else if (type instanceof StructType struct) {
            return struct.fields().stream().anyMatch(field -> containsMap(field.type()));
        }
        return false;
    }

    private static boolean isNumeric(DataType type) {
        return type instanceof DecimalType || type == AtomicType.TINYINT || type == AtomicType.SMALLINT
                || type == AtomicType.INT || type == AtomicType.BIGINT || type == AtomicType.FLOAT
                || type == AtomicType.DOUBLE;
    }

    private static String nameOf(NamedAst named, String generated) {
        return named.alias() != null ? named.alias() : generated;
    }
}
