package sluice.engine.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static sluice.engine.expr.ExpressionFixture.eval;
import static sluice.engine.expr.ExpressionFixture.first;

import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * One behaviour per function of {@link ExpressionCompiler#functionNames()}, on a row with values and on a row of
 * nulls. Expected values follow Spark 4's documented results (sql-tests golden files string-functions, math,
 * date, conditional-functions, json-functions) for the same inputs.
 */
class FunctionsTest {
    static Stream<Arguments> calls() {
        return Stream.of(
                call("abs", "abs(-x)", "2.5", "null"),
                call("array", "array(i, NULL)", "[3, null]", "[null, null]"),
                call("base64", "base64(s)", "SGVsbG8gV29ybGQ=", "null"),
                call("bit_length", "bit_length(s)", "88", "null"),
                call("bround", "bround(x)", "2.0", "null"),
                call("cardinality", "cardinality(split(s, ' '))", "2", "null"),
                call("cbrt", "cbrt(i * 9)", "3.0", "null"),
                call("ceil", "ceil(x)", "3", "null"),
                call("ceiling", "ceiling(x)", "3", "null"),
                call("char_length", "char_length(s)", "11", "null"),
                call("character_length", "character_length(s)", "11", "null"),
                call("coalesce", "coalesce(s, 'z')", "Hello World", "z"),
                call("concat", "concat(s, '!')", "Hello World!", "null"),
                call("concat_ws", "concat_ws('-', s, 'z')", "Hello World-z", "z"),
                call("cos", "cos(x - x)", "1.0", "null"),
                call("current_date", "current_date()", "1970-01-01", "1970-01-01"),
                call("current_timestamp", "current_timestamp()", "1970-01-01T00:00:00Z", "1970-01-01T00:00:00Z"),
                call("date_add", "date_add(d, i)", "2015-01-05", "null"),
                call("date_format", "date_format(ts, 'yyyy-MM-dd HH:mm')", "2015-01-02 10:20", "null"),
                call("date_sub", "date_sub(d, i)", "2014-12-30", "null"),
                call("datediff", "datediff(d, DATE '2015-01-01')", "1", "null"),
                call("decode", "decode(encode(s, 'UTF-16LE'), 'utf-16le')", "Hello World", "null"),
                call("day", "day(d)", "2", "null"),
                call("dayofmonth", "dayofmonth(d)", "2", "null"),
                call("dayofweek", "dayofweek(d)", "6", "null"),
                call("dayofyear", "dayofyear(d)", "2", "null"),
                call("element_at", "element_at(split(s, ' '), 2)", "World", "null"),
                call("encode", "encode(s, 'US-ASCII')", "[48 65 6C 6C 6F 20 57 6F 72 6C 64]", "null"),
                call("exp", "exp(x - x)", "1.0", "null"),
                call("floor", "floor(x)", "2", "null"),
                call("from_json", "from_json(j, 'a INT, b STRING').b", "x", "null"),
                call("greatest", "greatest(x, i)", "3.0", "null"),
                call("hex", "hex(i + 252)", "FF", "null"),
                call("hour", "hour(ts)", "10", "null"),
                call("if", "if(b, 'y', 'n')", "y", "n"),
                call("ifnull", "ifnull(s, 'z')", "Hello World", "z"),
                call("initcap", "initcap(lower(s))", "Hello World", "null"),
                call("instr", "instr(s, 'World')", "7", "null"),
                call("isnotnull", "isnotnull(s)", "true", "false"),
                call("isnull", "isnull(s)", "false", "true"),
                call("lcase", "lcase(s)", "hello world", "null"),
                call("least", "least(x, i)", "2.5", "null"),
                call("length", "length(s)", "11", "null"),
                call("map", "map('k', i)", "MapValue[keys=[k], values=[3]]", "MapValue[keys=[k], values=[null]]"),
                call("ln", "ln(x - x + 1)", "0.0", "null"),
                call("log", "log(2, i + 5)", "3.0", "null"),
                call("log10", "log10(x * 4)", "1.0", "null"),
                call("log2", "log2(i + 1)", "2.0", "null"),
                call("lower", "lower(s)", "hello world", "null"),
                call("lpad", "lpad(s, 13, '*')", "**Hello World", "null"),
                call("ltrim", "ltrim(concat('  ', s))", "Hello World", "null"),
                call("minute", "minute(ts)", "20", "null"),
                call("month", "month(d)", "1", "null"),
                call("now", "now()", "1970-01-01T00:00:00Z", "1970-01-01T00:00:00Z"),
                call("named_struct", "named_struct('a', i)", "Row[values=[3]]", "Row[values=[null]]"),
                call("nullif", "nullif(i, 4)", "3", "null"),
                call("nvl", "nvl(s, 'z')", "Hello World", "z"),
                call("nvl2", "nvl2(s, 'y', 'n')", "y", "n"),
                call("octet_length", "octet_length(concat(s, '\u00e9'))", "13", "null"),
                call("pmod", "pmod(-i, 5)", "2", "null"),
                call("positive", "positive(-i)", "-3", "null"),
                call("pow", "pow(x, 2)", "6.25", "null"),
                call("power", "power(x, 2)", "6.25", "null"),
                call("quarter", "quarter(d)", "1", "null"),
                call("regexp_extract", "regexp_extract(s, '([A-Z])[a-z]+ ([A-Z])', 2)", "W", "null"),
                call("regexp_replace", "regexp_replace(s, 'o', '0')", "Hell0 W0rld", "null"),
                call("reverse", "reverse(s)", "dlroW olleH", "null"),
                call("round", "round(x)", "3.0", "null"),
                call("rpad", "rpad(s, 13, '*')", "Hello World**", "null"),
                call("rtrim", "rtrim(concat(s, '  '))", "Hello World", "null"),
                call("second", "second(ts)", "30", "null"),
                call("sin", "sin(x - x)", "0.0", "null"),
                call("size", "size(split(s, ' '))", "2", "null"),
                call("split", "split(s, ' ')", "[Hello, World]", "null"),
                call("sqrt", "sqrt(x * 10)", "5.0", "null"),
                call("substr", "substr(s, 7)", "World", "null"),
                call("substring", "substring(s, 1, 5)", "Hello", "null"),
                call("struct", "struct(i)", "Row[values=[3]]", "Row[values=[null]]"),
                call("tan", "tan(x - x)", "0.0", "null"),
                call("to_date", "to_date(concat('2015/03/0', i), 'yyyy/MM/dd')", "2015-03-03", "null"),
                call("to_json", "to_json(from_json(j, 'a INT, b STRING'))", "{\"a\":1,\"b\":\"x\"}", "null"),
                call("to_timestamp", "to_timestamp(concat('2015-03-04 05:0', i), 'yyyy-MM-dd HH:mm')",
                        "2015-03-04T05:03:00Z", "null"),
                call("trim", "trim(concat(' ', s, ' '))", "Hello World", "null"),
                call("try_add", "try_add(i, 2)", "5", "null"),
                call("try_divide", "try_divide(i, 2)", "1.5", "null"),
                call("try_element_at", "try_element_at(split(s, ' '), 2)", "World", "null"),
                call("try_mod", "try_mod(i, 2)", "1", "null"),
                call("try_multiply", "try_multiply(i, 2)", "6", "null"),
                call("try_subtract", "try_subtract(i, 2)", "1", "null"),
                call("try_to_date", "try_to_date(concat('2015/03/0', i), 'yyyy/MM/dd')", "2015-03-03", "null"),
                call("try_to_timestamp", "try_to_timestamp(concat('2015-03-04 05:0', i), 'yyyy-MM-dd HH:mm')",
                        "2015-03-04T05:03:00Z", "null"),
                call("ucase", "ucase(s)", "HELLO WORLD", "null"),
                call("unbase64", "unbase64(base64(s))", "[48 65 6C 6C 6F 20 57 6F 72 6C 64]", "null"),
                call("unhex", "unhex(hex(s))", "[48 65 6C 6C 6F 20 57 6F 72 6C 64]", "null"),
                call("unix_timestamp", "unix_timestamp(ts)", "1420194030", "null"),
                call("upper", "upper(s)", "HELLO WORLD", "null"),
                call("year", "year(d)", "2015", "null"));
    }

