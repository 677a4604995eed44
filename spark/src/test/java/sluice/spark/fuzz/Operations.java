package sluice.spark.fuzz;

import static sluice.spark.fuzz.Kind.BIGINT;
import static sluice.spark.fuzz.Kind.BINARY;
import static sluice.spark.fuzz.Kind.BOOLEAN;
import static sluice.spark.fuzz.Kind.DATE;
import static sluice.spark.fuzz.Kind.DECIMAL;
import static sluice.spark.fuzz.Kind.DOUBLE;
import static sluice.spark.fuzz.Kind.FLOAT;
import static sluice.spark.fuzz.Kind.INT;
import static sluice.spark.fuzz.Kind.SMALLINT;
import static sluice.spark.fuzz.Kind.STRING;
import static sluice.spark.fuzz.Kind.TIMESTAMP;
import static sluice.spark.fuzz.Kind.TINYINT;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import sluice.spark.fuzz.Operation.Param;

/**
 * The grammar the fuzzer draws from, by result kind: operators, CASE, casts and the functions of Spark SQL that
 * Sluice implements, with their argument kinds as Spark types them. Immutable once built.
 */
final class Operations {
    private static final String[] SMALL_INTS = {"0", "1", "2", "3", "5", "-1"};
    private static final String[] SCALES = {"0", "1", "2", "-1", "-2"};
    private static final String[] PATTERNS = {"'a'", "'[0-9]+'", "'^\\\\s+'", "'(a|b)c'", "'.'", "'x*'", "''"};
    private static final String[] LIKES = {"'a%'", "'%a%'", "'_'", "'%'", "''", "'%\\\\%%'", "'H_llo%'"};
    private static final String[] DATE_FORMATS = {"'yyyy-MM-dd'", "'yyyy-MM-dd HH:mm:ss'", "'dd/MM/yy'",
            "'EEE, d MMM yyyy'", "'HH:mm:ss.SSS'", "'yyyyMMdd'", "'QQQ yyyy'"};

    private final Map<Kind, List<Operation>> byResult = new EnumMap<>(Kind.class);

    Operations() {
        for (Kind kind : Kind.values()) {
            byResult.put(kind, new ArrayList<>());
        }
        numeric();
        comparisons();
        logic();
        conditionals();
        strings();
        dates();
        casts();
    }

    List<Operation> producing(Kind kind) {
        return byResult.get(kind);
    }

    private void add(String pattern, Kind result, boolean mayFail, Param... params) {
        byResult.get(result).add(new Operation(pattern, result, List.of(params), mayFail));
    }

    private static Param p(Kind kind) {
        return Param.of(kind);
    }

    private void numeric() {
        for (Kind k : Kind.NUMERIC) {
            add("(%s + %s)", k, k.overflows(), p(k), p(k));
            add("(%s - %s)", k, k.overflows(), p(k), p(k));
            add("(%s * %s)", k, k.overflows(), p(k), p(k));
            add("(%s / %s)", k == DECIMAL ? DECIMAL : DOUBLE, true, p(k), p(k));
            add("(%s %% %s)", k, true, p(k), p(k));
            add("pmod(%s, %s)", k, true, p(k), p(k));
            add("(- %s)", k, k.overflows(), p(k));
            add("abs(%s)", k, k.overflows(), p(k));
            add("greatest(%s, %s)", k, false, p(k), p(k));
            add("least(%s, %s, %s)", k, false, p(k), p(k), p(k));
            add("round(%s, %s)", k, k.overflows(), p(k), Param.literal(INT, SCALES));
            add("bround(%s, %s)", k, k.overflows(), p(k), Param.literal(INT, SCALES));
            add("floor(%s)", k == DECIMAL ? DECIMAL : BIGINT, k == DECIMAL, p(k));
            add("ceil(%s)", k == DECIMAL ? DECIMAL : BIGINT, k == DECIMAL, p(k));
            for (String function : List.of("sqrt", "exp", "ln", "log10", "log2", "sin", "cos", "tan", "cbrt")) {
                add(function + "(%s)", DOUBLE, false, p(k));
            }
            add("pow(%s, %s)", DOUBLE, false, p(k), p(k));
            add("log(%s, %s)", DOUBLE, false, p(k), p(k));
        }
        for (Kind k : Kind.INTEGRAL) {
            add("(%s div %s)", BIGINT, true, p(k), p(k));
        }
        add("(%s + %s)", BIGINT, true, p(INT), p(BIGINT));
        add("(%s * %s)", DOUBLE, false, p(INT), p(DOUBLE));
        add("(%s - %s)", DECIMAL, true, p(DECIMAL), p(INT));
        add("(%s + %s)", DOUBLE, false, p(DECIMAL), p(DOUBLE));
        add("length(%s)", INT, false, p(STRING));
        add("length(%s)", INT, false, p(BINARY));
        add("octet_length(%s)", INT, false, p(BINARY));
        add("bit_length(%s)", INT, false, p(STRING));
        add("(%s + %s)", SMALLINT, true, p(TINYINT), p(SMALLINT));
        add("(%s * %s)", INT, true, p(SMALLINT), p(INT));
        add("instr(%s, %s)", INT, false, p(STRING), p(STRING));
        add("size(split(%s, %s))", INT, false, p(STRING), Param.literal(STRING, "','", "' '", "'a'", "''"));
        add("unix_timestamp(%s)", BIGINT, false, p(TIMESTAMP));
        for (String function : List.of("year", "month", "day", "dayofmonth", "dayofweek", "dayofyear", "quarter")) {
            add(function + "(%s)", INT, false, p(DATE));
        }
        for (String function : List.of("hour", "minute", "second")) {
            add(function + "(%s)", INT, false, p(TIMESTAMP));
        }
        add("datediff(%s, %s)", INT, false, p(DATE), p(DATE));
    }

