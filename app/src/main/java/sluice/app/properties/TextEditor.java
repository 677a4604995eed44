package sluice.app.properties;

import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import sluice.engine.pipeline.DurationText;
import sluice.engine.pipeline.OptionSpec;
import sluice.engine.pipeline.OptionValue;

/**
 * FX thread only. A one-line text option ({@code STRING}, and {@code DURATION} and {@code DELAY} with a check as you
 * type). The check only colours the field; the value is committed as written and the engine's validation has the
 * final word.
 */
final class TextEditor implements OptionEditor {
    static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    private final TextField field = new TextField();
    private final TextCommit commit;
    private final Tooltip tip;

    /** {@code check} gives a problem with the text as typed, or null; null for no check. */
    TextEditor(OptionSpec option, Consumer<OptionValue> onCommit, UnaryOperator<String> check) {
        field.setId("option-" + option.name());
        field.setPromptText(OptionEditor.prompt(option));
        tip = new Tooltip(option.description());
        field.setTooltip(tip);
        commit = new TextCommit(field, text -> onCommit.accept(text == null ? null : OptionValue.of(text)));
        if (check != null) {
            field.textProperty().addListener((obs, old, text) -> {
                String problem = text.isBlank() ? null : check.apply(text);
                field.pseudoClassStateChanged(INVALID, problem != null);
                tip.setText(problem == null ? option.description() : problem);
            });
        }
    }

    static String durationProblem(String text) {
        return DurationText.parse(text).isPresent() ? null
                : "'" + text.trim() + "' is not a duration; write it like '10 seconds' or '500 ms'";
    }

    static String delayProblem(String text) {
        return DurationText.parseDelay(text).isPresent() ? null
                : "'" + text.trim() + "' is not a delay; write it like '10 minutes' or '1 month'";
    }

    @Override
    public Node view() {
        return field;
    }

    @Override
    public void show(OptionValue value) {
        commit.show(OptionEditor.text(value));
    }

    @Override
    public void focus(int element) {
        field.requestFocus();
        field.selectAll();
    }
}
