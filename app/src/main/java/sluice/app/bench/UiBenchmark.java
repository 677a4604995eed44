package sluice.app.bench;

import atlantafx.base.theme.PrimerLight;
import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.stage.Stage;
import sluice.app.charts.ChartsPanel;
import sluice.app.charts.MetricsView;
import sluice.app.document.PipelineDocument;
import sluice.app.document.Selection;
import sluice.app.inspect.BatchInspector;
import sluice.app.run.BatchFeed;
import sluice.app.run.FeedPump;
import sluice.engine.pipeline.NodeSpec;
import sluice.engine.pipeline.OptionValue;
import sluice.engine.pipeline.PipelineSpec;
import sluice.engine.pipeline.Trigger;

/**
 * Streams 10,000-row batches at 10 batches a second for 60 s (or {@code args[0]} seconds) into a real window holding
 * the live views as the workbench builds them (the feed, the pump, an inspector on the table sink, an inspector on
 * the source's edge, the chart of a {@code sink.chart} with 8 series, the metrics) and prints the longest pulse, the
 * batches the hand-off skipped, the collections' pauses and the heap after a GC at 0, 20, 40 and 60 s. Run it with
 * the workbench's collector options (README). Prints to standard output: it is a report tool like the CLI, not part
 * of the app.
 */
public final class UiBenchmark {
    private static final int ROWS_PER_BATCH = 10_000;
    private static final long BATCH_INTERVAL_NANOS = 100_000_000L;
    private final AtomicLong longestGapNanos = new AtomicLong();
    private final AtomicLong longestGapOutsideGcNanos = new AtomicLong();
    private final AtomicLong frames = new AtomicLong();
    /** Gaps between pulses once streaming has run 5 s (class loading and first layouts done), in ms buckets. */
    private final long[] steadyGapsMs = new long[2_001];
    private volatile long steadyFromNanos = Long.MAX_VALUE;
    private volatile long gcUntilNanos;
    private BatchFeed feed;
    private FeedPump pump;
    private ChartsPanel charts;
    private BatchInspector tableInspector;
    private List<TimedListener> timed;

    public static void main(String[] args) throws Exception {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 60;
        new UiBenchmark().run(seconds);
        Platform.exit();
        System.exit(0);
    }

    /** The JVM's collections while streaming, the forced ones left out: what stops every thread, the FX one too. */
    private final AtomicLong longestGcPauseMillis = new AtomicLong();
    private final AtomicLong gcPauses = new AtomicLong();
    private final AtomicLong gcPauseTotalMillis = new AtomicLong();

    private void run(long seconds) throws Exception {
        watchCollections();
        CompletableFuture<Void> shown = new CompletableFuture<>();
        Platform.startup(() -> {
            open(new Stage());
            shown.complete(null);
        });
        shown.get();
        Map<Long, Long> heap = new LinkedHashMap<>();
        Thread.sleep(2_000);
        heap.put(0L, usedHeapAfterGc());
        BenchStream stream = new BenchStream(feed, ROWS_PER_BATCH);
        long start = System.nanoTime();
        steadyFromNanos = start + 5_000_000_000L;
        long next = start;
        long lastSample = 0;
        while (System.nanoTime() - start < seconds * 1_000_000_000L) {
            stream.offerNext(System.currentTimeMillis() * 1000);
            next += BATCH_INTERVAL_NANOS;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            long elapsed = (System.nanoTime() - start) / 1_000_000_000L;
            if (elapsed >= lastSample + 20 && elapsed < seconds) {
                lastSample = elapsed;
                heap.put(elapsed, usedHeapAfterGc());
            }
        }
        double actualSeconds = (System.nanoTime() - start) / 1e9;
        heap.put(seconds, usedHeapAfterGc());
        CompletableFuture<String> views = new CompletableFuture<>();
        Platform.runLater(() -> views.complete(String.format(Locale.ROOT,
                "table inspector: %s; chart points held: %,d, drawn last frame: %,d",
                tableInspector.summaryText(), charts.pointCount("chart"), charts.drawnPoints("chart"))));
        report(stream, actualSeconds, heap, views.get());
    }

    private void report(BenchStream stream, double seconds, Map<Long, Long> heap, String views) {
        System.out.printf(Locale.ROOT, "batches offered: %,d of %,d rows in %.1f s (%.1f batches/s)%n",
                stream.batches(), ROWS_PER_BATCH, seconds, stream.batches() / seconds);
        System.out.printf(Locale.ROOT, "frames: %,d (%.1f fps)%n", frames.get(), frames.get() / seconds);
        System.out.printf(Locale.ROOT, "longest gap between pulses: %.1f ms (%.1f ms outside forced GCs)%n",
                longestGapNanos.get() / 1e6, longestGapOutsideGcNanos.get() / 1e6);
        System.out.printf(Locale.ROOT, "after 5 s of streaming, outside forced GCs: median gap %d ms, p99 %d ms, "
                + "max %d ms, gaps over 50 ms: %d%n", percentile(0.5), percentile(0.99), percentile(1.0), over(50));
        System.out.printf(Locale.ROOT, "longest pump pulse (feed to views, incl. chart drawing): %.1f ms%n",
                pump.longestPulseNanos() / 1e6);
        System.out.printf(Locale.ROOT, "batches skipped by the hand-off: %,d%n", feed.skippedBatches());
        System.out.printf(Locale.ROOT, "collections not forced (%s): %,d, %,d ms in all, longest %d ms%n",
                collectors(), gcPauses.get(), gcPauseTotalMillis.get(), longestGcPauseMillis.get());
        heap.forEach((at, bytes) -> System.out.printf(Locale.ROOT, "heap after GC at %3d s: %,.1f MB%n", at,
                bytes / 1e6));
        System.out.println(views);
        timed.forEach(t -> System.out.println(t.report()));
    }

