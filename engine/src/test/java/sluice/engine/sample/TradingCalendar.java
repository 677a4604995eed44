package sluice.engine.sample;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Weekdays of a year without the NYSE's full-day holidays, computed by rule rather than read from a table.
 *
 * <p>Plausible, not authoritative: one-off closures (national days of mourning, storms) are not modelled. For
 * 2015 to 2017 the rules give the real exchange calendar (252, 252 and 251 trading days). Stateless.
 */
final class TradingCalendar {
    private TradingCalendar() {
    }

    /** The trading days of {@code year} in ascending order. */
    static List<LocalDate> tradingDays(int year) {
        Set<LocalDate> holidays = holidays(year);
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = LocalDate.of(year, 1, 1); day.getYear() == year; day = day.plusDays(1)) {
            if (isWeekday(day) && !holidays.contains(day)) {
                days.add(day);
            }
        }
        return days;
    }

    static boolean isWeekday(LocalDate day) {
        DayOfWeek dow = day.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
    }

    /** The exchange holidays observed in {@code year}, as weekdays. */
    static Set<LocalDate> holidays(int year) {
        Set<LocalDate> days = new TreeSet<>();
        // The NYSE does not close on Friday 31 December when New Year's Day is a Saturday, so only the Sunday case
        // moves the holiday (to Monday); a Saturday New Year's Day simply falls on a weekend.
        LocalDate newYear = LocalDate.of(year, 1, 1);
        days.add(newYear.getDayOfWeek() == DayOfWeek.SUNDAY ? newYear.plusDays(1) : newYear);
        days.add(nthWeekday(year, Month.JANUARY, 3, DayOfWeek.MONDAY));
        days.add(nthWeekday(year, Month.FEBRUARY, 3, DayOfWeek.MONDAY));
        days.add(easterSunday(year).minusDays(2));
        days.add(LocalDate.of(year, 5, 31).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
        days.add(observed(LocalDate.of(year, 7, 4)));
        days.add(nthWeekday(year, Month.SEPTEMBER, 1, DayOfWeek.MONDAY));
        days.add(nthWeekday(year, Month.NOVEMBER, 4, DayOfWeek.THURSDAY));
        days.add(observed(LocalDate.of(year, 12, 25)));
        days.removeIf(day -> !isWeekday(day));
        return days;
    }

    /** A fixed-date holiday on a Saturday is observed on Friday, on a Sunday on Monday. */
    private static LocalDate observed(LocalDate day) {
        if (day.getDayOfWeek() == DayOfWeek.SATURDAY) {
            return day.minusDays(1);
        }
        return day.getDayOfWeek() == DayOfWeek.SUNDAY ? day.plusDays(1) : day;
    }

    private static LocalDate nthWeekday(int year, Month month, int n, DayOfWeek dow) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, dow));
    }

    /** Gregorian Easter by the anonymous (Meeus/Jones/Butcher) algorithm; Good Friday is two days before. */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }
}
