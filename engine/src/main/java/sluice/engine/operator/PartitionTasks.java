package sluice.engine.operator;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import sluice.engine.task.TaskInterruption;

/**
 * Runs the partitions of a micro-batch in parallel, like Spark's tasks on local[N], and returns results in partition
 * order so output stays deterministic. A stop interrupts the waiting query thread, which cancels (interrupts) the
 * running tasks, as Spark's stop cancels the batch's job; see {@link TaskInterruption}. Thread-safe; owned by one
 * query, closed when the query stops.
 */
public final class PartitionTasks implements AutoCloseable {
    private final ExecutorService pool;
    private final int parallelism;

    public PartitionTasks(int parallelism, String name) {
        this.parallelism = parallelism;
        this.pool = Executors.newFixedThreadPool(parallelism, runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    public int parallelism() {
        return parallelism;
    }

    /** {@code task} applied to every item, in parallel; the first failure (in item order) is rethrown as it was. */
    public <T, R> List<R> map(List<T> items, Function<T, R> task) {
        if (items.size() <= 1 || parallelism == 1) {
            List<R> results = new ArrayList<>(items.size());
            for (T item : items) {
                TaskInterruption.check();
                results.add(task.apply(item));
            }
            return results;
        }
        List<Future<R>> futures = new ArrayList<>(items.size());
        for (T item : items) {
            futures.add(pool.submit(() -> task.apply(item)));
        }
        List<R> results = new ArrayList<>(items.size());
        for (Future<R> future : futures) {
            results.add(await(future, futures));
        }
        return results;
    }

    private static <R> R await(Future<R> future, List<? extends Future<?>> all) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            all.forEach(f -> f.cancel(true));
            throw TaskInterruption.of(e);
        } catch (ExecutionException e) {
            all.forEach(f -> f.cancel(true));
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
