package sluice.engine.expr.analyze;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.SluiceException;
import sluice.engine.diag.Suggestion;
import sluice.engine.expr.lex.SourceText;
import sluice.engine.expr.lex.Span;
import sluice.engine.expr.parse.Ast;
import sluice.engine.expr.parse.NamedAst;
import sluice.engine.types.ArrayType;
import sluice.engine.types.AtomicType;
import sluice.engine.types.DataType;
import sluice.engine.types.Field;
import sluice.engine.types.Schema;
import sluice.engine.types.StructType;

/** Binds names and types of one expression against an input schema. Stateless after construction; one text. */
public final class Analyzer {
    private final SourceText source;
    private final Schema input;
    private final Literals literals;
    private final Operators operators;
    private final FunctionCatalog functions;

    public Analyzer(SourceText source, Schema input, ZoneId zone) {
        this.source = source;
        this.input = input;
        this.literals = new Literals(source, zone);
        this.operators = new Operators(this);
        this.functions = new FunctionCatalog(this);
    }

    /**
     * The output column name: the alias, or Spark's generated name. A top-level field access is named by its field;
     * a top-level cast (or chain of casts, TRY_CAST included) of a column is named by the column, as Spark aliases
     * {@code Cast(NamedExpression)}; any other expression by its SQL text. Spark 4.1 prints columns as the user
     * spelt them, not as the schema does ({@code CITY}, not {@code city}), and so do we.
     */
    public static String nameOf(NamedAst named, Typed typed) {
        if (named.alias() != null) {
            return named.alias();
        }
        if (named.expression() instanceof Ast.FieldAccess access) {
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

    /** Every function name the language knows, sorted. */
    public static List<String> functionNames() {
        return FunctionCatalog.names();
    }

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
            throw error(ErrorCode.EXPRESSION_SYNTAX, star.span(), "'*' is allowed only in count(*)");
        } else if (ast instanceof Ast.FieldAccess access) {
            return fieldAccess(access);
        } else if (ast instanceof Ast.Subscript subscript) {
            return subscript(subscript);
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
        }
        throw new AssertionError(ast);
    }

    List<Typed> analyzeAll(List<Ast> asts) {
        List<Typed> typed = new ArrayList<>(asts.size());
        for (Ast ast : asts) {
            typed.add(analyze(ast));
        }
        return typed;
    }

    private Typed column(Ast.ColumnRef ref) {
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

    private Typed fieldAccess(Ast.FieldAccess access) {
        Typed base = analyze(access.base());
        if (!(base.type() instanceof StructType struct)) {
            throw error(ErrorCode.TYPE_MISMATCH, access.span(), "'%s' is not a struct but %s, so it has no field '%s'",
                    base.sql(), base.type().sql(), access.field());
        }
        Schema fields = struct.toSchema();
        int index = fields.indexOf(access.field());
        if (index < 0) {
            String closest = Suggestion.closest(access.field(), fields.names()).orElse(null);
            throw error(ErrorCode.UNKNOWN_COLUMN, access.span(), "no field '%s' in %s%s", access.field(),
                    struct.sql(), closest == null ? "" : "; did you mean '" + closest + "'?");
        }
        Field field = fields.field(index);
        Typed position = new Typed.Constant((long) index, AtomicType.INT, access.span(), Integer.toString(index));
        return new Typed.Call("get_field", List.of(base, position), field.type(), true, access.span(),
                base.sql() + "." + field.name());
    }

    private Typed subscript(Ast.Subscript subscript) {
        Typed base = analyze(subscript.base());
        if (!(base.type() instanceof ArrayType array)) {
            throw error(ErrorCode.TYPE_MISMATCH, subscript.base().span(), "'%s' is not an array but %s",
                    base.sql(), base.type().sql());
        }
        Typed index = expect(analyze(subscript.index()), AtomicType.INT, "an array index");
        return new Typed.Call("get_array_item", List.of(base, index), array.elementType(), true, subscript.span(),
                base.sql() + "[" + index.sql() + "]");
    }

    private Typed explicitCast(Ast.Cast cast) {
        Typed operand = analyze(cast.operand());
        if (!Coercion.canCast(operand.type(), cast.target())) {
            throw error(ErrorCode.TYPE_MISMATCH, cast.span(), "cannot cast %s to %s", operand.type().sql(),
                    cast.target().sql());
        }
        String sql = (cast.isTry() ? "TRY_CAST(" : "CAST(") + operand.sql() + " AS " + cast.target().sql() + ")";
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
