package sluice.engine.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The ANSI text of intervals by their fields, as Spark prints and casts them, both ways. */
class IntervalTextTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "INTERVAL_HOUR          | 10800000000          | INTERVAL '03' HOUR",
        "INTERVAL_HOUR          | -360000000000        | INTERVAL '-100' HOUR",
        "INTERVAL_MINUTE_SECOND | 90000000             | INTERVAL '01:30' MINUTE TO SECOND",
        "INTERVAL_MINUTE_SECOND | -5500000             | INTERVAL '-00:05.5' MINUTE TO SECOND",
        "INTERVAL_DAY_HOUR      | 93600000000          | INTERVAL '1 02' DAY TO HOUR",
        "INTERVAL_DAY_MINUTE    | -93780000000         | INTERVAL '-1 02:03' DAY TO MINUTE",
        "INTERVAL               | 93784500000          | INTERVAL '1 02:03:04.5' DAY TO SECOND",
        "INTERVAL_SECOND        | 5500000              | INTERVAL '05.5' SECOND",
        "INTERVAL_SECOND        | 12000000             | INTERVAL '12' SECOND",
        "INTERVAL_DAY           | 604800000000         | INTERVAL '7' DAY",
        "INTERVAL_HOUR_SECOND   | 37230000000          | INTERVAL '10:20:30' HOUR TO SECOND",
        "INTERVAL               | -9223372036854775808 | INTERVAL '-106751991 04:00:54.775808' DAY TO SECOND",
        "INTERVAL_YEAR_MONTH    | -14                  | INTERVAL '-1-2' YEAR TO MONTH",
        "INTERVAL_YEAR          | 24                   | INTERVAL '2' YEAR",
        "INTERVAL_MONTH         | -14                  | INTERVAL '-14' MONTH",
    })
    void printsByTheTypesFieldsAndReadsItsOwnText(AtomicType type, long stored, String text) {
        assertThat(ValueText.interval(type, stored)).isEqualTo(text);
        assertThat(IntervalText.parse(text, type)).isEqualTo(stored);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "INTERVAL_HOUR          | ' 3 '           | 10800000000",
        "INTERVAL_HOUR          | -3              | -10800000000",
        "INTERVAL_HOUR          | interval -'-3' hour | 10800000000",
        "INTERVAL_MINUTE_SECOND | -1:30.5         | -90500000",
        "INTERVAL_HOUR_MINUTE   | 100:20          | 361200000000",
        "INTERVAL               | 1 02:03:04.1234567 | 93784123456",
        "INTERVAL_SECOND        | 12.345          | 12345000",
        "INTERVAL_YEAR_MONTH    | +1-2            | 14",
        "INTERVAL_YEAR          | -7              | -84",
        "INTERVAL_MONTH         | 14              | 14",
    })
    void readsTheBareValueInTheTypesForm(AtomicType type, String text, long stored) {
        assertThat(IntervalText.parse(text, type)).isEqualTo(stored);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "INTERVAL_HOUR       | 1 02                      | INVALID_INTERVAL_FORMAT.UNMATCHED_FORMAT_STRING_WITH_NOTICE",
        "INTERVAL_DAY_HOUR   | 5                         | INVALID_INTERVAL_FORMAT.UNMATCHED_FORMAT_STRING_WITH_NOTICE",
        "INTERVAL_HOUR       | INTERVAL '3' MINUTE       | INVALID_INTERVAL_FORMAT.UNMATCHED_FORMAT_STRING_WITH_NOTICE",
        "INTERVAL_YEAR       | 1-2                       | INVALID_INTERVAL_FORMAT.UNMATCHED_FORMAT_STRING",
        "INTERVAL_YEAR_MONTH | 1-13                      | INVALID_INTERVAL_FORMAT.INTERVAL_PARSING",
        "INTERVAL_DAY_HOUR   | 1 24                      | INVALID_INTERVAL_FORMAT.INTERVAL_PARSING",
    })
    void refusesOtherFormsWithSparksErrorClass(AtomicType type, String text, String errorClass) {
        IntervalText.Invalid invalid = catchThrowableOfType(IntervalText.Invalid.class,
                () -> IntervalText.parse(text, type));

        assertThat(invalid.errorClass()).isEqualTo(errorClass);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "HOUR   |        | interval hour",
        "DAY    | MINUTE | interval day to minute",
        "MINUTE | SECOND | interval minute to second",
        "YEAR   |        | interval year",
        "YEAR   | MONTH  | interval year to month",
    })
    void namesTheTypeByItsFields(IntervalField start, IntervalField end, String name) {
        AtomicType type = AtomicType.interval(start, end == null ? start : end);

        assertThat(type.simpleString()).isEqualTo(name);
        assertThat(type.isInterval()).isTrue();
        assertThat(type.isDayTimeInterval()).isEqualTo(!start.isYearMonth());
    }
}
