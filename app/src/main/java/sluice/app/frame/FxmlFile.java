package sluice.app.frame;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/**
 * One FXML file of {@code ui-resources/sluice/app/frame}, read with the controller instance the caller made (so the
 * controller gets what it needs through its constructor, not through static state). FX thread only.
 */
public final class FxmlFile {
    private FxmlFile() {
    }

    /**
     * Reads {@code name} (such as {@code about.fxml}) and returns its root; the file's fx:controller must be the class
     * of {@code controller}.
     */
    public static <T extends Parent> T load(String name, Object controller) {
        requireNonNull(controller, "controller is null");
        URL file = FxmlFile.class.getResource("/sluice/app/frame/" + name);
        if (file == null) {
            throw new IllegalStateException("no FXML file " + name);
        }
        FXMLLoader loader = new FXMLLoader(file);
        loader.setControllerFactory(type -> {
            if (type != controller.getClass()) {
                throw new IllegalStateException(name + " names controller " + type.getName() + ", not "
                        + controller.getClass().getName());
            }
            return controller;
        });
        try {
            return loader.load();
        } catch (IOException e) {
            // The file is part of the program: failing to read it is a broken build, not a user's mistake.
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }
}
