package sluice.app.run;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import sluice.engine.runtime.QueryProgress;

/**
 * FX thread only. State, batch id, rows/s and the last batch's duration, and any message from the run, on ControlsFX's
 * status bar; while a batch runs longer than {@link #BUSY_AFTER_NANOS}, its id, elapsed time and (file sources) the
 * files and bytes it reads beside a busy bar, and while a trigger waits that long for a source's offsets (a Kafka
 * broker that does not answer), which source and for how long.
 * The run's activity is sampled once a pulse, so a stream with nothing flowing reads idle, not the last batch's rate.
 */
public final class StatusBar implements FeedListener {
    /** A batch shorter than this passes without a busy bar flickering on and off. */
    static final long BUSY_AFTER_NANOS = 300_000_000L;
    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");
    static final String IDLE = "idle · 0 rows/s";
    private final Supplier<RunActivity> activity;
    private final LongSupplier nanoTime;
    private final Label state = new Label();
    private final Label batch = new Label("Batch: -");
    private final Label rate = new Label("0 rows/s");
    private final Label duration = new Label("- ms");
    private final Label message = new Label();
    private final org.controlsfx.control.StatusBar view = new org.controlsfx.control.StatusBar();
    /** The step whose time is shown (null: none): its phase, batch and source, whatever its figures. */
    private RunActivity busyStep;
    private long busySince;

    /** The bar of {@code session}'s runs, timing long batches with the system's monotonic clock. */
    public StatusBar(RunSession session) {
        this(session.stateProperty(), session::activity, System::nanoTime);
    }

    /**
     * @param activity what the run is doing, read once a pulse
     * @param nanoTime a monotonic clock in nanoseconds, for how long a batch has been running
     */
    public StatusBar(ObservableValue<RunState> runState, Supplier<RunActivity> activity, LongSupplier nanoTime) {
        this.activity = requireNonNull(activity, "activity is null");
        this.nanoTime = requireNonNull(nanoTime, "nanoTime is null");
        state.textProperty().bind(runState.map(RunState::label));
        state.setId("run-state");
        state.getStyleClass().add("run-state");
        state.pseudoClassStateChanged(FAILED, runState.getValue() == RunState.FAILED);
        runState.addListener((obs, old, now) -> state.pseudoClassStateChanged(FAILED, now == RunState.FAILED));
        batch.setId("batch-id");
        rate.setId("rows-per-second");
        duration.setId("batch-duration");
        message.setId("run-message");
        view.setId("status-bar");
        view.setText("");
        // A long message is cut, not the state and figures before it ("Fai..." said nothing).
        for (Label figure : new Label[] {state, batch, rate, duration}) {
            figure.setMinWidth(Region.USE_PREF_SIZE);
        }
        view.getLeftItems().setAll(state, batch, rate, duration);
        view.getRightItems().setAll(message);
    }

    public Node view() {
        return view;
    }

    @Override
    public void onProgress(QueryProgress progress) {
        batch.setText("Batch: " + progress.batchId());
        rate.setText(String.format(Locale.ROOT, "%,.0f rows/s", progress.processedRowsPerSecond()));
        duration.setText(progress.triggerExecutionMs() + " ms");
    }

    @Override
    public void onPulseEnd() {
        RunActivity now = activity.get();
        showBusy(now);
        // Idle until the next batch's progress: the status flips to "trigger active" at every poll for data.
        if (now.phase() == RunActivity.Phase.NO_DATA) {
            rate.setText(IDLE);
        }
    }

    /**
     * The running batch's id and time, or the source a trigger is waiting for, once longer than
     * {@link #BUSY_AFTER_NANOS}; nothing otherwise.
     */
    private void showBusy(RunActivity now) {
        if (now.phase() != RunActivity.Phase.PROCESSING && now.phase() != RunActivity.Phase.GETTING_OFFSETS) {
            busyStep = null;
            view.setText("");
            view.setProgress(0);
            return;
        }
        long time = nanoTime.getAsLong();
        if (busyStep == null || busyStep.phase() != now.phase() || busyStep.batchId() != now.batchId()
                || !Objects.equals(busyStep.source(), now.source())) {
            busyStep = now;
            busySince = time;
        }
        long elapsed = time - busySince;
        boolean busy = elapsed >= BUSY_AFTER_NANOS;
        view.setText(busy ? busyText(now, elapsed) : "");
        view.setProgress(busy ? -1 : 0);
    }

    private static String busyText(RunActivity now, long elapsedNanos) {
        if (now.phase() == RunActivity.Phase.GETTING_OFFSETS) {
            return String.format(Locale.ROOT, "Asking '%s' for new data · %.1f s", now.source(), elapsedNanos / 1e9);
        }
        String files = now.files() == 0 ? "" : String.format(Locale.ROOT, " · %d file%s, %s", now.files(),
                now.files() == 1 ? "" : "s", byteText(now.bytes()));
        return String.format(Locale.ROOT, "Running batch %d · %.1f s%s", now.batchId(), elapsedNanos / 1e9, files);
    }

    /** {@code 980 B}, {@code 1.4 KB}, {@code 12.0 MB}: the size of a batch's files at a glance (1 KB = 1,024 B). */
    static String byteText(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    @Override
    public void onEnd(String text) {
        message.setText(text == null ? "" : text);
    }

    @Override
    public void onReset() {
        batch.setText("Batch: -");
        rate.setText("0 rows/s");
        duration.setText("- ms");
        message.setText("");
        busyStep = null;
        view.setText("");
        view.setProgress(0);
    }
}
