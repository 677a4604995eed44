package sluice.app.properties;

import static java.util.Objects.requireNonNull;

import java.util.function.Consumer;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * FX thread only. Turns typing in a text control into one committed value: on Enter (Ctrl+Enter in a text area) and
 * when focus leaves, never per keystroke; Escape goes back to the value last shown. A blank text commits null, which
 * removes the option so its default applies.
 */
final class TextCommit {
    private final TextInputControl field;
    private final Consumer<String> commit;
    private String shown = "";

    TextCommit(TextInputControl field, Consumer<String> commit) {
        this.field = requireNonNull(field, "field is null");
        this.commit = requireNonNull(commit, "commit is null");
        field.focusedProperty().addListener((obs, was, focused) -> {
            // Focus also leaves when the window closes or the scene is swapped; that is not the user committing.
            if (!focused && field.getScene() != null && field.getScene().getWindow() != null
                    && field.getScene().getWindow().isShowing()) {
                commitNow();
            }
        });
        field.addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
    }

    private void onKey(KeyEvent event) {
        boolean area = field instanceof TextArea;
        if (event.getCode() == KeyCode.ENTER && (!area || event.isShortcutDown())) {
            commitNow();
            event.consume();
        } else if (event.getCode() == KeyCode.ESCAPE && !field.getText().equals(shown)) {
            field.setText(shown);
            field.end();
            event.consume();
        }
    }

    /** Shows {@code text} from the document without committing it. */
    void show(String text) {
        String value = text == null ? "" : text;
        shown = value;
        if (!field.getText().equals(value)) {
            field.setText(value);
        }
    }

    void commitNow() {
        String text = field.getText() == null ? "" : field.getText();
        if (text.equals(shown)) {
            return;
        }
        shown = text;
        commit.accept(text.isBlank() ? null : text);
    }
}
