package sluice.engine.expr.functions;

import java.util.List;

/** Casts, and the type names that work as casting functions (Spark's conversion_funcs). */
final class ConversionDocs {
    private ConversionDocs() {
    }

    static List<SqlFunction> all() {
        return new Docs(FunctionGroup.CONVERSION)
                .operator("cast", "CAST(expr AS type); expr::type",
                        "expr converted to type; a value that does not convert is an error (TRY_CAST gives NULL)",
                        "CAST('42' AS INT) + 1", "43")
                .add("boolean", "boolean(expr)", "CAST(expr AS BOOLEAN)", "boolean('true')", "true")
                .add("tinyint", "tinyint(expr)", "CAST(expr AS TINYINT)", "tinyint('12')", "12")
                .add("smallint", "smallint(expr)", "CAST(expr AS SMALLINT)", "smallint('12')", "12")
                .add("int", "int(expr)", "CAST(expr AS INT)", "int(12.7)", "12")
                .add("bigint", "bigint(expr)", "CAST(expr AS BIGINT)", "bigint('12')", "12")
                .add("float", "float(expr)", "CAST(expr AS FLOAT)", "float('1.5')", "1.5")
                .add("double", "double(expr)", "CAST(expr AS DOUBLE)", "double('1.5')", "1.5")
                .add("decimal", "decimal(expr)", "CAST(expr AS DECIMAL(10,0))", "decimal('12.5')", "13")
                .add("string", "string(expr)", "CAST(expr AS STRING)", "string(12)", "12")
                .add("binary", "binary(expr)", "CAST(expr AS BINARY)", "binary('ab')", "[61 62]")
                .add("date", "date(expr)", "CAST(expr AS DATE)", "date('2024-02-29')", "2024-02-29")
                .add("timestamp", "timestamp(expr)", "CAST(expr AS TIMESTAMP)", "timestamp('2024-02-29 12:00:00')",
                        "2024-02-29 12:00:00")
                .functions();
    }
}
