package sluice.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that moves only when the test moves it, for the engine's processing-time trigger. Thread-safe: the query
 * thread reads it while the test thread moves it. It remembers whether anyone read it since the last move, so a test
 * can wait until the query has looked at the new time (and so has decided whether a batch is due) before it checks
 * what the window shows.
 */
final class ManualClock extends Clock {
    private long millis;
    private long moves;
    private long readAtMove = -1;

    /** Starts at a whole minute, so trigger intervals line up with it as they do with the system clock. */
    ManualClock() {
        this.millis = Instant.parse("2026-01-05T09:00:00Z").toEpochMilli();
    }

    synchronized void advance(Duration by) {
        millis += by.toMillis();
        moves++;
    }

    /** True once the clock was read after its latest move. */
    synchronized boolean readSinceMove() {
        return readAtMove == moves;
    }

    @Override
    public synchronized long millis() {
        readAtMove = moves;
        return millis;
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the engine reads instants; zones come from the environment");
    }
}
