package sluice.engine.expr.parse;

import static java.util.Objects.requireNonNull;

import java.util.List;
import sluice.engine.expr.lex.Span;
import sluice.engine.types.DataType;

/** An expression as the user wrote it, before names and types are bound. Made by Parser, consumed by Analyzer. */
public sealed interface Ast permits Ast.Literal, Ast.TypedLiteral, Ast.IntervalLiteral, Ast.ColumnRef, Ast.Star,
        Ast.FieldAccess, Ast.Subscript, Ast.Unary, Ast.Binary, Ast.IsNull, Ast.In, Ast.Between, Ast.Like, Ast.Case,
        Ast.Cast, Ast.Call, Ast.Alias, Ast.Lambda {
    Span span();

    /** The kinds of plain literal; numbers keep their text so the analyzer can pick Spark's exact type. */
    enum LiteralKind { INTEGER, BIGINT, TINYINT, SMALLINT, DECIMAL, DOUBLE, FLOAT, BIG_DECIMAL, STRING, BOOLEAN, NULL }

    /** {@code text} is the number (with a leading '-' when negated), the unescaped string, or true/false. */
    record Literal(LiteralKind kind, String text, Span span) implements Ast {
        public Literal {
            requireNonNull(kind, "kind is null");
        }
    }

    /** {@code DATE '2015-01-02'}, {@code TIMESTAMP '...'} or {@code X'4142'}; {@code typeName} is upper case. */
    record TypedLiteral(String typeName, String value, Span span) implements Ast {}

    /**
     * {@code INTERVAL 3 DAYS 2 HOURS}: one part per value and unit, or one string holding them all (unit null), or
     * one string with a range of units ({@code INTERVAL '1:30' MINUTE TO SECOND}: unit MINUTE, toUnit SECOND).
     */
    record IntervalLiteral(List<IntervalPart> parts, Span span) implements Ast {
        public IntervalLiteral {
            parts = List.copyOf(parts);
        }
    }

    record IntervalPart(String value, String unit, String toUnit, Span span) {}

    record ColumnRef(String name, Span span) implements Ast {}

    /** {@code *}, only as the argument of {@code count(*)}. */
    record Star(Span span) implements Ast {}

    /** {@code base.field} on a struct. */
    record FieldAccess(Ast base, String field, Span span) implements Ast {}

    /** {@code base[index]} on an array. */
    record Subscript(Ast base, Ast index, Span span) implements Ast {}

    enum UnaryOp { NEGATE, PLUS, NOT, BIT_NOT }

    record Unary(UnaryOp op, Ast operand, Span span) implements Ast {}

    enum BinaryOp {
        ADD("+"), SUBTRACT("-"), MULTIPLY("*"), DIVIDE("/"), REMAINDER("%"), DIV("div"), CONCAT("||"),
        EQ("="), NULL_SAFE_EQ("<=>"), NOT_EQ("!="), LT("<"), LE("<="), GT(">"), GE(">="), AND("AND"), OR("OR"),
        BIT_AND("&"), BIT_OR("|"), BIT_XOR("^"), SHIFT_LEFT("<<"), SHIFT_RIGHT(">>"), SHIFT_RIGHT_UNSIGNED(">>>");

        private final String symbol;

        BinaryOp(String symbol) {
            this.symbol = symbol;
        }

        /** How Spark prints the operator in generated column names. */
        public String symbol() {
            return symbol;
        }
    }

    record Binary(BinaryOp op, Ast left, Ast right, Span span) implements Ast {}

    record IsNull(Ast operand, boolean negated, Span span) implements Ast {}

    record In(Ast value, List<Ast> list, boolean negated, Span span) implements Ast {
        public In {
            list = List.copyOf(list);
        }
    }

    record Between(Ast value, Ast low, Ast high, boolean negated, Span span) implements Ast {}

    /** LIKE (regex false, optional escape character) or RLIKE/REGEXP (regex true). */
    record Like(Ast value, Ast pattern, Character escape, boolean regex, boolean negated, Span span) implements Ast {}

    record When(Ast condition, Ast result) {}

    /** {@code CASE [operand] WHEN .. THEN .. [ELSE ..] END}; operand and otherwise may be null. */
    record Case(Ast operand, List<When> whens, Ast otherwise, Span span) implements Ast {
        public Case {
            whens = List.copyOf(whens);
        }
    }

    record Cast(Ast operand, DataType target, boolean isTry, Span span) implements Ast {}

    /**
     * {@code expr AS name} (or {@code expr name}) as an argument of {@code struct(...)}, where Spark's grammar takes
     * named expressions and the alias names the field; nowhere else.
     */
    record Alias(Ast expression, String name, Span span) implements Ast {
        public Alias {
            requireNonNull(expression, "expression is null");
            requireNonNull(name, "name is null");
        }
    }

    /**
     * A function call; {@code nameSpan} is where the name is, for unknown-function problems. Spark's row constructor
     * {@code (a, b)} is a call of {@link #ROW_CONSTRUCTOR}, a name no identifier can spell: struct(a, b) by another
     * generated name.
     */
    record Call(String function, List<Ast> args, Span nameSpan, Span span) implements Ast {
        public static final String ROW_CONSTRUCTOR = "(row)";

        public Call {
            requireNonNull(function, "function is null");
            args = List.copyOf(args);
        }
    }

    /**
     * {@code x -> body} or {@code (x, i) -> body}, only as an argument of a higher-order function such as transform;
     * the parameters shadow columns of the same name inside the body.
     */
    record Lambda(List<String> params, Ast body, Span span) implements Ast {
        public Lambda {
            params = List.copyOf(params);
            requireNonNull(body, "body is null");
        }
    }
}
