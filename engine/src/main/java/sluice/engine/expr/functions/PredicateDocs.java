package sluice.engine.expr.functions;

import java.util.List;

/** Comparisons, logic and tests (Spark's predicate_funcs). */
final class PredicateDocs {
    private PredicateDocs() {
    }

    static List<SqlFunction> all() {
        return new Docs(FunctionGroup.PREDICATE)
                .operator("=", "expr1 = expr2", "Whether both are equal; NULL if either is NULL", "2 = 2.0", "true")
                .operator("==", "expr1 == expr2", "Whether both are equal; NULL if either is NULL", "'a' == 'b'",
                        "false")
                .operator("<=>", "expr1 <=> expr2", "Whether both are equal, a NULL being equal only to NULL",
                        "NULL <=> NULL", "true")
                .operator("<", "expr1 < expr2", "Whether expr1 is less than expr2", "1 < 2", "true")
                .operator("<=", "expr1 <= expr2", "Whether expr1 is at most expr2", "2 <= 2", "true")
                .operator(">", "expr1 > expr2", "Whether expr1 is greater than expr2", "DATE '2024-01-02' > "
                        + "DATE '2024-01-01'", "true")
                .operator(">=", "expr1 >= expr2", "Whether expr1 is at least expr2", "'b' >= 'a'", "true")
                .operator("!", "! expr", "Logical negation", "! true", "false")
                .operator("not", "NOT expr", "Logical negation", "NOT false", "true")
                .operator("and", "expr1 AND expr2", "Logical and; false wins over NULL", "NULL AND false", "false")
                .operator("or", "expr1 OR expr2", "Logical or; true wins over NULL", "NULL OR true", "true")
                .operator("in", "expr [NOT] IN (expr1, expr2, ...)", "Whether expr equals one of the values",
                        "2 IN (1, 2, 3)", "true")
                .add("equal_null", "equal_null(expr1, expr2)", "expr1 <=> expr2: equality where NULL equals NULL",
                        "equal_null(NULL, NULL)", "true")
                .add("isnan", "isnan(expr)", "Whether expr is NaN (false for NULL)", "isnan(CAST('NaN' AS DOUBLE))",
                        "true")
                .add("isnull", "isnull(expr)", "Whether expr is NULL", "isnull(NULL)", "true")
                .add("isnotnull", "isnotnull(expr)", "Whether expr is not NULL", "isnotnull(1)", "true")
                .add("like", "str [NOT] LIKE pattern [ESCAPE escape]; like(str, pattern[, escape])",
                        "Whether str matches pattern, where _ is any one character and % any run of them",
                        "'Sluice' LIKE 'S%e'", "true")
                .add("ilike", "str [NOT] ILIKE pattern [ESCAPE escape]; ilike(str, pattern[, escape])",
                        "LIKE ignoring case", "'Sluice' ILIKE 's%E'", "true")
                .add("rlike regexp regexp_like", "str RLIKE regexp; rlike(str, regexp)",
                        "Whether the regular expression matches somewhere in str", "'abc123' RLIKE '[0-9]+'", "true")
                .functions();
    }
}
