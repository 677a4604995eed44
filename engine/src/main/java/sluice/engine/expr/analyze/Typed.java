package sluice.engine.expr.analyze;

import static java.util.Objects.requireNonNull;

import java.util.List;
import sluice.engine.expr.lex.Span;
import sluice.engine.types.AtomicType;
import sluice.engine.types.DataType;

/**
 * An expression with names bound and types checked; every implicit conversion is an explicit {@link Cast} node.
 * {@code sql()} is Spark's generated column name for the node. Made by Analyzer, consumed by the compiler.
 */
public sealed interface Typed permits Typed.Constant, Typed.Column, Typed.Cast, Typed.Arithmetic, Typed.Negate,
        Typed.Comparison, Typed.Logical, Typed.Not, Typed.IsNull, Typed.In, Typed.CaseWhen, Typed.Call,
        Typed.TryEval, Typed.LambdaVariable, Typed.Lambda {
    DataType type();

    boolean nullable();

    Span span();

    String sql();

    /** A literal; {@code value} is in stored form (Long for INT, BIGINT, DATE, TIMESTAMP, INTERVAL) or null. */
    record Constant(Object value, DataType type, Span span, String sql) implements Typed {
        @Override
        public boolean nullable() {
            return value == null;
        }
    }

    /**
     * An input column: {@code name} as the schema has it, {@code written} as the user spelt it. Spark resolves names
     * case-insensitively but names output columns with the user's spelling ({@code CITY},
     * {@code CAST((AGE + 1) AS STRING)}).
     */
    record Column(int index, String name, String written, DataType type, boolean nullable, Span span)
            implements Typed {
        @Override
        public String sql() {
            return written;
        }
    }

    /** A conversion; implicit ones have the operand's name, explicit ones Spark's {@code CAST(x AS T)}. */
    record Cast(Typed operand, DataType type, boolean isTry, Span span, String sql) implements Typed {
        @Override
        public boolean nullable() {
            // ANSI casts fail instead of returning null, except from strings that may be malformed under TRY_CAST.
            return operand.nullable() || isTry;
        }
    }

    /** PMOD is {@code pmod(a, b)}: typed as REMAINDER, with a result of the divisor's sign as Spark's Pmod. */
    enum ArithmeticOp { ADD, SUBTRACT, MULTIPLY, DIVIDE, REMAINDER, DIV, PMOD }

    /**
     * Both operands already have {@code type}'s kind (or, for DIV, one integral or decimal type). With {@code isTry}
     * a row that overflows or divides by zero is null instead of an error: Spark's TRY eval mode, which
     * {@code try_add} and its kin use on numbers.
     */
    record Arithmetic(ArithmeticOp op, Typed left, Typed right, DataType type, Span span, String sql, boolean isTry)
            implements Typed {
        public Arithmetic(ArithmeticOp op, Typed left, Typed right, DataType type, Span span, String sql) {
            this(op, left, right, type, span, sql, false);
        }

        /** The same operation in TRY mode. */
        public Arithmetic asTry() {
            return new Arithmetic(op, left, right, type, span, sql, true);
        }

        @Override
        public boolean nullable() {
            return true;
        }
    }

    record Negate(Typed operand, Span span, String sql) implements Typed {
        @Override
        public DataType type() {
            return operand.type();
        }

        @Override
        public boolean nullable() {
            return operand.nullable();
        }
    }

    enum ComparisonOp { EQ, NULL_SAFE_EQ, LT, LE, GT, GE }

    /** Both operands have the same type. */
    record Comparison(ComparisonOp op, Typed left, Typed right, Span span, String sql) implements Typed {
        @Override
        public DataType type() {
            return AtomicType.BOOLEAN;
        }

        @Override
        public boolean nullable() {
            return op != ComparisonOp.NULL_SAFE_EQ && (left.nullable() || right.nullable());
        }
    }

    record Logical(boolean isAnd, Typed left, Typed right, Span span, String sql) implements Typed {
        @Override
        public DataType type() {
            return AtomicType.BOOLEAN;
        }

        @Override
        public boolean nullable() {
            return left.nullable() || right.nullable();
        }
    }

    record Not(Typed operand, Span span, String sql) implements Typed {
        @Override
        public DataType type() {
            return AtomicType.BOOLEAN;
        }

        @Override
        public boolean nullable() {
            return operand.nullable();
        }
    }

    record IsNull(Typed operand, boolean negated, Span span, String sql) implements Typed {
        @Override
        public DataType type() {
            return AtomicType.BOOLEAN;
        }

        @Override
        public boolean nullable() {
            return false;
        }
    }

    /** {@code value IN (list)}; all have one type. */
    record In(Typed value, List<Typed> list, Span span, String sql) implements Typed {
        public In {
            list = List.copyOf(list);
        }

        @Override
        public DataType type() {
            return AtomicType.BOOLEAN;
        }

        @Override
        public boolean nullable() {
            return value.nullable() || list.stream().anyMatch(Typed::nullable);
        }
    }

    /** Searched CASE; {@code otherwise} is never null (a NULL constant when the user wrote no ELSE). */
    record CaseWhen(List<Typed> conditions, List<Typed> results, Typed otherwise, DataType type, Span span,
            String sql) implements Typed {
        public CaseWhen {
            conditions = List.copyOf(conditions);
            results = List.copyOf(results);
            requireNonNull(otherwise, "otherwise is null");
        }

        @Override
        public boolean nullable() {
            return otherwise.nullable() || results.stream().anyMatch(Typed::nullable);
        }
    }

    /** A function (by its canonical lower-case name), with arguments already coerced to what it takes. */
    record Call(String function, List<Typed> args, DataType type, boolean nullable, Span span, String sql)
            implements Typed {
        public Call {
            requireNonNull(function, "function is null");
            args = List.copyOf(args);
        }
    }

    /**
     * Spark's TryEval: {@code operand}, with null for every row whose evaluation fails anywhere inside it. Made for
     * {@code try_add} and its kin when an argument is not a number (a date, an interval, a string to convert).
     */
    record TryEval(Typed operand, Span span, String sql) implements Typed {
        @Override
        public DataType type() {
            return operand.type();
        }

        @Override
        public boolean nullable() {
            return true;
        }
    }

    /**
     * A parameter of a lambda. The body of a lambda is evaluated over a batch of elements that holds the input's
     * columns (one row per element) followed by the variables of every enclosing lambda and then its own, so the
     * variable is the column at {@code index} there. Spark names it {@code namedlambdavariable()}.
     */
    record LambdaVariable(String name, int index, DataType type, boolean nullable, Span span) implements Typed {
        @Override
        public String sql() {
            return "namedlambdavariable()";
        }
    }

    /** {@code (x, i) -> body}; named as Spark's {@code lambdafunction(body, x, i)}. */
    record Lambda(List<LambdaVariable> params, Typed body, Span span) implements Typed {
        public Lambda {
            params = List.copyOf(params);
            requireNonNull(body, "body is null");
        }

        @Override
        public DataType type() {
            return body.type();
        }

        @Override
        public boolean nullable() {
            return body.nullable();
        }

        @Override
        public String sql() {
            StringBuilder sql = new StringBuilder("lambdafunction(").append(body.sql());
            params.forEach(param -> sql.append(", ").append(param.sql()));
            return sql.append(')').toString();
        }
    }
}
