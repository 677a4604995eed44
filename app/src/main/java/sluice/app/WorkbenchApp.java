package sluice.app;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/** The JavaFX application: applies the theme, opens the window, and acts on {@code --open FILE} and {@code --run}. */
public final class WorkbenchApp extends Application {
    private static final System.Logger LOG = System.getLogger(WorkbenchApp.class.getName());
    private Workbench workbench;

    @Override
    public void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        StartOptions options = StartOptions.parse(getParameters().getRaw());
        workbench = new Workbench();
        Scene scene = new Scene(workbench.root());
        scene.getStylesheets().add(WorkbenchApp.class.getResource("/sluice/app/workbench.css").toExternalForm());
        workbench.attach(stage);
        workbench.restoreWindow(stage, javafx.stage.Screen.getPrimary().getVisualBounds());
        stage.setOnCloseRequest(event -> {
            if (!workbench.files().confirmDiscard(stage)) {
                event.consume();
            }
        });
        stage.setScene(scene);
        if (options.open() != null && Files.exists(options.open())) {
            workbench.files().open(options.open());
        } else {
            workbench.files().newDocument();
        }
        // Start-up is measured to this line (README, Install): the packaged launcher's figure and its training run.
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, event -> LOG.log(System.Logger.Level.INFO,
                "window shown {0} ms after the process started", Long.toString(millisSinceProcessStart())));
        stage.show();
        if (options.run()) {
            workbench.runWhenChecked();
        }
    }

    private static long millisSinceProcessStart() {
        return ProcessHandle.current().info().startInstant()
                .map(start -> Duration.between(start, Instant.now()).toMillis()).orElse(-1L);
    }

    @Override
    public void stop() {
        if (workbench != null) {
            workbench.close();
        }
    }
}
