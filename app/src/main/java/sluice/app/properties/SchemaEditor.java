package sluice.app.properties;

import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import sluice.engine.pipeline.OptionSpec;
import sluice.engine.pipeline.OptionValue;

/**
 * FX thread only. A DDL schema ({@code Date DATE, Close DOUBLE}) in a wrapping text area; committed when focus leaves
 * or on Ctrl+Enter, since Enter may be wanted for a new line. Tab moves to the next option as in every other field:
 * a schema never holds a tab, and a text area would otherwise type one.
 */
final class SchemaEditor implements OptionEditor {
    private final TextArea area = new TextArea();
    private final TextCommit commit;

    SchemaEditor(OptionSpec option, Consumer<OptionValue> onCommit) {
        area.setId("option-" + option.name());
        area.getStyleClass().add("schema-area");
        area.setWrapText(true);
        area.setPrefRowCount(3);
        String prompt = OptionEditor.prompt(option);
        area.setPromptText(prompt.isEmpty() ? "name TYPE, name TYPE" : prompt);
        area.setTooltip(new Tooltip(option.description() + " (Ctrl+Enter to apply)"));
        commit = new TextCommit(area, text -> onCommit.accept(text == null ? null : OptionValue.of(text)));
        area.addEventFilter(KeyEvent.KEY_PRESSED, SchemaEditor::tabTraverses);
    }

    /** The text area moves focus on Ctrl+Tab: a plain Tab is handed on as that. */
    private static void tabTraverses(KeyEvent event) {
        if (event.getCode() == KeyCode.TAB && !event.isControlDown()) {
            event.consume();
            ((Node) event.getTarget()).fireEvent(new KeyEvent(event.getSource(), event.getTarget(),
                    event.getEventType(), event.getCharacter(), event.getText(), event.getCode(),
                    event.isShiftDown(), true, event.isAltDown(), event.isMetaDown()));
        }
    }

    @Override
    public Node view() {
        return area;
    }

    @Override
    public void show(OptionValue value) {
        commit.show(OptionEditor.text(value));
    }

    @Override
    public void focus(int element) {
        area.requestFocus();
    }
}
