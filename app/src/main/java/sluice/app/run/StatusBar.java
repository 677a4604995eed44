package sluice.app.run;

import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import sluice.engine.runtime.QueryProgress;

/** FX thread only. State, batch id, rows/s and the last batch's duration, and any message from the run. */
public final class StatusBar implements FeedListener {
    private final Label state = new Label();
    private final Label batch = new Label("Batch: -");
    private final Label rate = new Label("0 rows/s");
    private final Label duration = new Label("- ms");
    private final Label message = new Label();
    private final HBox view;

    public StatusBar(RunSession session) {
        state.textProperty().bind(session.stateProperty().map(RunState::label));
        state.setId("run-state");
        batch.setId("batch-id");
        rate.setId("rows-per-second");
        duration.setId("batch-duration");
        message.setId("run-message");
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        view = new HBox(16, state, batch, rate, duration, spring, message);
        view.setPadding(new Insets(4, 8, 4, 8));
        view.getStyleClass().add("status-bar");
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
    public void onEnd(String text) {
        message.setText(text == null ? "" : text);
    }

    @Override
    public void onReset() {
        batch.setText("Batch: -");
        rate.setText("0 rows/s");
        duration.setText("- ms");
        message.setText("");
    }
}
