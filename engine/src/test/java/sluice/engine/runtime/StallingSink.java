package sluice.engine.runtime;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import sluice.engine.sink.Sink;
import sluice.engine.sink.SinkContext;
import sluice.engine.task.TaskInterruption;
import sluice.engine.types.PartitionedBatch;

/** A fake sink whose writes never finish until their thread is interrupted, as a write to a stuck medium. */
final class StallingSink implements Sink {
    private final CountDownLatch writing = new CountDownLatch(1);

    @Override
    public void start(SinkContext context) {
    }

    @Override
    public void addBatch(long batchId, PartitionedBatch data) {
        writing.countDown();
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            throw TaskInterruption.of(e);
        }
    }

    /** Waits (bounded) until a batch is being written. */
    void awaitWriting() throws InterruptedException {
        if (!writing.await(Duration.ofSeconds(30).toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("no batch reached the sink");
        }
    }
}
