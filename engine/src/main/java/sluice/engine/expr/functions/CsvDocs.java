package sluice.engine.expr.functions;

import java.util.List;

/** The CSV functions (Spark's csv_funcs). */
final class CsvDocs {
    private CsvDocs() {
    }

    static List<SqlFunction> all() {
        return new Docs(FunctionGroup.CSV)
                .add("schema_of_csv", "schema_of_csv(csv[, options])",
                        "The schema Spark infers from one constant CSV record, as DDL: INT, BIGINT, DECIMAL, DOUBLE, "
                        + "DATE, TIMESTAMP, BOOLEAN or STRING for each value, named _c0, _c1, ...; options "
                        + "map('sep', ';', ...) as Spark's read options sep, quote, escape, nullValue, nanValue, "
                        + "positiveInf, negativeInf, dateFormat and timestampFormat",
                        "schema_of_csv('1,abc')", "STRUCT<_c0: INT, _c1: STRING>")
                .add("to_csv", "to_csv(expr[, options])",
                        "A struct as one CSV record, quoted as Spark's CSV writer quotes; options map('sep', ';', ...) "
                        + "as Spark's write options sep, quote, escape, nullValue, emptyValue, quoteAll, escapeQuotes, "
                        + "dateFormat and timestampFormat",
                        "to_csv(named_struct('a', 1, 'b', 'x,y'))", "1,\"x,y\"")
                .functions();
    }
}
