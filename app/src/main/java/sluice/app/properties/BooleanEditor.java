package sluice.app.properties;

import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Tooltip;
import sluice.engine.pipeline.OptionSpec;
import sluice.engine.pipeline.OptionValue;

/** FX thread only. A true/false option as a check box; unset shows the default and says so. */
final class BooleanEditor implements OptionEditor {
    private final CheckBox box = new CheckBox();
    private final OptionSpec option;
    private boolean showing;

    BooleanEditor(OptionSpec option, Consumer<OptionValue> onCommit) {
        this.option = option;
        box.setId("option-" + option.name());
        box.setTooltip(new Tooltip(option.description()));
        box.selectedProperty().addListener((obs, was, selected) -> {
            if (!showing) {
                box.setText("");
                onCommit.accept(OptionValue.of(Boolean.toString(selected)));
            }
        });
    }

    @Override
    public Node view() {
        return box;
    }

    @Override
    public void show(OptionValue value) {
        String text = OptionEditor.text(value).trim();
        boolean unset = text.isEmpty();
        showing = true;
        try {
            box.setSelected(Boolean.parseBoolean(unset ? option.defaultValue() : text));
        } finally {
            showing = false;
        }
        box.setText(unset ? "(default)" : text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false") ? ""
                : "'" + text + "'");
    }

    @Override
    public void focus(int element) {
        box.requestFocus();
    }
}
