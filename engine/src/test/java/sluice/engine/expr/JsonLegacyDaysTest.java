package sluice.engine.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static sluice.engine.expr.ExpressionFixture.first;

import org.junit.jupiter.api.Test;

/**
 * Without a dateFormat, Spark reads a JSON string that is no date but a whole number as days since 1970-01-01 (how
 * Spark 1.5 wrote dates); values checked against Spark 4.1's JSON reader.
 */
class JsonLegacyDaysTest {
    private static String date(String text, String options) {
        return first("CAST(from_json('{\"d\":\"" + text + "\"}', 'd DATE'" + options + ").d AS STRING)");
    }

    @Test
    void aWholeNumberThatIsNoDateIsDaysSinceTheEpoch() {
        assertThat(date("20200101", "")).isEqualTo("+57275-12-31");
        assertThat(date("0", "")).isEqualTo("1970-01-01");
        assertThat(date("+5", "")).isEqualTo("1970-01-06");
        // Four to seven digits make a year, as the cast reads them.
        assertThat(date("-200000", "")).isEqualTo("-200000-01-01");
        assertThat(date(" 12", "")).isEqualTo("null");
        assertThat(date("2147483648", "")).isEqualTo("null");
    }

    @Test
    void daysBeforeTheGregorianReformAreCountedInTheJulianCalendar() {
        // Eight digits are no year: days, whose Julian date Spark keeps (ISO's day -12345678 is -31832-09-06).
        assertThat(date("-12345678", "")).isEqualTo("-31831-05-05");
        assertThat(date("-99999999", "")).isEqualTo("-271816-11-21");
    }

    @Test
    void aDateFormatTurnsTheFallbackOff() {
        assertThat(date("20200101", ", map('dateFormat', 'yyyy-MM-dd')")).isEqualTo("null");
    }
}
