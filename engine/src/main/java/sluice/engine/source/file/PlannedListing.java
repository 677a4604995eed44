package sluice.engine.source.file;

import java.util.List;

/**
 * The listing of a file source's path taken when the pipeline is planned (to find its partition folders), handed to
 * the source's first trigger so that a start lists the folder once, not twice: after 100,000 files each listing was
 * a fifth of a restart. The first trigger takes it only while it is fresh ({@link #FRESH_NANOS}): the workbench
 * plans pipelines it never runs, and a plan started later lists again. Files written in between are found by the
 * next trigger, as files written during any listing are. Thread-safe (planned on one thread, started on another).
 */
public final class PlannedListing {
    /** How long after planning a start may still use the planning's listing. */
    static final long FRESH_NANOS = 10_000_000_000L;

    private List<ListedFile> files;
    private long listedAt;

    /** Keeps {@code all}, the files of the source's path listed without name or time filter, as listed now. */
    public synchronized void keep(List<ListedFile> all) {
        files = all;
        listedAt = System.nanoTime();
    }

    /** Whether a listing is kept and fresh, so that the first trigger will {@link #take} it. */
    synchronized boolean isFresh() {
        return files != null && System.nanoTime() - listedAt < FRESH_NANOS;
    }

    /** The files kept, once, when they are fresh; else null (and they are let go either way). */
    synchronized List<ListedFile> take() {
        List<ListedFile> taken = isFresh() ? files : null;
        files = null;
        return taken;
    }
}
