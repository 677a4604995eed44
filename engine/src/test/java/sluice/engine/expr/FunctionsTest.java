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
                call("acos", "acos(i - 3)", "1.5707963267948966", "null"),
                call("acosh", "acosh(i - 2)", "0.0", "null"),
                call("ascii", "ascii(s)", "72", "null"),
                call("asin", "asin(i - 3)", "0.0", "null"),
                call("asinh", "asinh(i - 3)", "0.0", "null"),
                call("atan", "atan(i - 3)", "0.0", "null"),
                call("atan2", "atan2(i - 3, 1)", "0.0", "null"),
                call("atanh", "atanh(i - 3)", "0.0", "null"),
                call("base64", "base64(s)", "SGVsbG8gV29ybGQ=", "null"),
                call("between", "between(i, 1, 5)", "true", "null"),
                call("bigint", "bigint(x)", "2", "null"),
                call("bin", "bin(i)", "11", "null"),
                call("binary", "binary(s)", "[48 65 6C 6C 6F 20 57 6F 72 6C 64]", "null"),
                call("bit_count", "bit_count(i)", "2", "null"),
                call("bit_get", "bit_get(i, 1)", "1", "null"),
                call("bit_length", "bit_length(s)", "88", "null"),
                call("boolean", "boolean(i)", "true", "null"),
                call("bround", "bround(x)", "2.0", "null"),
                call("btrim", "btrim(s, 'Hd')", "ello Worl", "null"),
                call("cardinality", "cardinality(split(s, ' '))", "2", "null"),
                call("cbrt", "cbrt(i * 9)", "3.0", "null"),
                call("ceil", "ceil(x)", "3", "null"),
                call("ceiling", "ceiling(x)", "3", "null"),
                call("char", "char(i + 62)", "A", "null"),
                call("char_length", "char_length(s)", "11", "null"),
                call("character_length", "character_length(s)", "11", "null"),
                call("chr", "chr(i + 62)", "A", "null"),
                call("coalesce", "coalesce(s, 'z')", "Hello World", "z"),
                call("collate", "collate(s, 'UTF8_BINARY')", "Hello World", "null"),
                call("collation", "collation(s)", "SYSTEM.BUILTIN.UTF8_BINARY", "SYSTEM.BUILTIN.UTF8_BINARY"),
                call("concat", "concat(s, '!')", "Hello World!", "null"),
                call("concat_ws", "concat_ws('-', s, 'z')", "Hello World-z", "z"),
                call("contains", "contains(s, 'o W')", "true", "null"),
                call("conv", "conv(s, 36, 10)", "29234652", "null"),
                call("cos", "cos(x - x)", "1.0", "null"),
                call("cosh", "cosh(i - 3)", "1.0", "null"),
                call("cot", "cot(x - x + 1)", "0.6420926159343306", "null"),
                call("crc32", "crc32(s)", "1243066710", "null"),
                call("csc", "csc(x - x + 1)", "1.1883951057781212", "null"),
                call("current_date", "current_date()", "1970-01-01", "1970-01-01"),
                call("current_timestamp", "current_timestamp()", "1970-01-01T00:00:00Z", "1970-01-01T00:00:00Z"),
                call("date", "date(ts)", "2015-01-02", "null"),
                call("date_add", "date_add(d, i)", "2015-01-05", "null"),
                call("date_format", "date_format(ts, 'yyyy-MM-dd HH:mm')", "2015-01-02 10:20", "null"),
                call("date_sub", "date_sub(d, i)", "2014-12-30", "null"),
                call("datediff", "datediff(d, DATE '2015-01-01')", "1", "null"),
                call("decimal", "decimal(x)", "3", "null"),
                call("decode", "decode(encode(s, 'UTF-16LE'), 'utf-16le')", "Hello World", "null"),
                call("day", "day(d)", "2", "null"),
                call("dayofmonth", "dayofmonth(d)", "2", "null"),
                call("dayofweek", "dayofweek(d)", "6", "null"),
                call("dayofyear", "dayofyear(d)", "2", "null"),
                call("degrees", "degrees(i - 3)", "0.0", "null"),
                call("double", "double(i)", "3.0", "null"),
                call("e", "e()", "2.718281828459045", "2.718281828459045"),
                call("element_at", "element_at(split(s, ' '), 2)", "World", "null"),
                call("elt", "elt(i - 1, s, 'x')", "x", "null"),
                call("encode", "encode(s, 'US-ASCII')", "[48 65 6C 6C 6F 20 57 6F 72 6C 64]", "null"),
                call("endswith", "endswith(s, 'ld')", "true", "null"),
                call("equal_null", "equal_null(s, NULL)", "false", "true"),
                call("exp", "exp(x - x)", "1.0", "null"),
                call("expm1", "expm1(i - 3)", "0.0", "null"),
                call("factorial", "factorial(i)", "6", "null"),
                call("find_in_set", "find_in_set('b', concat('a,b,', s))", "2", "null"),
                call("float", "float(i)", "3.0", "null"),
                call("floor", "floor(x)", "2", "null"),
                call("format_number", "format_number(x * 1000, i)", "2,500.000", "null"),
                call("format_string", "format_string('%s=%d', s, i)", "Hello World=3", "null=null"),
                call("from_json", "from_json(j, 'a INT, b STRING').b", "x", "null"),
                call("getbit", "getbit(i, 2)", "0", "null"),
                call("greatest", "greatest(x, i)", "3.0", "null"),
                call("hash", "hash(s, i)", "474631831", "42"),
                call("hex", "hex(i + 252)", "FF", "null"),
                call("hour", "hour(ts)", "10", "null"),
                call("hypot", "hypot(i, 4)", "5.0", "null"),
                call("if", "if(b, 'y', 'n')", "y", "n"),
                call("ifnull", "ifnull(s, 'z')", "Hello World", "z"),
                call("ilike", "ilike(s, 'hello%')", "true", "null"),
                call("initcap", "initcap(lower(s))", "Hello World", "null"),
                call("instr", "instr(s, 'World')", "7", "null"),
                call("int", "int(x)", "2", "null"),
                call("is_valid_utf8", "is_valid_utf8(s)", "true", "null"),
                call("isnan", "isnan(x)", "false", "false"),
                call("isnotnull", "isnotnull(s)", "true", "false"),
                call("isnull", "isnull(s)", "false", "true"),
                call("lcase", "lcase(s)", "hello world", "null"),
                call("least", "least(x, i)", "2.5", "null"),
                call("left", "left(s, i)", "Hel", "null"),
                call("len", "len(s)", "11", "null"),
                call("length", "length(s)", "11", "null"),
                call("levenshtein", "levenshtein(s, 'Hello Word')", "1", "null"),
                call("like", "like(s, 'H%d')", "true", "null"),
                call("ln", "ln(x - x + 1)", "0.0", "null"),
                call("locate", "locate('o', s, i + 3)", "8", "0"),
                call("log", "log(2, i + 5)", "3.0", "null"),
                call("log10", "log10(x * 4)", "1.0", "null"),
                call("log1p", "log1p(i - 3)", "0.0", "null"),
                call("log2", "log2(i + 1)", "2.0", "null"),
                call("lower", "lower(s)", "hello world", "null"),
                call("lpad", "lpad(s, 13, '*')", "**Hello World", "null"),
                call("ltrim", "ltrim(concat('  ', s))", "Hello World", "null"),
                call("luhn_check", "luhn_check(cast(i * 6 AS STRING))", "true", "null"),
                call("make_valid_utf8", "make_valid_utf8(s)", "Hello World", "null"),
                call("mask", "mask(s)", "Xxxxx Xxxxx", "null"),
                call("md5", "md5(s)", "b10a8db164e0754105b7a99be72e3fe5", "null"),
                call("minute", "minute(ts)", "20", "null"),
                call("mod", "mod(i, 2)", "1", "null"),
                call("month", "month(d)", "1", "null"),
                call("nanvl", "nanvl(x, 0)", "2.5", "null"),
                call("negative", "negative(x)", "-2.5", "null"),
                call("now", "now()", "1970-01-01T00:00:00Z", "1970-01-01T00:00:00Z"),
                call("nullif", "nullif(i, 4)", "3", "null"),
                call("nullifzero", "nullifzero(i - 3)", "null", "null"),
                call("nvl", "nvl(s, 'z')", "Hello World", "z"),
                call("nvl2", "nvl2(s, 'y', 'n')", "y", "n"),
                call("octet_length", "octet_length(concat(s, '\u00e9'))", "13", "null"),
                call("overlay", "overlay(s, 'J', i + 4)", "Hello Jorld", "null"),
                call("pi", "pi()", "3.141592653589793", "3.141592653589793"),
                call("pmod", "pmod(-i, 5)", "2", "null"),
                call("position", "position('o', s)", "5", "null"),
                call("positive", "positive(-i)", "-3", "null"),
                call("pow", "pow(x, 2)", "6.25", "null"),
                call("power", "power(x, 2)", "6.25", "null"),
                call("printf", "printf('%.1f', x)", "2.5", "n"),
                call("quarter", "quarter(d)", "1", "null"),
                call("quote", "quote(s)", "'Hello World'", "null"),
                call("radians", "radians(i - 3)", "0.0", "null"),
                call("regexp", "regexp(s, 'W.r')", "true", "null"),
                call("regexp_count", "regexp_count(s, 'o')", "2", "null"),
                call("regexp_extract", "regexp_extract(s, '([A-Z])[a-z]+ ([A-Z])', 2)", "W", "null"),
                call("regexp_extract_all", "regexp_extract_all(s, '([A-Z])', 1)", "[H, W]", "null"),
                call("regexp_instr", "regexp_instr(s, 'o')", "5", "null"),
                call("regexp_like", "regexp_like(s, '^H')", "true", "null"),
                call("regexp_replace", "regexp_replace(s, 'o', '0')", "Hell0 W0rld", "null"),
                call("regexp_substr", "regexp_substr(s, 'W[a-z]+')", "World", "null"),
                call("repeat", "repeat(s, i - 1)", "Hello WorldHello World", "null"),
                call("replace", "replace(s, 'World', 'There')", "Hello There", "null"),
                call("reverse", "reverse(s)", "dlroW olleH", "null"),
                call("right", "right(s, i)", "rld", "null"),
                call("rint", "rint(x)", "2.0", "null"),
                call("rlike", "rlike(s, 'o W')", "true", "null"),
                call("round", "round(x)", "3.0", "null"),
                call("rpad", "rpad(s, 13, '*')", "Hello World**", "null"),
                call("rtrim", "rtrim(concat(s, '  '))", "Hello World", "null"),
                call("sec", "sec(i - 3)", "1.0", "null"),
                call("second", "second(ts)", "30", "null"),
                call("sentences", "sentences(s)", "[[Hello, World]]", "null"),
                call("sha", "sha(s)", "0a4d55a8d778e5022fab701977c5d840bbc486d0", "null"),
                call("sha1", "sha1(s)", "0a4d55a8d778e5022fab701977c5d840bbc486d0", "null"),
                call("sha2", "sha2(s, 256)", "a591a6d40bf420404a011733cfb7b190d62c65bf0bcda32b57b277d9ad9f146e",
                        "null"),
                call("shiftleft", "shiftleft(i, 2)", "12", "null"),
                call("shiftright", "shiftright(-i, 1)", "-2", "null"),
                call("shiftrightunsigned", "shiftrightunsigned(-i, 30)", "3", "null"),
                call("sign", "sign(-x)", "-1.0", "null"),
                call("signum", "signum(x)", "1.0", "null"),
                call("sin", "sin(x - x)", "0.0", "null"),
                call("sinh", "sinh(i - 3)", "0.0", "null"),
                call("size", "size(split(s, ' '))", "2", "null"),
                call("smallint", "smallint(i)", "3", "null"),
                call("soundex", "soundex(s)", "H464", "null"),
                call("space", "length(space(i))", "3", "null"),
                call("split", "split(s, ' ')", "[Hello, World]", "null"),
                call("split_part", "split_part(s, ' ', 2)", "World", "null"),
                call("sqrt", "sqrt(x * 10)", "5.0", "null"),
                call("startswith", "startswith(s, 'He')", "true", "null"),
                call("string", "string(x)", "2.5", "null"),
                call("substr", "substr(s, 7)", "World", "null"),
                call("substring", "substring(s, 1, 5)", "Hello", "null"),
                call("substring_index", "substring_index(s, 'o', 2)", "Hello W", "null"),
                call("tan", "tan(x - x)", "0.0", "null"),
                call("tanh", "tanh(i - 3)", "0.0", "null"),
                call("timestamp", "timestamp(d)", "2015-01-02T00:00:00Z", "null"),
                call("tinyint", "tinyint(i)", "3", "null"),
                call("to_binary", "to_binary(s, 'utf-8')", "[48 65 6C 6C 6F 20 57 6F 72 6C 64]", "null"),
                call("to_date", "to_date(concat('2015/03/0', i), 'yyyy/MM/dd')", "2015-03-03", "null"),
                call("to_json", "to_json(from_json(j, 'a INT, b STRING'))", "{\"a\":1,\"b\":\"x\"}", "null"),
                call("to_timestamp", "to_timestamp(concat('2015-03-04 05:0', i), 'yyyy-MM-dd HH:mm')",
                        "2015-03-04T05:03:00Z", "null"),
                call("translate", "translate(s, 'lo', '01')", "He001 W1r0d", "null"),
                call("trim", "trim(concat(' ', s, ' '))", "Hello World", "null"),
                call("try_add", "try_add(i, 2)", "5", "null"),
                call("try_divide", "try_divide(i, 2)", "1.5", "null"),
                call("try_element_at", "try_element_at(split(s, ' '), 2)", "World", "null"),
                call("try_mod", "try_mod(i, 2)", "1", "null"),
                call("try_multiply", "try_multiply(i, 2)", "6", "null"),
                call("try_subtract", "try_subtract(i, 2)", "1", "null"),
                call("try_to_binary", "try_to_binary(s, 'hex')", "null", "null"),
                call("try_to_date", "try_to_date(concat('2015/03/0', i), 'yyyy/MM/dd')", "2015-03-03", "null"),
                call("try_to_timestamp", "try_to_timestamp(concat('2015-03-04 05:0', i), 'yyyy-MM-dd HH:mm')",
                        "2015-03-04T05:03:00Z", "null"),
                call("try_validate_utf8", "try_validate_utf8(s)", "Hello World", "null"),
                call("ucase", "ucase(s)", "HELLO WORLD", "null"),
                call("unbase64", "unbase64(base64(s))", "[48 65 6C 6C 6F 20 57 6F 72 6C 64]", "null"),
                call("unhex", "unhex(hex(s))", "[48 65 6C 6C 6F 20 57 6F 72 6C 64]", "null"),
                call("unix_timestamp", "unix_timestamp(ts)", "1420194030", "null"),
                call("upper", "upper(s)", "HELLO WORLD", "null"),
                call("validate_utf8", "validate_utf8(s)", "Hello World", "null"),
                call("when", "when(i > 2, 'big', 'small')", "big", "small"),
                call("width_bucket", "width_bucket(x, 0, 10, 4)", "2", "null"),
                call("xxhash64", "xxhash64(s, i)", "5685788668355742723", "42"),
                call("year", "year(d)", "2015", "null"),
                call("zeroifnull", "zeroifnull(i)", "3", "0"));
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
