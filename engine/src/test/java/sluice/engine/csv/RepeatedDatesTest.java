package sluice.engine.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import sluice.engine.types.AtomicType;

/** A date read from bytes right after the same date is the remembered day; any other date is parsed. */
class RepeatedDatesTest {
    @Test
    void datesFromBytesInAnyOrderReadAsTheirDays() {
        CsvFieldParser parser = new CsvFieldParser("NaN", "Inf", "-Inf", TemporalParser.of(null, null, ZoneOffset.UTC));
        String[] dates = {"2020-01-02", "2020-01-02", "2020-01-03", "2021-01-03", "2020-01-03", "2020-01-02",
            "2020-11-02", "2020-11-02", "1999-12-31"};
        byte[] line = String.join(",", dates).getBytes(StandardCharsets.US_ASCII);
        List<Long> days = new ArrayList<>();
        ParsedFields out = new ParsedFields() {
            @Override
            public void setLong(int column, long value) {
                days.add(value);
            }

            @Override
            public void setDouble(int column, double value) {
                throw new AssertionError();
            }

            @Override
            public void setBoolean(int column, boolean value) {
                throw new AssertionError();
            }

            @Override
            public void setObject(int column, Object value) {
                throw new AssertionError();
            }
        };

        for (int i = 0; i < dates.length; i++) {
            assertThat(parser.parse(AtomicType.DATE, line, i * 11, 10, out, 0)).isTrue();
        }
        // The same date as characters in between, then again from the bytes.
        char[] chars = "2021-01-03".toCharArray();
        assertThat(parser.parse(AtomicType.DATE, chars, 0, chars.length, out, 0)).isTrue();
        assertThat(parser.parse(AtomicType.DATE, line, 0, 10, out, 0)).isTrue();

        List<Long> expected = new ArrayList<>();
        for (String date : dates) {
            expected.add(LocalDate.parse(date).toEpochDay());
        }
        expected.add(LocalDate.parse("2021-01-03").toEpochDay());
        expected.add(LocalDate.parse(dates[0]).toEpochDay());
        assertThat(days).isEqualTo(expected);
    }
}
