package sluice.app.properties;

import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Tooltip;
import sluice.engine.pipeline.OptionSpec;
import sluice.engine.pipeline.OptionValue;

/**
 * FX thread only. One of a fixed set of values as a drop-down; unset shows the default as prompt. A value from the
 * file that is not one of the choices is listed too, so the user sees what the problem is about.
 */
final class ChoiceEditor implements OptionEditor {
    private final ComboBox<String> box = new ComboBox<>();
    private final OptionSpec option;
    private boolean showing;

    ChoiceEditor(OptionSpec option, Consumer<OptionValue> onCommit) {
        this.option = option;
        box.setId("option-" + option.name());
        box.getItems().setAll(option.choices());
        box.setPromptText(OptionEditor.prompt(option));
        box.setTooltip(new Tooltip(option.description() + ": " + String.join(", ", option.choices())));
        box.setMaxWidth(Double.MAX_VALUE);
        box.valueProperty().addListener((obs, old, chosen) -> {
            if (!showing && chosen != null) {
                onCommit.accept(OptionValue.of(chosen));
            }
        });
    }

    @Override
    public Node view() {
        return box;
    }

    @Override
    public void show(OptionValue value) {
        String text = OptionEditor.text(value);
        showing = true;
        try {
            box.getItems().retainAll(option.choices());
            if (!text.isEmpty() && !box.getItems().contains(text)) {
                box.getItems().add(text);
            }
            box.setValue(text.isEmpty() ? null : text);
        } finally {
            showing = false;
        }
    }

    @Override
    public void focus(int element) {
        box.requestFocus();
    }
}