    private synchronized long percentile(double fraction) {
        long total = 0;
        for (long count : steadyGapsMs) {
            total += count;
        }
        long wanted = Math.max(1, (long) Math.ceil(total * fraction));
        long seen = 0;
        for (int ms = 0; ms < steadyGapsMs.length; ms++) {
            seen += steadyGapsMs[ms];
            if (seen >= wanted) {
                return ms;
            }
        }
        return -1;
    }

    private long over(int ms) {
        long count = 0;
        for (int i = ms + 1; i < steadyGapsMs.length; i++) {
            count += steadyGapsMs[i];
        }
        return count;
    }

    /** Counts each collection's pause, as the JVM reports it; the benchmark's own System.gc() calls are left out. */
    private void watchCollections() {
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener((notification, handback) -> {
                    String type = notification.getType();
                    if (!type.equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                        return;
                    }
                    GarbageCollectionNotificationInfo info =
                            GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                    // G1's concurrent cycle and ZGC's or Shenandoah's cycles stop no thread for their duration (their
                    // pauses are reported apart); "System.gc()" is the heap samples'.
                    String name = info.getGcName();
                    if (info.getGcCause().equals("System.gc()") || name.contains("Concurrent")
                            || name.contains("Cycles")) {
                        return;
                    }
                    long millis = info.getGcInfo().getDuration();
                    gcPauses.incrementAndGet();
                    gcPauseTotalMillis.addAndGet(millis);
                    longestGcPauseMillis.accumulateAndGet(millis, Math::max);
                }, null, null);
            }
        }
    }

    private static String collectors() {
        return String.join(", ", ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName).toList());
    }

    private long usedHeapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        gcUntilNanos = Long.MAX_VALUE;
        System.gc();
        long used = memory.getHeapMemoryUsage().getUsed();
        // Pulses that straddle the forced GC are reported apart: the app never forces one.
        gcUntilNanos = System.nanoTime() + 50_000_000L;
        return used;
    }

    private void open(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        feed = new BatchFeed(256);
        pump = new FeedPump(feed);
        PipelineDocument document = new PipelineDocument();
        document.replace(spec(), Path.of("bench.sluice.json"));
        Selection tableNode = new Selection();
        tableNode.selectOnly("table");
        Selection sourceEdge = new Selection();
        sourceEdge.selectEdge(new Selection.EdgeRef("rate", "pick", 0));
        tableInspector = new BatchInspector(tableNode, document.specProperty(), feed::skippedBatches);
        BatchInspector edgeInspector = new BatchInspector(sourceEdge, document.specProperty(), feed::skippedBatches);
        charts = new ChartsPanel(document);
        MetricsView metrics = new MetricsView();
        timed = List.of(new TimedListener("table inspector", tableInspector),
                new TimedListener("edge inspector", edgeInspector), new TimedListener("charts", charts),
                new TimedListener("metrics", metrics));
        timed.forEach(pump::addListener);
        SplitPane tables = new SplitPane(tableInspector.view(), edgeInspector.view());
        SplitPane plots = new SplitPane(charts.view(), metrics.view());
        SplitPane all = new SplitPane(tables, plots);
        all.setOrientation(Orientation.VERTICAL);
        Scene scene = new Scene(all, 1400, 900);
        scene.getStylesheets().add(UiBenchmark.class.getResource("/sluice/app/workbench.css").toExternalForm());
        stage.setTitle("Sluice UI benchmark");
        stage.setScene(scene);
        stage.show();
        pump.start();
        new AnimationTimer() {
            private long last;

            @Override
            public void handle(long now) {
                frames.incrementAndGet();
                if (last != 0) {
                    long gap = now - last;
                    longestGapNanos.accumulateAndGet(gap, Math::max);
                    long gcEnd = gcUntilNanos;
                    if (gcEnd != Long.MAX_VALUE && last > gcEnd) {
                        longestGapOutsideGcNanos.accumulateAndGet(gap, Math::max);
                        if (last > steadyFromNanos) {
                            steadyGapsMs[(int) Math.min(2_000, gap / 1_000_000)]++;
                        }
                    }
                }
                last = now;
            }
        }.start();
    }

    private static PipelineSpec spec() {
        return new PipelineSpec(PipelineSpec.FORMAT, "UI benchmark",
                new Trigger.ProcessingTime(java.time.Duration.ofMillis(100), "100 milliseconds"), null, List.of(
                node("rate", "source.rate", List.of(), "rowsPerSecond", "100000"),
                node("pick", "transform.select", List.of("rate")),
                node("table", "sink.table", List.of("pick"), "outputMode", "append", "maxBatches", "100"),
                new NodeSpec("chart", "sink.chart", List.of("pick"), 0, 0, Map.of("outputMode",
                        OptionValue.of("append"), "x", OptionValue.of("timestamp"),
                        "y", OptionValue.of(List.of("price")), "series", OptionValue.of("symbol"),
                        "maxPoints", OptionValue.of("1000")))));
    }

    private static NodeSpec node(String id, String type, List<String> inputs, String... options) {
        Map<String, OptionValue> values = new LinkedHashMap<>();
        for (int i = 0; i + 1 < options.length; i += 2) {
            values.put(options[i], OptionValue.of(options[i + 1]));
        }
        return new NodeSpec(id, type, inputs, 0, 0, values);
    }
}
