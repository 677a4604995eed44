package sluice.spark.compat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import sluice.engine.expr.functions.FunctionRegistry;
import sluice.spark.functions.SparkFunctions;
import sluice.spark.functions.SparkFunctions.SparkFunction;

/**
 * Spark's own examples ({@code DESCRIBE FUNCTION EXTENDED}) of every function Sluice has, run on both engines: each
 * expression of an example's {@code SELECT} list must give the same name, type and value, or stop for the same
 * reason. Examples that read a table ({@code FROM}) or call a function Sluice does not have are left out; the few
 * others Sluice cannot run are listed in {@link #GAPS} with the reason.
 */
class SparkExamplesTest {
    private static final Pattern CALL = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\s*\\(");
    private static final FunctionRegistry SLUICE = FunctionRegistry.standard();

    /** Expressions of Spark's examples that Sluice does not run as Spark does, and why. */
    private static final Map<String, String> GAPS = new TreeMap<>();

    static {
        String yearMonth = "Sluice has no year-month interval literals, and no year-month arithmetic but + and -";
        for (String example : List.of("abs(INTERVAL -'1-1' YEAR TO MONTH)",
                "INTERVAL '1-1' YEAR TO MONTH div INTERVAL '-1' MONTH", "sign(INTERVAL -'100' YEAR)",
                "signum(INTERVAL -'100' YEAR)", "try_add(date'2021-01-01', interval 1 year)",
                "try_add(interval 1 year, interval 2 year)", "try_divide(interval 2 month, 2)",
                "try_divide(interval 2 month, 0)", "try_multiply(interval 2 year, 3)",
                "try_subtract(date'2021-01-01', interval 1 year)", "try_subtract(interval 2 year, interval 1 year)",
                "width_bucket(INTERVAL '0' YEAR, INTERVAL '0' YEAR, INTERVAL '10' YEAR, 10)",
                "width_bucket(INTERVAL '1' YEAR, INTERVAL '0' YEAR, INTERVAL '10' YEAR, 10)",
                "sequence(to_date('2018-01-01'), to_date('2018-03-01'), interval 1 month)",
                "sequence(to_date('2018-01-01'), to_date('2018-03-01'), interval '0-1' year to month)")) {
            GAPS.put(example, yearMonth);
        }
        String dayTime = "Sluice has one day-time interval type, INTERVAL DAY TO SECOND, and names literals by it";
        for (String example : List.of("try_add(timestamp'2021-01-01 00:00:00', interval 1 day)",
                "try_subtract(timestamp'2021-01-02 00:00:00', interval 1 day)",
                "width_bucket(INTERVAL '0' DAY, INTERVAL '0' DAY, INTERVAL '10' DAY, 10)",
                "width_bucket(INTERVAL '1' DAY, INTERVAL '0' DAY, INTERVAL '10' DAY, 10)")) {
            GAPS.put(example, dayTime);
        }
        for (String example : List.of("hour(TIME'13:59:59.999999')", "minute(TIME'23:59:59.999999')",
                "second(TIME'13:25:59.999999')", "extract(HOUR FROM time '09:08:01.000001')",
                "extract(MINUTE FROM time '09:08:01.000001')", "extract(SECOND FROM time '09:08:01.000001')")) {
            GAPS.put(example, "Sluice has no TIME type (Spark 4.1 refuses it by default too, but as a type error)");
        }
        GAPS.put("COLLATION('Spark SQL' collate UTF8_LCASE)", "Sluice has no collations but UTF8_BINARY");
        GAPS.put("2 > 1.1", "Spark names this comparison (2 > 1), a quirk of its decimal literal coercion");
        String intervalParts = "not yet: date_part, datepart and extract of intervals (issue #11, intervals)";
        for (String example : List.of("extract(MINUTE FROM INTERVAL '123 23:55:59.002001' DAY TO SECOND)",
                "extract(MONTH FROM INTERVAL '2021-11' YEAR TO MONTH)",
                "extract(days FROM interval 5 days 3 hours 7 minutes)",
                "extract(seconds FROM interval 5 hours 30 seconds 1 milliseconds 1 microseconds)")) {
            GAPS.put(example, intervalParts);
        }
        for (String function : List.of("date_part", "datepart")) {
            for (String args : List.of("'MINUTE', INTERVAL '123 23:55:59.002001' DAY TO SECOND",
                    "'MONTH', INTERVAL '2021-11' YEAR TO MONTH", "'days', interval 5 days 3 hours 7 minutes",
                    "'seconds', interval 5 hours 30 seconds 1 milliseconds 1 microseconds")) {
                GAPS.put(function + "(" + args + ")", intervalParts);
            }
        }
        String makeFromTime = "not yet: make_timestamp of a DATE and a TIME (Sluice has no TIME type)";
        for (String function : List.of("make_timestamp", "try_make_timestamp", "make_timestamp_ntz",
                "try_make_timestamp_ntz", "make_timestamp_ltz", "try_make_timestamp_ltz")) {
            for (String args : List.of("DATE'2014-12-28'", "DATE'2014-12-28', TIME'6:30:45.887'",
                    "DATE'2014-12-28', TIME'6:30:45.887', 'CET'")) {
                GAPS.put(function + "(" + args + ")", makeFromTime);
            }
        }
        String namedArguments = "not yet: named arguments (name => value)";
        for (String example : List.of("explode(collection => array(10, 20))",
                "explode_outer(collection => array(10, 20))", "posexplode(collection => array(10,20))",
                "posexplode_outer(collection => array(10,20))",
                "inline(input => array(struct(1, 'a'), struct(2, 'b')))",
                "inline_outer(input => array(struct(1, 'a'), struct(2, 'b')))")) {
            GAPS.put(example, namedArguments);
        }
    }

    /** Functions whose value is the time, the machine or chance: their examples are compared by name and type. */
    private static final Set<String> VARYING = Set.of("now", "current_date", "curdate", "current_timestamp",
            "localtimestamp", "version", "uuid",
            "rand", "random", "randn", "uniform", "randstr", "aes_encrypt", "unix_timestamp()",
            "shuffle");

    @TestFactory
    Stream<DynamicTest> sparksExamplesGiveTheSameResults() {
        Set<String> lacking = new TreeSet<>();
        List<SparkFunction> spark = SparkFunctions.all();
        spark.stream().filter(f -> SLUICE.find(f.name()).isEmpty()).forEach(f -> lacking.add(f.name()));
        List<DynamicTest> tests = new ArrayList<>();
        for (SparkFunction function : spark) {
            if (SLUICE.find(function.name()).isEmpty()) {
                continue;
            }
            for (String expression : expressions(function.info().getExamples())) {
                if (callsAnyOf(expression, lacking) || GAPS.containsKey(expression)) {
                    continue;
                }
                boolean varying = callsAnyOf(expression, VARYING) || VARYING.contains(expression);
                tests.add(DynamicTest.dynamicTest(function.name() + ": " + expression,
                        () -> compare(expression, varying)));
            }
        }
        return tests.stream();
    }

    private static void compare(String expression, boolean varying) {
        ExpressionRun.Result sluice = ExpressionRun.sluice(expression);
        ExpressionRun.Result spark = ExpressionRun.spark(expression);
        if (varying && sluice.stop() == null && spark.stop() == null) {
            sluice = new ExpressionRun.Result(sluice.name(), sluice.type(), "(varies)", null);
            spark = new ExpressionRun.Result(spark.name(), spark.type(), "(varies)", null);
        }
        ExpressionRun.assertSame(expression, sluice, spark);
    }

    /** The expressions of every {@code SELECT} list without FROM in an examples text. */
    static List<String> expressions(String examples) {
        List<String> found = new ArrayList<>();
        StringBuilder statement = null;
        for (String line : examples.lines().map(String::strip).toList()) {
            if (line.startsWith("> ")) {
                statement = new StringBuilder(line.substring(2));
            } else if (statement != null && !line.isEmpty()) {
                statement.append(' ').append(line);
            }
            if (statement != null && statement.toString().endsWith(";")) {
                String text = statement.substring(0, statement.length() - 1).strip();
                statement = null;
                if (text.regionMatches(true, 0, "SELECT ", 0, 7) && !hasFrom(text)) {
                    found.addAll(selectList(text.substring(7)));
                }
            }
        }
        return found;
    }

    /** Whether the statement has a FROM clause (a FROM inside parentheses, as in substring(s FROM 2), is none). */
    private static boolean hasFrom(String text) {
        String flat = outsideQuotes(text);
        String previous;
        do {
            previous = flat;
            flat = flat.replaceAll("\\([^()]*\\)", "_");
        } while (!flat.equals(previous));
        return flat.toUpperCase(Locale.ROOT).matches("(?s).*\\bFROM\\b.*");
    }

    /** The text with every quoted string emptied, so words inside strings are not taken for keywords. */
    private static String outsideQuotes(String text) {
        return text.replaceAll("'(?:[^'\\\\]|\\\\.)*'", "''").replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"");
    }

    /** The list split at its top-level commas (outside parentheses, brackets and quotes). */
    static List<String> selectList(String list) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        char quote = 0;
        int start = 0;
        for (int i = 0; i < list.length(); i++) {
            char c = list.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"' || c == '`') {
                quote = c;
            } else if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(list.substring(start, i).strip());
                start = i + 1;
            }
        }
        parts.add(list.substring(start).strip());
        return parts;
    }

    private static boolean callsAnyOf(String expression, Set<String> names) {
        Matcher call = CALL.matcher(outsideQuotes(expression));
        while (call.find()) {
            if (names.contains(call.group(1).toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }
}
