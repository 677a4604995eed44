package sluice.engine.expr.analyze;

import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Locale;
import java.util.List;
import java.util.stream.Collectors;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.SluiceException;
import sluice.engine.diag.Suggestion;
import sluice.engine.expr.lex.SourceText;
import sluice.engine.expr.lex.Span;
import sluice.engine.expr.parse.Ast;
import sluice.engine.expr.parse.NamedAst;
import sluice.engine.types.DataType;
import sluice.engine.types.Field;
import sluice.engine.types.Schema;

/**
 * Binds names and types of one expression against an input schema. One text; its only state is the lambda variables
 * in scope while a lambda's body is analyzed.
 */
public final class Analyzer {
    private final SourceText source;
    private final Schema input;
    private final Literals literals;
    private final Operators operators;
    private final FunctionCatalog functions;
    private final Extraction extraction;
    /** The variables of the lambdas being analyzed, innermost first. */
    private final Deque<Typed.LambdaVariable> lambdaScope = new ArrayDeque<>();
    /** The option's whole expression while {@link #analyzeWhole} analyzes it, else null. */
    private Ast whole;

    public Analyzer(SourceText source, Schema input, ZoneId zone) {
        this.source = source;
        this.input = input;
        this.literals = new Literals(source, zone);
        this.operators = new Operators(this);
        this.functions = new FunctionCatalog(this);
        this.extraction = new Extraction(this);
    }

    /**
     * The output column name: the alias, or Spark's generated name. A top-level field of a column ({@code s.a.b}) is
     * named by the field, as Spark resolves a dotted name; other extractions by their SQL ({@code a[0]},
     * {@code f(x).a}); a top-level cast (or chain of casts, TRY_CAST included) of a column is named by the column, as
     * Spark aliases {@code Cast(NamedExpression)}; any other expression by its SQL text. Spark 4.1 prints columns as
     * the user spelt them, not as the schema does ({@code CITY}, not {@code city}), and so do we.
     */
    public static String nameOf(NamedAst named, Typed typed) {
        if (named.alias() != null) {
            return named.alias();
        }
        if (named.expression() instanceof Ast.FieldAccess access && isColumnPath(access)) {
            return access.field();
        }
        if (named.expression() instanceof Ast.Cast) {
            Typed operand = typed;
            while (operand instanceof Typed.Cast cast) {
                operand = cast.operand();
            }
            if (operand instanceof Typed.Column column) {
                return column.written();
            }
        }
        return typed.sql();
    }

    private static boolean isColumnPath(Ast.FieldAccess access) {
        Ast base = access.base();
        while (base instanceof Ast.FieldAccess inner) {
            base = inner.base();
        }
        return base instanceof Ast.ColumnRef;
    }

    /** Every function name the language knows, sorted. */
    public static List<String> functionNames() {
        return FunctionCatalog.names();
    }

    /** The text being analyzed, for messages that quote it. */
    SourceText source() {
        return source;
    }

    /**
     * {@code ast} as the whole expression of its option (its alias aside), where a few calls mean something else than
     * inside another expression: a generator in an aggregation.
     */
    public Typed analyzeWhole(Ast ast) {
        whole = ast;
        try {
            return analyze(ast);
        } finally {
            whole = null;
        }
    }

    /** Whether {@code ast} is the whole expression of its option, as {@link #analyzeWhole} was given it. */
    boolean isWhole(Ast ast) {
        return ast == whole;
    }

    /** {@code ast}, which may be a part of an expression (such as an aggregate function's argument). */
    public Typed analyze(Ast ast) {
        if (ast instanceof Ast.Literal literal) {
            return literals.literal(literal);
        } else if (ast instanceof Ast.TypedLiteral literal) {
            return literals.typed(literal);
        } else if (ast instanceof Ast.IntervalLiteral literal) {
            return literals.interval(literal);
        } else if (ast instanceof Ast.ColumnRef ref) {
            return column(ref);
        } else if (ast instanceof Ast.Star star) {
            throw error(ErrorCode.EXPRESSION_SYNTAX, star.span(), "'*' is allowed only in count(*) and struct(*)");
        } else if (ast instanceof Ast.FieldAccess access) {
            return extraction.fieldAccess(access);
        } else if (ast instanceof Ast.Subscript subscript) {
            return extraction.subscript(subscript);
        } else if (ast instanceof Ast.Unary unary) {
            return operators.unary(unary);
        } else if (ast instanceof Ast.Binary binary) {
            return operators.binary(binary);
        } else if (ast instanceof Ast.IsNull isNull) {
            Typed operand = analyze(isNull.operand());
            String sql = "(" + operand.sql() + (isNull.negated() ? " IS NOT NULL)" : " IS NULL)");
            return new Typed.IsNull(operand, isNull.negated(), isNull.span(), sql);
        } else if (ast instanceof Ast.In in) {
            return operators.in(in);
        } else if (ast instanceof Ast.Between between) {
            return operators.between(between);
        } else if (ast instanceof Ast.Like like) {
            return operators.like(like);
        } else if (ast instanceof Ast.Case caseWhen) {
            return operators.caseWhen(caseWhen);
        } else if (ast instanceof Ast.Cast cast) {
            return explicitCast(cast);
        } else if (ast instanceof Ast.Call call) {
            return functions.resolve(call);
        } else if (ast instanceof Ast.Lambda lambda) {
            throw error(ErrorCode.EXPRESSION_SYNTAX, lambda.span(), "a lambda ('->') is allowed only as an argument of "
                    + "a higher-order function such as transform or filter");
        } else if (ast instanceof Ast.Alias alias) {
            throw error(ErrorCode.EXPRESSION_SYNTAX, alias.span(), "an alias ('%s') is allowed only in struct(...) and "
                    + "after the whole expression", alias.name());
        }
        throw new AssertionError(ast);
    }

