package sluice.app.files;

import java.util.Optional;
import java.util.function.Supplier;
import javafx.fxml.FXML;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.stage.Window;
import sluice.app.frame.FxmlFile;

/**
 * The question asked before unsaved changes would be lost (New, Open, Quit, closing the window): Save, Don't Save or
 * Cancel; the controller of {@code unsaved-changes.fxml}. The question is an interface so the decision logic is
 * tested without a dialog.
 */
public final class UnsavedChanges {
    /** What the user chose. */
    public enum Choice { SAVE, DISCARD, CANCEL }

    /**
     * Asks what to do with the unsaved changes of {@code document}, named as the title bar names it
     * ("'mine.sluice.json' (My pipeline)"). FX thread only.
     */
    @FunctionalInterface
    public interface Prompt {
        Choice ask(String document);
    }

    private final String document;
    @FXML private DialogPane pane;

    private UnsavedChanges(String document) {
        this.document = document;
    }

    @FXML
    private void initialize() {
        pane.setHeaderText("Save the changes to " + document + "?");
    }

    /** The real question, as a modal dialog over {@code owner}'s window. */
    public static Prompt dialog(Supplier<Window> owner) {
        return name -> {
            Dialog<ButtonType> dialog = new Dialog<>();
            dialog.setTitle("Unsaved changes");
            dialog.setDialogPane(FxmlFile.load("unsaved-changes.fxml", new UnsavedChanges(name)));
            Window window = owner.get();
            if (window != null) {
                dialog.initOwner(window);
            }
            Optional<ButtonType> chosen = dialog.showAndWait();
            return chosen.map(UnsavedChanges::choiceOf).orElse(Choice.CANCEL);
        };
    }

    static Choice choiceOf(ButtonType button) {
        if (button.getButtonData() == ButtonBar.ButtonData.YES) {
            return Choice.SAVE;
        }
        return button.getButtonData() == ButtonBar.ButtonData.NO ? Choice.DISCARD : Choice.CANCEL;
    }
}
