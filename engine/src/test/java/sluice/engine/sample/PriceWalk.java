package sluice.engine.sample;

import java.time.LocalDate;
import java.util.Random;

/**
 * Mutable, single-threaded: a geometric random walk of one symbol's daily prices, one bar per call to {@link #next}.
 *
 * <p>The walk keeps its last close, so calling it for 2015, then 2016, then 2017 continues each year from where the
 * previous one ended. It uses {@link Random} because its algorithm (and that of {@code nextGaussian}) is fixed by its
 * javadoc, and {@link StrictMath} because {@code Math.exp} may differ between platforms: the committed sample data must
 * come out byte for byte the same on every JDK and machine.
 */
final class PriceWalk {
    private static final double DRIFT = 0.0005;
    private static final double VOLATILITY = 0.015;
    /** Overnight gap between the previous close and the open, a fraction of the daily volatility. */
    private static final double GAP_VOLATILITY = 0.004;
    /** How far the intraday high and low reach beyond the open and close. */
    private static final double RANGE_VOLATILITY = 0.006;
    private static final double VOLUME_VOLATILITY = 0.3;

    private final Random random;
    private final long typicalVolume;
    private long closeCents;

    PriceWalk(Ticker ticker) {
        this.random = new Random(ticker.seed());
        this.typicalVolume = ticker.typicalVolume();
        this.closeCents = ticker.startCents();
    }

    /** The bar for {@code date}, which moves the walk on by one trading day. */
    DailyBar next(LocalDate date) {
        double previous = closeCents / 100.0;
        long open = toCents(previous * StrictMath.exp(GAP_VOLATILITY * random.nextGaussian()));
        double logReturn = DRIFT + VOLATILITY * random.nextGaussian();
        long close = toCents(previous * StrictMath.exp(logReturn));
        long high = Math.max(open, close) + reach(Math.max(open, close));
        long low = Math.max(1, Math.min(open, close) - reach(Math.min(open, close)));
        // Big moves trade more, as in real markets; the log-normal factor keeps volume positive.
        double moveFactor = 1 + 20 * Math.abs(logReturn - DRIFT);
        double noise = VOLUME_VOLATILITY * random.nextGaussian() - VOLUME_VOLATILITY * VOLUME_VOLATILITY / 2;
        long volume = Math.round(typicalVolume * moveFactor * StrictMath.exp(noise));
        closeCents = close;
        return new DailyBar(date, open, high, low, close, Math.max(1, volume));
    }

    private long reach(long cents) {
        return Math.round(cents * RANGE_VOLATILITY * Math.abs(random.nextGaussian()));
    }

    private static long toCents(double price) {
        return Math.max(1, Math.round(price * 100));
    }
}