    private void comparisons() {
        for (Kind k : Kind.values()) {
            for (String op : List.of("=", "<>", "<", "<=", ">", ">=", "<=>", "!=")) {
                add("(%s " + op + " %s)", BOOLEAN, false, p(k), p(k));
            }
            add("(%s IN (%s, %s))", BOOLEAN, false, p(k), p(k), p(k));
            add("(%s NOT IN (%s))", BOOLEAN, false, p(k), p(k));
            add("(%s BETWEEN %s AND %s)", BOOLEAN, false, p(k), p(k), p(k));
            add("(%s IS NULL)", BOOLEAN, false, p(k));
            add("(%s IS NOT NULL)", BOOLEAN, false, p(k));
            add("isnull(%s)", BOOLEAN, false, p(k));
        }
        add("(%s = %s)", BOOLEAN, false, p(INT), p(DOUBLE));
        add("(%s < %s)", BOOLEAN, false, p(BIGINT), p(DECIMAL));
        add("(%s LIKE %s)", BOOLEAN, false, p(STRING), Param.literal(STRING, LIKES));
        add("(%s NOT LIKE %s)", BOOLEAN, false, p(STRING), Param.literal(STRING, LIKES));
        add("(%s RLIKE %s)", BOOLEAN, false, p(STRING), Param.literal(STRING, PATTERNS));
    }

    private void logic() {
        add("(%s AND %s)", BOOLEAN, false, p(BOOLEAN), p(BOOLEAN));
        add("(%s OR %s)", BOOLEAN, false, p(BOOLEAN), p(BOOLEAN));
        add("(NOT %s)", BOOLEAN, false, p(BOOLEAN));
    }

    private void conditionals() {
        for (Kind k : Kind.values()) {
            add("CASE WHEN %s THEN %s ELSE %s END", k, false, p(BOOLEAN), p(k), p(k));
            add("CASE WHEN %s THEN %s WHEN %s THEN %s END", k, false, p(BOOLEAN), p(k), p(BOOLEAN), p(k));
            add("if(%s, %s, %s)", k, false, p(BOOLEAN), p(k), p(k));
            add("coalesce(%s, %s)", k, false, p(k), p(k));
            add("nvl(%s, %s)", k, false, p(k), p(k));
            add("nullif(%s, %s)", k, false, p(k), p(k));
            add("nvl2(%s, %s, %s)", k, false, p(INT), p(k), p(k));
        }
    }

