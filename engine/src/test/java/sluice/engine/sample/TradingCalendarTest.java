package sluice.engine.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TradingCalendarTest {
    @Test
    void tradingDayCountsMatchTheRealExchangeFor2015To2017() {
        assertThat(TradingCalendar.tradingDays(2015)).hasSize(252);
        assertThat(TradingCalendar.tradingDays(2016)).hasSize(252);
        assertThat(TradingCalendar.tradingDays(2017)).hasSize(251);
    }

    @Test
    void saturdayHolidayIsObservedOnTheFridayBefore() {
        assertThat(TradingCalendar.holidays(2015)).contains(LocalDate.of(2015, 7, 3));
    }

    @Test
    void sundayHolidayIsObservedOnTheMondayAfter() {
        assertThat(TradingCalendar.holidays(2016)).contains(LocalDate.of(2016, 12, 26));
        assertThat(TradingCalendar.holidays(2017)).contains(LocalDate.of(2017, 1, 2));
    }

    @Test
    void goodFridayIsTwoDaysBeforeEaster() {
        assertThat(TradingCalendar.easterSunday(2015)).isEqualTo(LocalDate.of(2015, 4, 5));
        assertThat(TradingCalendar.easterSunday(2016)).isEqualTo(LocalDate.of(2016, 3, 27));
        assertThat(TradingCalendar.holidays(2017)).contains(LocalDate.of(2017, 4, 14));
    }

    @Test
    void floatingHolidaysFallOnTheirRuleDays() {
        assertThat(TradingCalendar.holidays(2016)).contains(
                LocalDate.of(2016, 1, 18), LocalDate.of(2016, 2, 15), LocalDate.of(2016, 5, 30),
                LocalDate.of(2016, 9, 5), LocalDate.of(2016, 11, 24));
    }
}
