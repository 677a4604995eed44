package sluice.engine.expr.functions;

import java.util.List;

/** The conditional functions (Spark's conditional_funcs). */
final class ConditionalDocs {
    private ConditionalDocs() {
    }

    static List<SqlFunction> all() {
        return new Docs(FunctionGroup.CONDITIONAL)
                .add("coalesce", "coalesce(expr1, expr2, ...)", "The first argument that is not NULL",
                        "coalesce(NULL, 2, 3)", "2")
                .add("nvl ifnull", "nvl(expr1, expr2)", "expr1, or expr2 where expr1 is NULL", "nvl(NULL, 'x')", "x")
                .add("nvl2", "nvl2(expr1, expr2, expr3)", "expr2 where expr1 is not NULL, else expr3",
                        "nvl2(NULL, 'set', 'unset')", "unset")
                .add("nullif", "nullif(expr1, expr2)", "NULL where expr1 equals expr2, else expr1", "nullif(5, 5)",
                        "NULL")
                .add("if", "if(cond, expr1, expr2)", "expr1 where cond is true, else expr2 (also for NULL)",
                        "if(1 < 2, 'yes', 'no')", "yes")
                .add("when", "CASE WHEN cond1 THEN expr1 [WHEN cond2 THEN expr2]* [ELSE expr3] END; "
                        + "when(cond1, expr1[, cond2, expr2]...[, expr3])",
                        "The expr of the first true condition, else the ELSE value or NULL",
                        "CASE WHEN 1 > 2 THEN 'a' WHEN 2 > 1 THEN 'b' END", "b")
                .add("between", "expr1 [NOT] BETWEEN expr2 AND expr3; between(expr1, expr2, expr3)",
                        "Whether expr1 is at least expr2 and at most expr3", "3 BETWEEN 1 AND 5", "true")
                .add("nanvl", "nanvl(expr1, expr2)", "expr1, or expr2 where expr1 is NaN",
                        "nanvl(CAST('NaN' AS DOUBLE), 0)", "0.0")
                .add("nullifzero", "nullifzero(expr)", "NULL where expr is 0, else expr", "nullifzero(0)", "NULL")
                .add("zeroifnull", "zeroifnull(expr)", "0 where expr is NULL, else expr", "zeroifnull(NULL)", "0")
                .functions();
    }
}
