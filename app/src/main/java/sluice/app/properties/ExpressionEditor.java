package sluice.app.properties;

import java.util.function.Consumer;
import javafx.scene.Node;
import sluice.engine.diag.Position;
import sluice.engine.pipeline.OptionSpec;
import sluice.engine.pipeline.OptionValue;
import sluice.engine.types.Schema;

/** FX thread only. One Spark SQL expression option: an {@link ExpressionField}, committed on Enter or focus lost. */
final class ExpressionEditor implements OptionEditor {
    private final ExpressionField expression = new ExpressionField();
    private final TextCommit commit;

    ExpressionEditor(OptionSpec option, Position where, Consumer<OptionValue> onCommit) {
        expression.textField().setId("option-" + option.name());
        expression.textField().setPromptText(OptionEditor.prompt(option));
        expression.setDescription(option.description() + " (Ctrl+Space completes names)");
        expression.setWhere(where);
        commit = new TextCommit(expression.textField(),
                text -> onCommit.accept(text == null ? null : OptionValue.of(text)));
    }

    ExpressionField field() {
        return expression;
    }

    @Override
    public Node view() {
        return expression.view();
    }

    @Override
    public void show(OptionValue value) {
        commit.show(OptionEditor.text(value));
    }

    @Override
    public void focus(int element) {
        expression.textField().requestFocus();
        expression.textField().end();
    }

    @Override
    public void setInputSchema(Schema input) {
        expression.setInputSchema(input);
    }
}
