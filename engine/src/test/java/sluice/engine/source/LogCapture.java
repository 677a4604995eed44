package sluice.engine.source;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/** Collects the log lines of one class's logger while a test runs; close to stop listening. Thread-safe. */
final class LogCapture extends Handler implements AutoCloseable {
    private final Logger logger;
    private final List<String> lines = new CopyOnWriteArrayList<>();

    LogCapture(Class<?> owner) {
        this.logger = Logger.getLogger(owner.getName());
        logger.addHandler(this);
    }

    @Override
    public void publish(LogRecord record) {
        lines.add(record.getLevel() + ": " + new SimpleFormatter().formatMessage(record));
    }

    /** Waits, bounded, for a first line and returns it. */
    String awaitLine() {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (lines.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("nothing was logged");
            }
            Thread.onSpinWait();
        }
        return lines.get(0);
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
