package sluice.app;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Files;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The JavaFX application: applies the theme, opens the window, and acts on {@code --open FILE} and {@code --run}. */
public final class WorkbenchApp extends Application {
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
        stage.show();
        if (options.run()) {
            workbench.runWhenChecked();
        }
    }

    @Override
    public void stop() {
        if (workbench != null) {
            workbench.close();
        }
    }
}
