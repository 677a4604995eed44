package sluice.engine.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import sluice.engine.diag.Position;
import sluice.engine.diag.Problem;
import sluice.engine.diag.SluiceException;
import sluice.engine.types.Batch;
import sluice.engine.types.Row;
import sluice.engine.types.Schema;

/** Interval literals in every form Spark 4 reads with ANSI intervals, and the ones it refuses. */
class IntervalLiteralTest {
    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final Position WHERE = Position.option("shift", "expressions");
    private static final Schema SCHEMA = SchemaParser.parse("d DATE", WHERE);
    private static final Batch BATCH = Batch.ofRows(SCHEMA, List.of(Row.of(LocalDate.of(2020, 1, 31))));
    private static final ExpressionCompiler COMPILER = new ExpressionCompiler(UTC);

    private static CompiledExpression compile(String text) {
        return COMPILER.compile(text, SCHEMA, WHERE);
    }

    private static Object value(String text) {
        return compile(text).evaluate(BATCH, new EvalContext(0L, UTC)).get(0);
    }

    private static Problem problem(String text) {
        return catchThrowableOfType(SluiceException.class, () -> compile(text)).problem();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "INTERVAL '1:30' MINUTE TO SECOND           | PT1M30S | interval minute to second",
        "INTERVAL '1:30.1234567' MINUTE TO SECOND   | PT1M30.123456S | interval minute to second",
        "INTERVAL '10:20' HOUR TO MINUTE            | PT10H20M | interval hour to minute",
        "INTERVAL '10:20:30.5' HOUR TO SECOND       | PT10H20M30.5S | interval hour to second",
        "INTERVAL '1 02' DAY TO HOUR                | PT26H | interval day to hour",
        "INTERVAL '1 02:03' DAY TO MINUTE           | PT26H3M | interval day to minute",
        "INTERVAL '1 02:03:04.5' day to second      | PT26H3M4.5S | interval day to second",
        "INTERVAL '-1 02' DAY TO HOUR               | PT-26H | interval day to hour",
        "INTERVAL -'1:30' MINUTE TO SECOND          | PT-1M-30S | interval minute to second",
        "INTERVAL -'-1:30' MINUTE TO SECOND         | PT1M30S | interval minute to second",
        "INTERVAL '3 days 4 hours'                  | PT76H | interval day to hour",
        "INTERVAL 'interval 2 hours'                | PT2H | interval hour",
        "INTERVAL 1 WEEK 2 MILLISECONDS             | PT168H0.002S | interval day to second",
    })
    void dayTimeLiteralsAreMicrosecondsTypedByTheirUnits(String literal, String expected, String type) {
        assertThat(compile(literal).type().simpleString()).isEqualTo(type);
        assertThat(value(literal)).isEqualTo(Duration.parse(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "INTERVAL '1-2' YEAR TO MONTH        | 14 | interval year to month",
        "INTERVAL '-1-2' YEAR TO MONTH       | -14 | interval year to month",
        "INTERVAL -'1-2' YEAR TO MONTH       | -14 | interval year to month",
        "INTERVAL '0-11' year to month       | 11 | interval year to month",
        "INTERVAL 1 YEAR 3 MONTHS            | 15 | interval year to month",
        "INTERVAL '2' YEAR                   | 24 | interval year",
        "INTERVAL -3 MONTH                   | -3 | interval month",
        "INTERVAL '1 year 1 month'           | 13 | interval year to month",
    })
    void yearMonthLiteralsAreMonthsTypedByTheirUnits(String literal, int months, String type) {
        assertThat(compile(literal).type().simpleString()).isEqualTo(type);
        assertThat(value(literal)).isEqualTo(Period.ofMonths(months).normalized());
    }

    @Test
    void aYearMonthLiteralMovesADateByCalendarMonths() {
        // Spark keeps the day of month where it can, else takes the month's last day.
        assertThat(value("d + INTERVAL '1' MONTH")).isEqualTo(LocalDate.of(2020, 2, 29));
        assertThat(value("d - INTERVAL '1-1' YEAR TO MONTH")).isEqualTo(LocalDate.of(2018, 12, 31));
    }

    @Test
    void yearMonthAndDayTimeUnitsDoNotMix() {
        Problem problem = problem("INTERVAL 1 YEAR 2 DAYS");

        assertThat(problem.message()).isEqualTo("[_LEGACY_ERROR_TEMP_0029] Cannot mix year-month and day-time "
                + "fields: INTERVAL 1 YEAR 2 DAYS");
        assertThat(problem.where()).isEqualTo(WHERE.at(1, 1));
    }

    @Test
    void aFieldOutOfItsRangeIsNamedWithTheRange() {
        Problem problem = problem("d + INTERVAL '10:70' HOUR TO MINUTE");

        assertThat(problem.message()).isEqualTo("[_LEGACY_ERROR_TEMP_0063] minute 70 outside range [0, 59]");
        assertThat(problem.where()).isEqualTo(WHERE.at(1, 14));
        assertThat(problem("INTERVAL '1-12' YEAR TO MONTH").message()).isEqualTo("[_LEGACY_ERROR_TEMP_0063] month "
                + "12 outside range [0, 11]");
        assertThat(problem("INTERVAL '24:00' HOUR TO MINUTE").message()).isEqualTo("[_LEGACY_ERROR_TEMP_0063] "
                + "hour 24 outside range [0, 23]");
    }

    @Test
    void aStringNotInTheRangesFormIsRefusedWithTheForm() {
        assertThat(problem("INTERVAL '130' MINUTE TO SECOND").message())
                .isEqualTo("[_LEGACY_ERROR_TEMP_0063] Interval string must match day-time format of 'm:s.n': 130");
        assertThat(problem("INTERVAL '1 2' YEAR TO MONTH").message())
                .isEqualTo("[_LEGACY_ERROR_TEMP_0063] Interval string does not match year-month format of 'y-m': 1 2");
        assertThat(problem("INTERVAL '1:30' MINUTE TO HOUR").message())
                .isEqualTo("[_LEGACY_ERROR_TEMP_0028] Intervals FROM minute TO hour are not supported.");
        assertThat(problem("INTERVAL '1:30' MINUTE TO SECOND 2 HOURS").message())
                .isEqualTo("[_LEGACY_ERROR_TEMP_0024] Can only have a single from-to unit in the interval literal "
                        + "syntax");
    }
}
