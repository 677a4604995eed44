package sluice.app;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

/** Opens the real workbench window in a TestFX test and waits for what it does in the background. */
public final class WorkbenchFixture {
    public static final Path EXAMPLES = Path.of("..", "sample-data", "pipelines").toAbsolutePath().normalize();

    private WorkbenchFixture() {
    }

    /** Builds the window on {@code stage} as {@link WorkbenchApp} does. Call from a TestFX {@code @Start} method. */
    public static Workbench open(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Workbench workbench = new Workbench();
        Scene scene = new Scene(workbench.root(), 1400, 900);
        scene.getStylesheets().add(WorkbenchApp.class.getResource("/sluice/app/workbench.css").toExternalForm());
        workbench.attach(stage);
        stage.setScene(scene);
        stage.show();
        return workbench;
    }

    public static Path example(String name) {
        return EXAMPLES.resolve(name + ".sluice.json");
    }

    /** Waits (on the test thread) until {@code condition}, checked on the FX thread, holds. */
    public static void await(String what, BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(Duration.ofSeconds(30).toMillis(), TimeUnit.MILLISECONDS, () -> {
                WaitForAsyncUtils.waitForFxEvents();
                return WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get();
            });
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting until " + what, e);
        }
    }
}
