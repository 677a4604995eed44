package sluice.engine.sample;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Locale;

/**
 * One trading day of one symbol, prices in whole cents so the CSV text and the invariants are exact.
 * Made by {@link PriceWalk}, written by {@link StockDataGenerator}.
 */
record DailyBar(LocalDate date, long openCents, long highCents, long lowCents, long closeCents, long volume) {
    static final String CSV_HEADER = "Date,Open,High,Low,Close,Volume,Name";

    DailyBar {
        requireNonNull(date, "date is null");
        if (lowCents <= 0 || lowCents > Math.min(openCents, closeCents)
                || highCents < Math.max(openCents, closeCents) || volume <= 0) {
            throw new IllegalArgumentException("inconsistent bar on " + date);
        }
    }

    /** The CSV line for this bar, without the line end; {@code LocalDate.toString} is ISO {@code yyyy-MM-dd}. */
    String toCsvLine(String symbol) {
        return String.format(Locale.ROOT, "%s,%s,%s,%s,%s,%d,%s", date, price(openCents), price(highCents),
                price(lowCents), price(closeCents), volume, symbol);
    }

    private static String price(long cents) {
        return String.format(Locale.ROOT, "%d.%02d", cents / 100, cents % 100);
    }
}
