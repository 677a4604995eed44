package sluice.app.files;

import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/**
 * The question asked before unsaved changes would be lost (New, Open, closing the window): Save, Don't Save or
 * Cancel. The question is an interface so the decision logic is tested without a dialog.
 */
public final class UnsavedChanges {
    /** What the user chose. */
    public enum Choice { SAVE, DISCARD, CANCEL }

    /**
     * Asks what to do with the unsaved changes of {@code document}, named as the title bar names it ("'mine.sluice.json'
     * (My pipeline)"). FX thread only.
     */
    @FunctionalInterface
    public interface Prompt {
        Choice ask(String document);
    }

    static final ButtonType SAVE = new ButtonType("Save", ButtonBar.ButtonData.YES);
    static final ButtonType DISCARD = new ButtonType("Don't Save", ButtonBar.ButtonData.NO);
    static final ButtonType CANCEL = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);

    private UnsavedChanges() {
    }

    /** The real question, as a modal dialog over {@code owner}'s window. */
    public static Prompt dialog(Supplier<Window> owner) {
        return name -> {
            Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", SAVE, DISCARD, CANCEL);
            alert.setTitle("Unsaved changes");
            alert.setHeaderText("Save the changes to " + name + "?");
            alert.setContentText("Your changes are lost if you don't save them.");
            alert.getDialogPane().setId("unsaved-changes-dialog");
            Window window = owner.get();
            if (window != null) {
                alert.initOwner(window);
            }
            Optional<ButtonType> chosen = alert.showAndWait();
            return chosen.map(UnsavedChanges::choiceOf).orElse(Choice.CANCEL);
        };
    }

    static Choice choiceOf(ButtonType button) {
        if (button == SAVE) {
            return Choice.SAVE;
        }
        return button == DISCARD ? Choice.DISCARD : Choice.CANCEL;
    }
}
