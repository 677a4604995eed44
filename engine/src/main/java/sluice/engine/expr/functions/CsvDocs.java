package sluice.engine.expr.functions;

import java.util.List;

/** The CSV functions (Spark's csv_funcs). */
final class CsvDocs {
    private CsvDocs() {
    }

    static List<SqlFunction> all() {
        return new Docs(FunctionGroup.CSV)
                .add("from_csv", "from_csv(csvStr, schema[, options])",
                        "One CSV record as a struct of the schema (a constant DDL string, every field nullable), read "
                        + "as Spark's CSV reader reads a line; a record of another length or with a value that does "
                        + "not convert is malformed: NULLs where it fails and the text in a _corrupt_record STRING "
                        + "field (mode PERMISSIVE), or an error (mode FAILFAST); options map('sep', ';', ...) as "
                        + "Spark's read options sep, quote, escape, comment, nullValue, emptyValue, nanValue, "
                        + "positiveInf, negativeInf, dateFormat, timestampFormat, timestampNTZFormat, mode, "
                        + "columnNameOfCorruptRecord, "
                        + "ignoreLeadingWhiteSpace and ignoreTrailingWhiteSpace",
                        "from_csv('1, 0.8', 'a INT, b DOUBLE')", "{1, 0.8}")
                .add("schema_of_csv", "schema_of_csv(csv[, options])",
                        "The schema Spark infers from one constant CSV record, as DDL: INT, BIGINT, DECIMAL, DOUBLE, "
                        + "DATE, TIMESTAMP, BOOLEAN or STRING for each value (text without a zone is a TIMESTAMP, as "
                        + "under Spark's default spark.sql.timestampType), named _c0, _c1, ...; options "
                        + "map('sep', ';', ...) as Spark's read options sep, quote, escape, nullValue, nanValue, "
                        + "positiveInf, negativeInf, dateFormat, timestampFormat and timestampNTZFormat",
                        "schema_of_csv('1,abc')", "STRUCT<_c0: INT, _c1: STRING>")
                .add("to_csv", "to_csv(expr[, options])",
                        "A struct as one CSV record, quoted as Spark's CSV writer quotes; options map('sep', ';', ...) "
                        + "as Spark's write options sep, quote, escape, nullValue, emptyValue, quoteAll, escapeQuotes, "
                        + "dateFormat, timestampFormat and timestampNTZFormat",
                        "to_csv(named_struct('a', 1, 'b', 'x,y'))", "1,\"x,y\"")
                .functions();
    }
}
