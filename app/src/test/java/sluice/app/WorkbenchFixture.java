package sluice.app;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Opens the real workbench window in a TestFX test and waits for what it does in the background. */
public final class WorkbenchFixture {
    public static final Path EXAMPLES = Path.of("..", "sample-data", "pipelines").toAbsolutePath().normalize();
    /** The size of the test window: the screen the product is checked on, 1280 by 800. */
    public static final double WIDTH = 1280;
    public static final double HEIGHT = 800;

    private WorkbenchFixture() {
    }

    /** Builds the window on {@code stage} as {@link WorkbenchApp} does. Call from a TestFX {@code @Start} method. */
    public static Workbench open(Stage stage) {
        return open(stage, Clock.systemUTC());
    }

    /**
     * As {@link #open(Stage)}, with {@code clock} as the engine's clock for runs. The window starts as at a first
     * launch: the layout an earlier test left behind (split positions, tabs) is forgotten, so where a control lies
     * does not depend on the order of the tests. It is as large as the screen the product is checked on
     * ({@link LayoutTest}), so a test passes only where a user of that screen could do what it does.
     */
    public static Workbench open(Stage stage, Clock clock) {
        forgetLayout();
        return open(stage, new Workbench(clock), WIDTH, HEIGHT);
    }

    /** Opens {@code pipeline} in the window as File > Open does and waits until the workbench has checked it. */
    public static void openChecked(FxRobot robot, Workbench workbench, Path pipeline) {
        robot.interact(() -> workbench.files().open(pipeline));
        awaitChecked(workbench);
    }

    /**
     * Waits until the workbench has checked the pipeline it shows: its problems, schemas and plan (null when it has
     * problems) are then those of that pipeline.
     */
    public static void awaitChecked(Workbench workbench) {
        await("the pipeline is checked",
                () -> workbench.validation().checkedProperty().get() == workbench.document().spec());
    }

    /** Removes the remembered layout from the preferences node the workbench uses by default. */
    private static void forgetLayout() {
        try {
            Preferences.userRoot().node(System.getProperty("sluice.preferences", "sluice/app")).node("layout")
                    .removeNode();
        } catch (BackingStoreException e) {
            throw new IllegalStateException("cannot reset the remembered layout", e);
        }
    }

    /** Shows {@code workbench} on {@code stage} in a window of {@code width} by {@code height}, as the app does. */
    public static Workbench open(Stage stage, Workbench workbench, double width, double height) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Scene scene = new Scene(workbench.root(), width, height);
        scene.getStylesheets().add(WorkbenchApp.class.getResource("/sluice/app/workbench.css").toExternalForm());
        workbench.attach(stage);
        stage.setScene(scene);
        // The test framework shows every test on one stage: an earlier test may have sized it.
        stage.sizeToScene();
        stage.show();
        return workbench;
    }

    /** The stock-price folder the examples replay: 12 CSV files of one symbol and year each. */
    public static final Path STOCKS = EXAMPLES.resolveSibling("stocks");
    public static final String STOCKS_SCHEMA =
            "Date DATE, Open DOUBLE, High DOUBLE, Low DOUBLE, Close DOUBLE, Volume BIGINT, Name STRING";

    public static Path example(String name) {
        return EXAMPLES.resolve(name + ".sluice.json");
    }

    /**
     * Scrolls the scroll pane that holds {@code node} (a property editor low in the sheet) until the node's top is in
     * view, as a person scrolls to an editor before clicking it; a test that clicks must not count on a window tall
     * enough to show everything.
     */
    public static void scrollIntoView(FxRobot robot, Node node) {
        robot.interact(() -> {
            for (Parent parent = node.getParent(); parent != null; parent = parent.getParent()) {
                if (parent instanceof ScrollPane scroll && scroll.getContent() != null) {
                    Node content = scroll.getContent();
                    double hidden = content.getLayoutBounds().getHeight() - scroll.getViewportBounds().getHeight();
                    if (hidden > 0) {
                        double top = content.sceneToLocal(node.localToScene(node.getLayoutBounds())).getMinY();
                        double share = Math.max(0, Math.min(1, top / hidden));
                        scroll.setVvalue(scroll.getVmin() + (scroll.getVmax() - scroll.getVmin()) * share);
                    }
                    return;
                }
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Clicks {@code node} once {@link #scrollIntoView} has brought it into view. */
    public static void clickInView(FxRobot robot, Node node) {
        scrollIntoView(robot, node);
        robot.clickOn(node);
    }

    /** The text of the one labeled control {@code query} finds (a label, a button, a cell), read on the FX thread. */
    public static String text(FxRobot robot, String query) {
        return onFx(() -> robot.lookup(query).queryLabeled().getText());
    }

    /** Waits until the labeled control {@code query} reads {@code expected}; says what it read if it never does. */
    public static void awaitText(FxRobot robot, String query, String expected) {
        AtomicReference<String> last = new AtomicReference<>();
        try {
            WaitForAsyncUtils.waitFor(Duration.ofSeconds(30).toMillis(), TimeUnit.MILLISECONDS, () -> {
                last.set(text(robot, query));
                return expected.equals(last.get());
            });
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting until " + query + " reads '" + expected + "'; it reads '"
                    + last.get() + "'", e);
        }
    }

    /** Runs {@code read} on the FX thread after the events queued so far, and returns what it gave. */
    public static <T> T onFx(Callable<T> read) {
        WaitForAsyncUtils.waitForFxEvents();
        try {
            return WaitForAsyncUtils.asyncFx(read).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("reading the window failed", e);
        }
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
