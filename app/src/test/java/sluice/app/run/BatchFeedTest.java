package sluice.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BatchFeedTest {
    private static FeedEvent.BatchEvent batch(long id) {
        return new FeedEvent.BatchEvent(id, Map.of());
    }

    @Test
    void dropsTheOldestBatchWhenFullAndCountsIt() {
        BatchFeed feed = new BatchFeed(3);

        for (long id = 0; id < 5; id++) {
            feed.offer(batch(id));
        }

        assertThat(feed.skippedBatches()).isEqualTo(2);
        assertThat(((FeedEvent.BatchEvent) feed.poll()).batchId()).isEqualTo(2);
        assertThat(((FeedEvent.BatchEvent) feed.poll()).batchId()).isEqualTo(3);
        assertThat(((FeedEvent.BatchEvent) feed.poll()).batchId()).isEqualTo(4);
        assertThat(feed.poll()).isNull();
    }

    @Test
    void keepsProgressEventsAndDropsBatchesInstead() {
        BatchFeed feed = new BatchFeed(2);
        feed.offer(new FeedEvent.EndEvent("first"));
        feed.offer(batch(0));

        feed.offer(new FeedEvent.EndEvent("second"));

        assertThat(feed.poll()).isEqualTo(new FeedEvent.EndEvent("first"));
        assertThat(feed.poll()).isEqualTo(new FeedEvent.EndEvent("second"));
        assertThat(feed.skippedBatches()).isEqualTo(1);
    }
}
