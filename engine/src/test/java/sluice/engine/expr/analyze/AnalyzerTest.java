package sluice.engine.expr.analyze;

import static org.assertj.core.api.Assertions.assertThat;
import static sluice.engine.expr.ExpressionFixture.at;
import static sluice.engine.expr.ExpressionFixture.compile;
import static sluice.engine.expr.ExpressionFixture.compileProblem;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.Problem;
import sluice.engine.expr.SchemaParser;

/**
 * Names, types and coercions the analyzer gives, against the column names and types in Spark 4's sql-tests golden
 * files (the "-- !query schema" lines of math, string-functions, predicate-functions, conditional-functions, cast,
 * date and literals .sql.out), and the analyzer's errors with their positions.
 */
class AnalyzerTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '"', value = {
        "Close - Open                         => (Close - Open)",
        "i + 1                                => (i + 1)",
        "upper(Name)                          => upper(Name)",
        "UPPER(Name)                          => upper(Name)",
        "log(x)                               => LOG(E(), x)",
        "log(2, x)                            => LOG(2, x)",
        "ln(x)                                => ln(x)",
        "power(x, 2)                          => POWER(x, 2)",
        "pow(x, 2)                            => pow(x, 2)",
        "sqrt(x)                              => SQRT(x)",
        "exp(x)                               => EXP(x)",
        "log10(x)                             => LOG10(x)",
        "floor(x)                             => FLOOR(x)",
        "ceil(x)                              => CEIL(x)",
        "ceiling(x)                           => ceiling(x)",
        "round(x)                             => round(x, 0)",
        "round(Close - Open, 2)               => round((Close - Open), 2)",
        "bround(x, 1)                         => bround(x, 1)",
        "substring(s, 2)                      => substring(s, 2, 2147483647)",
        "s RLIKE 'a+'                         => RLIKE(s, a+)",
        "s LIKE 'a%'                          => s LIKE a%",
        "i BETWEEN 1 AND 5                    => between(i, 1, 5)",
        "i NOT BETWEEN 1 AND 5                => (NOT between(i, 1, 5))",
        "I + 1 BETWEEN 1 AND 5                => between((I + 1), 1, 5)",
        "NOT b                                => (NOT b)",
        "i != 2                               => (NOT (i = 2))",
        "s IS NULL                            => (s IS NULL)",
        "s IS NOT NULL                        => (s IS NOT NULL)",
        "i IN (1, 2)                          => (i IN (1, 2))",
        "-x                                   => (- x)",
        "CAST(i AS STRING)                    => i",
        "cast(I as string)                    => I",
        "TRY_CAST(s AS INT)                   => s",
        "CAST(CAST(i AS BIGINT) AS STRING)    => i",
        "CAST(i + 1 AS STRING)                => CAST((i + 1) AS STRING)",
        "CAST(7 AS BIGINT)                    => CAST(7 AS BIGINT)",
        "upper(CAST(i AS STRING))             => upper(CAST(i AS STRING))",
        "NAME                                 => NAME",
        "upper(NAME)                          => upper(NAME)",
        "pmod(i, 5)                           => pmod(i, 5)",
        "CASE WHEN i > 1 THEN 'a' ELSE 'b' END => CASE WHEN (i > 1) THEN a ELSE b END",
        "CASE i WHEN 1 THEN 'a' END           => CASE WHEN (i = 1) THEN a END",
        "concat_ws(',', s, 'x')               => concat_ws(,, s, x)",
        "s || 'x'                             => concat(s, x)",
        "if(b, 1, 2)                          => (IF(b, 1, 2))",
        "nvl(i, 0)                            => nvl(i, 0)",
        "coalesce(i, 0)                       => coalesce(i, 0)",
        "DATE '2015-01-02'                    => DATE '2015-01-02'",
        "'it''s'                              => it's",
        "1.50                                 => 1.50",
        "1.5D                                 => 1.5",
        "5L                                   => 5",
        "NULL                                 => NULL",
        "current_timestamp()                  => current_timestamp()",
        "d + 1                                => date_add(d, 1)",
        "Close - Open AS change               => change",
    })
    void generatedNameIsSparks(String expression, String name) {
        assertThat(compile(expression).name()).isEqualTo(name);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "i + 1                       | INT",
        "i + n                       | BIGINT",
        "i + x                       | DOUBLE",
        "i / 2                       | DOUBLE",
        "i DIV 2                     | BIGINT",
        "p + p                       | DECIMAL(11,2)",
        "p * p                       | DECIMAL(21,4)",
        "p / p                       | DECIMAL(23,13)",
        "p * 2                       | DECIMAL(12,2)",
        "1.0 / 3                     | DECIMAL(7,6)",
        "p + 1.5D                    | DOUBLE",
        "round(p, 1)                 | DECIMAL(10,1)",
        "round(2.5)                  | DECIMAL(2,0)",
        "floor(x)                    | BIGINT",
        "s + 1                       | BIGINT",
        "CASE WHEN b THEN 1 ELSE 2.5 END | DECIMAL(11,1)",
        "if(b, 1, 2L)                | BIGINT",
        "coalesce(i, n)              | BIGINT",
        "greatest(i, x)              | DOUBLE",
        "d + INTERVAL 1 DAY          | DATE",
        "d + INTERVAL 1 HOUR         | TIMESTAMP",
        "INTERVAL 1 HOUR * 2         | INTERVAL DAY TO SECOND",
        "INTERVAL 1 HOUR + INTERVAL '1' DAY | INTERVAL DAY TO HOUR",
        "length(s)                   | INT",
        "split(s, ' ')               | ARRAY<STRING>",
        "pmod(i, 5)                  | INT",
        "pmod(n, i)                  | BIGINT",
        "pmod(x, 2)                  | DOUBLE",
        "pmod(p, 7)                  | DECIMAL(3,2)",
        "pmod(p, 2.5)                | DECIMAL(3,2)",
    })
    void resultTypeFollowsAnsiCoercion(String expression, String type) {
        assertThat(compile(expression).type().sql()).isEqualTo(type);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "Nmae + 1    | UNKNOWN_COLUMN   | 1 | 1  | unknown column 'Nmae'; did you mean 'Name'?",
        "uper(s)     | UNKNOWN_FUNCTION | 1 | 1  | unknown function 'uper'; did you mean 'upper'?",
        "upper(s, s) | WRONG_ARGUMENTS  | 1 | 1  | function 'upper' takes 1 argument but 2 were given",
        "substring(s) | WRONG_ARGUMENTS | 1 | 1  | function 'substring' takes 2 to 3 arguments but 1 was given",
        "b + 1       | TYPE_MISMATCH    | 1 | 1  | '+' requires a numeric type but 'b' has type BOOLEAN",
        "1 + b       | TYPE_MISMATCH    | 1 | 5  | '+' requires a numeric type but 'b' has type BOOLEAN",
        "round(x, i) | TYPE_MISMATCH    | 1 | 10 | round scale requires a constant INT but 'i' has type INT",
        "date_add(d, 1.5) | TYPE_MISMATCH | 1 | 13 | date_add argument 2 requires INT but '1.5' has type DECIMAL(2,1)",
        "NOT i       | TYPE_MISMATCH    | 1 | 5  | NOT requires BOOLEAN but 'i' has type INT",
        "pmod(b, 2)  | TYPE_MISMATCH    | 1 | 6  | pmod requires a numeric type but 'b' has type BOOLEAN",
        "pmod(i)     | WRONG_ARGUMENTS  | 1 | 1  | function 'pmod' takes 2 arguments but 1 was given",
    })
    void analysisErrorHasCodePositionAndMessage(String expression, ErrorCode code, int line, int column,
            String message) {
        Problem problem = compileProblem(expression);

        assertThat(problem.code()).isEqualTo(code);
        assertThat(problem.where()).isEqualTo(at(line, column));
        assertThat(problem.message()).isEqualTo(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"TINYINT, TINYINT", "byte, TINYINT", "SMALLINT, SMALLINT", "Short, SMALLINT", "BINARY, BINARY"})
    void typeNamesReadAsSparksTypes(String written, String type) {
        assertThat(SchemaParser.parse("v " + written, sluice.engine.expr.ExpressionFixture.WHERE).field(0).type().sql())
                .isEqualTo(type);
    }
}
