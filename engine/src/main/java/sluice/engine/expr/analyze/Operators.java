package sluice.engine.expr.analyze;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import sluice.engine.diag.ErrorCode;
import sluice.engine.expr.lex.Span;
import sluice.engine.expr.parse.Ast;
import sluice.engine.expr.parse.Ast.BinaryOp;
import sluice.engine.types.AtomicType;
import sluice.engine.types.DataType;
import sluice.engine.types.DecimalType;
import sluice.engine.types.MapType;

/** Types operators (arithmetic, comparison, logic, IN, BETWEEN, LIKE, CASE) as Spark's ANSI analyzer does. */
final class Operators {
    private final Analyzer analyzer;

    Operators(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    Typed unary(Ast.Unary unary) {
        Typed operand = analyzer.analyze(unary.operand());
        switch (unary.op()) {
            case NOT -> {
                Typed bool = analyzer.expect(operand, AtomicType.BOOLEAN, "NOT");
                return new Typed.Not(bool, unary.span(), "(NOT " + operand.sql() + ")");
            }
            case NEGATE -> {
                Typed number = operand.type() == AtomicType.STRING ? analyzer.coerce(operand, AtomicType.DOUBLE)
                        : operand;
                if (!number.type().isNumeric() && !number.type().isInterval()) {
                    throw analyzer.mismatch(operand, "unary '-'", "a numeric or interval type");
                }
                return new Typed.Negate(number, unary.span(), "(- " + operand.sql() + ")");
            }
            case PLUS -> {
                return positive(operand, unary.span());
            }
            case BIT_NOT -> {
                return new BitwiseOperators(analyzer).not(operand, unary.span());
            }
        }
        throw new AssertionError(unary);
    }

    /**
     * Unary plus, and {@code positive(x)}: Spark's UnaryPositive returns its operand but keeps its place in the
     * generated name, {@code (+ x)}; a string operand is read as DOUBLE, as for unary minus.
     */
    Typed positive(Typed operand, Span span) {
        Typed number = operand.type() == AtomicType.STRING ? analyzer.coerce(operand, AtomicType.DOUBLE) : operand;
        if (!number.type().isNumeric() && !number.type().isInterval()) {
            throw analyzer.mismatch(operand, "unary '+'", "a numeric or interval type");
        }
        return new Typed.Call("positive", List.of(number), number.type(), number.nullable(), span,
                "(+ " + operand.sql() + ")");
    }

    Typed binary(Ast.Binary binary) {
        Typed left = analyzer.analyze(binary.left());
        Typed right = analyzer.analyze(binary.right());
        String sql = "(" + left.sql() + " " + binary.op().symbol() + " " + right.sql() + ")";
        BinaryOp op = binary.op();
        return switch (op) {
            case AND, OR -> new Typed.Logical(op == BinaryOp.AND,
                    analyzer.expect(left, AtomicType.BOOLEAN, op.symbol()),
                    analyzer.expect(right, AtomicType.BOOLEAN, op.symbol()), binary.span(), sql);
            // Spark parses a || b as concat(a, b): binary when both are, else strings.
            case CONCAT -> SpecialFunctions.concat(analyzer, "||", List.of(left, right), binary.span(),
                    "concat(" + left.sql() + ", " + right.sql() + ")");
            case EQ, NULL_SAFE_EQ, LT, LE, GT, GE -> comparison(op, left, right, binary.span(), sql);
            case NOT_EQ -> {
                String eqSql = "(" + left.sql() + " = " + right.sql() + ")";
                yield new Typed.Not(comparison(BinaryOp.EQ, left, right, binary.span(), eqSql), binary.span(),
                        "(NOT " + eqSql + ")");
            }
            case ADD, SUBTRACT, MULTIPLY, DIVIDE, REMAINDER, DIV ->
                    new Arithmetics(analyzer).arithmetic(op, left, right, binary.span(), sql);
            case BIT_AND, BIT_OR, BIT_XOR, SHIFT_LEFT, SHIFT_RIGHT, SHIFT_RIGHT_UNSIGNED ->
                    new BitwiseOperators(analyzer).binary(op, left, right, binary.span(), sql);
        };
    }

    Typed.Comparison comparison(BinaryOp op, Typed left, Typed right, Span span, String sql) {
        DataType type = comparableType(op, left, right);
        checkOrderable(analyzer, left, op.symbol());
        Typed.ComparisonOp comparisonOp = switch (op) {
            case EQ -> Typed.ComparisonOp.EQ;
            case NULL_SAFE_EQ -> Typed.ComparisonOp.NULL_SAFE_EQ;
            case LT -> Typed.ComparisonOp.LT;
            case LE -> Typed.ComparisonOp.LE;
            case GT -> Typed.ComparisonOp.GT;
            case GE -> Typed.ComparisonOp.GE;
            default -> throw new AssertionError(op);
        };
        return new Typed.Comparison(comparisonOp, analyzer.coerce(left, type), analyzer.coerce(right, type), span,
                sql);
    }

    private DataType comparableType(BinaryOp op, Typed left, Typed right) {
        DataType a = left.type();
        DataType b = right.type();
        Optional<DataType> common = a.isNumeric() && b.isNumeric() ? Optional.of(Coercion.widerNumeric(a, b))
                : Coercion.commonType(a, b);
        if (common.isEmpty() || common.get() == AtomicType.NULL && a != b) {
            throw analyzer.error(ErrorCode.TYPE_MISMATCH, right.span(),
                    "the operands of '%s' have incompatible types %s and %s", op.symbol(), a.sql(), b.sql());
        }
        return common.get();
    }

    Typed in(Ast.In in) {
        Typed value = analyzer.analyze(in.value());
        List<Typed> list = analyzer.analyzeAll(in.list());
        List<DataType> types = new ArrayList<>();
        types.add(value.type());
        list.forEach(t -> types.add(t.type()));
        DataType common = Coercion.commonType(types).orElseThrow(() -> analyzer.error(ErrorCode.TYPE_MISMATCH,
                in.span(), "the values of IN have incompatible types %s",
                types.stream().map(DataType::sql).distinct().collect(Collectors.joining(", "))));
        checkOrderable(analyzer, value, "in");
        List<Typed> coerced = list.stream().map(t -> analyzer.coerce(t, common)).toList();
        String sql = "(" + value.sql() + " IN (" + list.stream().map(Typed::sql).collect(Collectors.joining(", "))
                + "))";
        Typed result = new Typed.In(analyzer.coerce(value, common), coerced, in.span(), sql);
        return in.negated() ? new Typed.Not(result, in.span(), "(NOT " + sql + ")") : result;
    }

    Typed between(Ast.Between between) {
        Typed value = analyzer.analyze(between.value());
        Typed low = analyzer.analyze(between.low());
        Typed high = analyzer.analyze(between.high());
        String lowSql = "(" + value.sql() + " >= " + low.sql() + ")";
        String highSql = "(" + value.sql() + " <= " + high.sql() + ")";
        // Spark 4 parses BETWEEN to its own Between expression, printed as a function call; it runs as the AND below.
        String sql = "between(" + value.sql() + ", " + low.sql() + ", " + high.sql() + ")";
        Typed result = new Typed.Logical(true, comparison(BinaryOp.GE, value, low, between.span(), lowSql),
                comparison(BinaryOp.LE, value, high, between.span(), highSql), between.span(), sql);
        return between.negated() ? new Typed.Not(result, between.span(), "(NOT " + sql + ")") : result;
    }

    Typed like(Ast.Like like) {
        Typed value = analyzer.analyze(like.value());
        Typed pattern = analyzer.analyze(like.pattern());
        String word = like.regex() ? "RLIKE" : "LIKE";
        Typed stringValue = analyzer.expect(value, AtomicType.STRING, word);
        Typed stringPattern = analyzer.expect(pattern, AtomicType.STRING, word);
        String sql;
        List<Typed> args;
        if (like.regex()) {
            sql = "RLIKE(" + value.sql() + ", " + pattern.sql() + ")";
            args = List.of(stringValue, stringPattern);
        } else {
            char escape = like.escape() == null ? '\\' : like.escape();
            sql = value.sql() + " LIKE " + pattern.sql() + (like.escape() == null ? "" : " ESCAPE '" + escape + "'");
            args = List.of(stringValue, stringPattern,
                    new Typed.Constant(String.valueOf(escape), AtomicType.STRING, like.span(), ""));
        }
        Typed result = new Typed.Call(like.regex() ? "rlike" : "like", args, AtomicType.BOOLEAN,
                value.nullable() || pattern.nullable(), like.span(), sql);
        return like.negated() ? new Typed.Not(result, like.span(), "(NOT " + sql + ")") : result;
    }

    Typed caseWhen(Ast.Case caseAst) {
        Typed operand = caseAst.operand() == null ? null : analyzer.analyze(caseAst.operand());
        List<Typed> conditions = new ArrayList<>();
        List<Typed> results = new ArrayList<>();
        StringBuilder sql = new StringBuilder("CASE");
        for (Ast.When when : caseAst.whens()) {
            Typed condition = analyzer.analyze(when.condition());
            if (operand != null) {
                String eqSql = "(" + operand.sql() + " = " + condition.sql() + ")";
                condition = comparison(BinaryOp.EQ, operand, condition, when.condition().span(), eqSql);
            } else {
                condition = analyzer.expect(condition, AtomicType.BOOLEAN, "WHEN");
            }
            Typed result = analyzer.analyze(when.result());
            conditions.add(condition);
            results.add(result);
            sql.append(" WHEN ").append(condition.sql()).append(" THEN ").append(result.sql());
        }
        Typed otherwise = caseAst.otherwise() == null
                ? new Typed.Constant(null, AtomicType.NULL, caseAst.span(), "NULL")
                : analyzer.analyze(caseAst.otherwise());
        if (caseAst.otherwise() != null) {
            sql.append(" ELSE ").append(otherwise.sql());
        }
        sql.append(" END");
        List<DataType> types = new ArrayList<>();
        results.forEach(r -> types.add(r.type()));
        types.add(otherwise.type());
        DataType type = Coercion.commonType(types).orElseThrow(() -> analyzer.error(ErrorCode.TYPE_MISMATCH,
                caseAst.span(), "the results of CASE have incompatible types %s",
                types.stream().map(DataType::sql).distinct().collect(Collectors.joining(", "))));
        List<Typed> coerced = results.stream().map(r -> analyzer.coerce(r, type)).toList();
        return new Typed.CaseWhen(conditions, coerced, analyzer.coerce(otherwise, type), type, caseAst.span(),
                sql.toString());
    }

    /**
     * Spark compares, orders and tests IN only values that have an order: a map, or an array or struct holding one,
     * has none (DATATYPE_MISMATCH.INVALID_ORDERING_TYPE).
     */
    static void checkOrderable(Analyzer analyzer, Typed value, String what) {
        if (value.type().contains(MapType.class)) {
            throw analyzer.error(ErrorCode.TYPE_MISMATCH, value.span(), "[DATATYPE_MISMATCH.INVALID_ORDERING_TYPE] "
                    + "'%s' cannot compare values of type %s: maps have no order", what, value.type().sql());
        }
    }

    /** The smallest decimal holding an integral literal, as Spark's DecimalPrecision does for literals. */
    static DecimalType literalDecimal(Typed typed) {
        if (typed instanceof Typed.Constant constant && constant.value() instanceof Long value
                && typed.type().isIntegral()) {
            int digits = new BigDecimal(value).precision();
            return new DecimalType(Math.max(digits, 1), 0);
        }
        return Coercion.decimalFor(typed.type());
    }
}