    /** Every input column, in order, as read by name: what Spark's analyzer puts in place of {@code *}. */
    List<Typed> allColumns(Span span) {
        List<Typed> columns = new ArrayList<>(input.size());
        for (int i = 0; i < input.size(); i++) {
            Field field = input.field(i);
            columns.add(new Typed.Column(i, field.name(), field.name(), field.type(), field.nullable(), span));
        }
        return columns;
    }

    List<Typed> analyzeAll(List<Ast> asts) {
        List<Typed> typed = new ArrayList<>(asts.size());
        for (Ast ast : asts) {
            typed.add(analyze(ast));
        }
        return typed;
    }

    /**
     * The lambda typed with its parameters of {@code types} (nullable as {@code nullables} says); they shadow columns
     * and outer lambdas' variables of the same name, ignoring case, as in Spark.
     */
    Typed.Lambda lambda(Ast.Lambda lambda, List<DataType> types, List<Boolean> nullables) {
        List<Typed.LambdaVariable> params = new ArrayList<>();
        for (int i = 0; i < lambda.params().size(); i++) {
            String name = lambda.params().get(i);
            for (int j = 0; j < i; j++) {
                if (lambda.params().get(j).equalsIgnoreCase(name)) {
                    throw error(ErrorCode.EXPRESSION_SYNTAX, lambda.span(), "the lambda names its parameter '%s' twice",
                            name);
                }
            }
            params.add(new Typed.LambdaVariable(name, input.size() + lambdaScope.size() + i, types.get(i),
                    nullables.get(i), lambda.span()));
        }
        params.forEach(lambdaScope::push);
        try {
            return new Typed.Lambda(params, analyze(lambda.body()), lambda.span());
        } finally {
            params.forEach(param -> lambdaScope.pop());
        }
    }

    private Typed column(Ast.ColumnRef ref) {
        String wanted = ref.name().toLowerCase(Locale.ROOT);
        for (Typed.LambdaVariable variable : lambdaScope) {
            if (variable.name().toLowerCase(Locale.ROOT).equals(wanted)) {
                return new Typed.LambdaVariable(variable.name(), variable.index(), variable.type(), variable.nullable(),
                        ref.span());
            }
        }
        List<Integer> found = input.indexesOf(ref.name());
        if (found.size() > 1) {
            throw error(ErrorCode.AMBIGUOUS_COLUMN, ref.span(), "ambiguous column '%s'; it matches %s", ref.name(),
                    found.stream().map(i -> "'" + input.field(i).name() + "'").collect(Collectors.joining(", ")));
        }
        if (found.isEmpty()) {
            String closest = Suggestion.closest(ref.name(), input.names()).orElse(null);
            if (closest != null) {
                throw error(ErrorCode.UNKNOWN_COLUMN, ref.span(), "unknown column '%s'; did you mean '%s'?",
                        ref.name(), closest);
            }
            throw error(ErrorCode.UNKNOWN_COLUMN, ref.span(), "unknown column '%s'; the input has %s", ref.name(),
                    input.size() == 0 ? "no columns" : input.names().stream().map(n -> "'" + n + "'")
                            .collect(Collectors.joining(", ")));
        }
        Field field = input.field(found.get(0));
        return new Typed.Column(found.get(0), field.name(), ref.name(), field.type(), field.nullable(), ref.span());
    }

    private Typed explicitCast(Ast.Cast cast) {
        Typed operand = analyze(cast.operand());
        if (!Coercion.canCast(operand.type(), cast.target())) {
            throw error(ErrorCode.TYPE_MISMATCH, cast.span(), "cannot cast %s to %s", operand.type().sql(),
                    cast.target().sql());
        }
        // Spark's Cast prints no CAST around a cast to an array, map or struct: it is named as its operand.
        String sql = cast.target().isComplex() ? operand.sql()
                : (cast.isTry() ? "TRY_CAST(" : "CAST(") + operand.sql() + " AS " + cast.target().sql() + ")";
        return new Typed.Cast(operand, cast.target(), cast.isTry(), cast.span(), sql);
    }

    /** {@code typed} converted to {@code type} by an implicit cast (named like its operand), or itself. */
    Typed coerce(Typed typed, DataType type) {
        if (typed.type().equals(type)) {
            return typed;
        }
        if (typed instanceof Typed.Constant constant && constant.value() == null) {
            return new Typed.Constant(null, type, constant.span(), constant.sql());
        }
        return new Typed.Cast(typed, type, false, typed.span(), typed.sql());
    }

    /** {@code typed} as {@code type}, or a TYPE_MISMATCH problem naming {@code what} needs it. */
    Typed expect(Typed typed, DataType type, String what) {
        if (!Coercion.canImplicitCast(typed.type(), type)) {
            throw mismatch(typed, what, type.sql());
        }
        return coerce(typed, type);
    }

    SluiceException mismatch(Typed typed, String what, String expected) {
        return error(ErrorCode.TYPE_MISMATCH, typed.span(), "%s requires %s but '%s' has type %s", what, expected,
                typed.sql(), typed.type().sql());
    }

    SluiceException error(ErrorCode code, Span span, String format, Object... args) {
        return source.error(code, span, format, args);
    }
}
