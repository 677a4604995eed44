package sluice.app.theme;

import java.util.Optional;
import javafx.fxml.FXML;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.stage.Window;
import sluice.app.frame.FxmlFile;

/**
 * Controller of {@code about.fxml}, Help › About Sluice: version, what Sluice is, its Spark semantics, and the
 * libraries it is built on. FX thread only.
 */
public final class AboutBox {
    @FXML private DialogPane pane;

    private AboutBox() {
    }

    /** The jar's version, or "development build" when run from classes. */
    public static String version() {
        return Optional.ofNullable(AboutBox.class.getPackage().getImplementationVersion())
                .orElse("development build");
    }

    @FXML
    private void initialize() {
        pane.setHeaderText("Sluice " + version());
    }

    /** Shows the box over {@code owner} (none: on its own) and returns at once. */
    public static void show(Window owner) {
        Dialog<Void> dialog = new Dialog<>();
        dialog.setTitle("About Sluice");
        dialog.setDialogPane(FxmlFile.load("about.fxml", new AboutBox()));
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.show();
    }
}
