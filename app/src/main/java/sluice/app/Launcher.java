package sluice.app;

import javafx.application.Application;

/**
 * The main class. It is not an {@link Application} itself, so the JavaFX runtime can be found on the class path
 * (as Maven's javafx:run and a plain {@code java -cp} give it) instead of the module path.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        Application.launch(WorkbenchApp.class, args);
    }
}
