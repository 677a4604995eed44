package sluice.app.run;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * What console sinks print, collected on the query thread and handed to the feed on every flush (a console sink
 * flushes once per batch). Owned by the query thread.
 */
final class ConsoleStream extends ByteArrayOutputStream {
    private final BatchFeed feed;

    ConsoleStream(BatchFeed feed) {
        this.feed = feed;
    }

    @Override
    public synchronized void flush() {
        if (size() > 0) {
            feed.offer(new FeedEvent.ConsoleEvent(toString(StandardCharsets.UTF_8)));
            reset();
        }
    }
}