    private void strings() {
        for (String function : List.of("upper", "lower", "trim", "ltrim", "rtrim", "initcap", "reverse", "ucase",
                "lcase")) {
            add(function + "(%s)", STRING, false, p(STRING));
        }
        add("substring(%s, %s, %s)", STRING, false, p(STRING), p(INT), p(INT));
        add("substr(%s, %s)", STRING, false, p(STRING), Param.literal(INT, SMALL_INTS));
        add("concat(%s, %s)", STRING, false, p(STRING), p(STRING));
        add("concat_ws(%s, %s, %s)", STRING, false, Param.literal(STRING, "'-'", "''", "', '"), p(STRING),
                p(STRING));
        add("lpad(%s, %s, %s)", STRING, false, p(STRING), Param.literal(INT, SMALL_INTS), p(STRING));
        add("rpad(%s, %s, %s)", STRING, false, p(STRING), Param.literal(INT, SMALL_INTS), p(STRING));
        add("regexp_replace(%s, %s, %s)", STRING, false, p(STRING), Param.literal(STRING, PATTERNS), p(STRING));
        add("regexp_extract(%s, %s, 0)", STRING, false, p(STRING), Param.literal(STRING, PATTERNS));
        add("regexp_extract(%s, '(a)(b)?', %s)", STRING, true, p(STRING), Param.literal(INT, "1", "2", "3"));
        add("date_format(%s, %s)", STRING, false, p(TIMESTAMP), Param.literal(STRING, DATE_FORMATS));
        add("(%s || %s)", STRING, false, p(STRING), p(STRING));
        add("hex(%s)", STRING, false, p(BINARY));
        add("base64(%s)", STRING, false, p(BINARY));
        add("decode(%s, 'UTF-8')", STRING, false, p(BINARY));
        add("unbase64(base64(%s))", BINARY, false, p(BINARY));
        add("unhex(%s)", BINARY, false, p(STRING));
        add("encode(%s, 'UTF-8')", BINARY, false, p(STRING));
        add("concat(%s, %s)", BINARY, false, p(BINARY), p(BINARY));
        add("(%s || %s)", BINARY, false, p(BINARY), p(BINARY));
        add("hex(%s)", STRING, false, p(BIGINT));
    }

    private void dates() {
        add("date_add(%s, %s)", DATE, true, p(DATE), p(INT));
        add("date_sub(%s, %s)", DATE, true, p(DATE), Param.literal(INT, SMALL_INTS));
        add("to_date(%s)", DATE, true, p(STRING));
        add("to_date(%s, 'yyyy-MM-dd')", DATE, true, p(STRING));
        add("to_timestamp(%s)", TIMESTAMP, true, p(STRING));
        add("to_date(%s)", DATE, false, p(TIMESTAMP));
    }

    /** Every cast Spark's ANSI rules allow between the fuzzer's kinds; narrowing and text casts can fail. */
    private void casts() {
        for (Kind from : Kind.values()) {
            for (Kind to : Kind.values()) {
                if (from == to || !allowed(from, to)) {
                    continue;
                }
                String target = to == DECIMAL ? "DECIMAL(%s)" : to.name();
                boolean widening = to == STRING || widens(from, to);
                if (to == DECIMAL) {
                    add("CAST(%s AS DECIMAL(10,2))", to, true, p(from));
                    add("CAST(%s AS DECIMAL(38,6))", to, !widening, p(from));
                    add("TRY_CAST(%s AS DECIMAL(5,1))", to, false, p(from));
                } else {
                    add("CAST(%s AS " + target + ")", to, !widening, p(from));
                    add("TRY_CAST(%s AS " + target + ")", to, false, p(from));
                }
            }
        }
    }

    private static boolean allowed(Kind from, Kind to) {
        if (to == STRING) {
            return true;
        }
        return switch (from) {
            case STRING -> true;
            case BINARY -> false;
            case BOOLEAN -> to.isNumeric();
            case TINYINT, SMALLINT, INT, BIGINT, FLOAT, DOUBLE, DECIMAL -> to.isNumeric() || to == BOOLEAN
                    || to == TIMESTAMP;
            case DATE -> to == TIMESTAMP;
            case TIMESTAMP -> to == DATE || to.isNumeric();
        };
    }

    private static boolean widens(Kind from, Kind to) {
        return switch (from) {
            case TINYINT -> to == SMALLINT || to == INT || to == BIGINT || to == DOUBLE || to == FLOAT
                    || to == DECIMAL || to == BOOLEAN;
            case SMALLINT -> to == INT || to == BIGINT || to == DOUBLE || to == FLOAT || to == DECIMAL
                    || to == BOOLEAN;
            case INT -> to == BIGINT || to == DOUBLE || to == FLOAT || to == DECIMAL || to == BOOLEAN;
            case BIGINT -> to == DOUBLE || to == FLOAT || to == BOOLEAN;
            case FLOAT -> to == DOUBLE || to == BOOLEAN;
            case DOUBLE, DECIMAL -> to == BOOLEAN;
            case BOOLEAN -> to != DECIMAL;
            case DATE -> to == TIMESTAMP;
            case TIMESTAMP -> to == DATE || to == BIGINT || to == DOUBLE;
            case STRING, BINARY -> false;
        };
    }
}
