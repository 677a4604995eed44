package sluice.engine.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import sluice.engine.types.LocalTimestamps;

class TemporalParserTest {
    private final TemporalParser parser = TemporalParser.of(null, null, ZoneOffset.UTC);

    @Test
    void everyPlainDateOfFourDigitYearsIsJavaTimesEpochDay() {
        char[] text = new char[10];
        int mismatches = 0;
        for (LocalDate date = LocalDate.of(0, 1, 1); date.getYear() <= 9999; date = date.plusDays(1)) {
            write(text, date.getYear(), date.getMonthValue(), date.getDayOfMonth());
            if (parser.parseDate(text, 0, 10) != date.toEpochDay()) {
                mismatches++;
            }
        }
        assertThat(mismatches).isZero();
    }

    @Test
    void daysAMonthDoesNotHaveAreNoDates() {
        assertThat(parse("2016-02-29")).isEqualTo(LocalDate.of(2016, 2, 29).toEpochDay());
        assertThat(parse("2000-02-29")).isEqualTo(LocalDate.of(2000, 2, 29).toEpochDay());
        assertThat(parse("2015-02-29")).isEqualTo(TemporalParser.INVALID);
        assertThat(parse("1900-02-29")).isEqualTo(TemporalParser.INVALID);
        assertThat(parse("2015-04-31")).isEqualTo(TemporalParser.INVALID);
        assertThat(parse("2015-13-01")).isEqualTo(TemporalParser.INVALID);
        assertThat(parse("2015-00-10")).isEqualTo(TemporalParser.INVALID);
        assertThat(parse("2015-01-00")).isEqualTo(TemporalParser.INVALID);
    }

    @Test
    void readsTimestampNtzByItsOwnPatternAndRefusesAZone() {
        TemporalParser formatted = TemporalParser.of(null, "yyyy", "dd/MM/yyyy HH:mm", ZoneOffset.UTC);
        TemporalParser zoned = TemporalParser.of(null, null, "yyyy-MM-dd HH:mmXXX", ZoneOffset.UTC);

        assertThat(formatted.parseLocalTimestamp("01/02/2024 10:30"))
                .isEqualTo(LocalTimestamps.micros(LocalDateTime.of(2024, 2, 1, 10, 30)));
        assertThat(formatted.parseLocalTimestamp("2024-02-01T10:30:00")).isEqualTo(TemporalParser.INVALID);
        assertThat(zoned.parseLocalTimestamp("2024-02-01 10:30+01:00")).isEqualTo(TemporalParser.INVALID);
        assertThat(parser.parseLocalTimestamp("2024-02-01T10:30:00"))
                .isEqualTo(LocalTimestamps.micros(LocalDateTime.of(2024, 2, 1, 10, 30)));
    }

    private long parse(String text) {
        return parser.parseDate(text.toCharArray(), 0, text.length());
    }

    private static void write(char[] text, int year, int month, int day) {
        text[0] = (char) ('0' + year / 1000);
        text[1] = (char) ('0' + year / 100 % 10);
        text[2] = (char) ('0' + year / 10 % 10);
        text[3] = (char) ('0' + year % 10);
        text[4] = '-';
        text[5] = (char) ('0' + month / 10);
        text[6] = (char) ('0' + month % 10);
        text[7] = '-';
        text[8] = (char) ('0' + day / 10);
        text[9] = (char) ('0' + day % 10);
    }
}
