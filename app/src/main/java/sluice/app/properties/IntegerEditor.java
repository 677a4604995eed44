package sluice.app.properties;

import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.Tooltip;
import sluice.engine.pipeline.OptionSpec;
import sluice.engine.pipeline.OptionValue;

/**
 * FX thread only. A whole-number option: a text field that refuses anything but digits and a leading minus sign, so
 * what it commits is always a number (or nothing, for the default). Up and Down step it by one.
 */
final class IntegerEditor implements OptionEditor {
    private final TextField field = new TextField();
    private final TextCommit commit;
    private boolean showing;

    IntegerEditor(OptionSpec option, Consumer<OptionValue> onCommit) {
        field.setId("option-" + option.name());
        field.getStyleClass().add("integer-field");
        field.setPromptText(OptionEditor.prompt(option));
        field.setTooltip(new Tooltip(option.description() + " (whole number; Up and Down step it)"));
        field.setTextFormatter(new TextFormatter<String>(change ->
                showing || change.getControlNewText().matches("-?\\d{0,18}") ? change : null));
        commit = new TextCommit(field, text -> onCommit.accept(text == null || text.equals("-") ? null
                : OptionValue.of(text)));
        field.setOnKeyPressed(event -> {
            switch (event.getCode()) {
                case UP -> step(1, option);
                case DOWN -> step(-1, option);
                default -> {
                    return;
                }
            }
            event.consume();
        });
    }

    private void step(int by, OptionSpec option) {
        String text = field.getText().isBlank() ? option.defaultValue() : field.getText();
        long now = text == null || text.isBlank() || text.equals("-") ? 0 : Long.parseLong(text);
        field.setText(Long.toString(now + by));
        field.end();
    }

    @Override
    public Node view() {
        return field;
    }

    @Override
    public void show(OptionValue value) {
        // A value from the file that is not a number is shown as is, so the user sees what the problem is about.
        showing = true;
        try {
            commit.show(OptionEditor.text(value));
        } finally {
            showing = false;
        }
    }

    @Override
    public void focus(int element) {
        field.requestFocus();
        field.selectAll();
    }
}
