package sluice.engine.expr.functions;

import java.util.List;

/** The CSV functions (Spark's csv_funcs). */
final class CsvDocs {
    private CsvDocs() {
    }

    static List<SqlFunction> all() {
        return new Docs(FunctionGroup.CSV)
                .add("to_csv", "to_csv(expr[, options])",
                        "A struct as one CSV record, quoted as Spark's CSV writer quotes; options map('sep', ';', ...) "
                        + "as Spark's write options sep, quote, escape, nullValue, emptyValue, quoteAll, escapeQuotes, "
                        + "dateFormat and timestampFormat",
                        "to_csv(named_struct('a', 1, 'b', 'x,y'))", "1,\"x,y\"")
                .functions();
    }
}
