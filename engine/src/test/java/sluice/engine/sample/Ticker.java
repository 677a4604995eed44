package sluice.engine.sample;

/**
 * The symbols in the sample data, with where their price walks start and how much they trade.
 *
 * <p>Start prices are near the real closes of 2 January 2015; volumes are in the right order of magnitude, so charts
 * of the sample look like the real thing without copying market data.
 */
enum Ticker {
    AAPL(10_933, 50_000_000, 0x5EED_AA91L),
    GOOGL(52_400, 2_000_000, 0x5EED_6006L),
    AMZN(30_850, 3_500_000, 0x5EED_A3A2L),
    MSFT(4_676, 30_000_000, 0x5EED_3505L);

    private final long startCents;
    private final long typicalVolume;
    private final long seed;

    Ticker(long startCents, long typicalVolume, long seed) {
        this.startCents = startCents;
        this.typicalVolume = typicalVolume;
        this.seed = seed;
    }

    long startCents() {
        return startCents;
    }

    long typicalVolume() {
        return typicalVolume;
    }

    /** Fixed per symbol so that adding or reordering symbols never changes another symbol's prices. */
    long seed() {
        return seed;
    }
}