    private static Arguments call(String function, String expression, String withValues, String withNulls) {
        return Arguments.of(function, expression, withValues, withNulls);
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("calls")
    void functionComputesSparksValueAndHandlesNullInput(String function, String expression, String withValues,
            String withNulls) {
        List<Object> values = eval(expression);

        assertThat(String.valueOf(values.get(0))).isEqualTo(withValues);
        assertThat(String.valueOf(values.get(1))).isEqualTo(withNulls);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "pmod(7, 3)                 | 1",
        "pmod(-7, 3)                | 2",
        "pmod(7, -3)                | 1",
        "pmod(-7, -3)               | -1",
        "pmod(-1, -2147483648)      | 2147483647",
        "pmod(-7L, 3L)              | 2",
        "pmod(-x, 2)                | 1.5",
        "pmod(-p, 1)                | 0.50",
        "pmod(-p, 1.25)             | 1.00",
    })
    void pmodIsNeverNegativeForAPositiveDivisor(String expression, String value) {
        // Spark's Pmod: r = a % n; r < 0 ? (r + n) % n : r, with r + n wrapping in int for INT (the -1 row).
        assertThat(first(expression)).isEqualTo(value);
    }

    @Test
    void everyFunctionNameHasABehaviourCase() {
        TreeSet<String> covered = new TreeSet<>();
        calls().forEach(arguments -> covered.add((String) arguments.get()[0]));

        assertThat(covered).containsExactlyElementsOf(ExpressionCompiler.functionNames());
    }
}
