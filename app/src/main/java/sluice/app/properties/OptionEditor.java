package sluice.app.properties;

import java.util.List;
import java.util.function.Consumer;
import javafx.scene.Node;
import sluice.engine.diag.Position;
import sluice.engine.pipeline.OptionSpec;
import sluice.engine.pipeline.OptionValue;
import sluice.engine.types.Schema;

/**
 * FX thread only. The editor of one option of the selected node, one implementation per {@link
 * sluice.engine.pipeline.OptionKind}. It shows values from the document without committing them, and hands each
 * committed change (null: remove the option, so the default applies) to the sheet, which makes it an edit.
 */
interface OptionEditor {
    Node view();

    /** Shows the document's value (null when the option is not set); does not commit. */
    void show(OptionValue value);

    /** Moves keyboard focus into the editor; {@code element} is the 0-based row of a list, ignored otherwise. */
    void focus(int element);

    /** The schema of the node's input, for expression checks and completion; null when not known (yet). */
    default void setInputSchema(Schema input) {
    }

    /** The editor for {@code option} of node {@code nodeId}; changes go to {@code commit}. */
    static OptionEditor of(OptionSpec option, String nodeId, Consumer<OptionValue> commit) {
        Position where = Position.option(nodeId, option.name());
        return switch (option.kind()) {
            case STRING -> new TextEditor(option, commit, null);
            case DURATION -> new TextEditor(option, commit, TextEditor::durationProblem);
            case DELAY -> new TextEditor(option, commit, TextEditor::delayProblem);
            case INTEGER -> new IntegerEditor(option, commit);
            case BOOLEAN -> new BooleanEditor(option, commit);
            case CHOICE -> new ChoiceEditor(option, commit);
            case SCHEMA -> new SchemaEditor(option, commit);
            case EXPRESSION -> new ExpressionEditor(option, where, commit);
            case EXPRESSION_LIST -> ListEditor.expressions(option, where, commit);
            case AGGREGATION_LIST -> ListEditor.aggregations(option, where, commit);
            case STRING_LIST -> ListEditor.strings(option, commit);
            case PATH -> new PathEditor(option, commit);
        };
    }

    /** The value as one line of text; a list written where one string is expected shows comma-separated. */
    static String text(OptionValue value) {
        if (value == null) {
            return "";
        }
        if (value instanceof OptionValue.Text text) {
            return text.value();
        }
        if (value instanceof OptionValue.TextList list) {
            return String.join(", ", list.values());
        }
        throw new AssertionError(value);
    }

    /** The value as a list; a single string is a list of one. */
    static List<String> texts(OptionValue value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof OptionValue.Text text) {
            return List.of(text.value());
        }
        if (value instanceof OptionValue.TextList list) {
            return list.values();
        }
        throw new AssertionError(value);
    }

    /** What an empty editor says: the default, or that a value is required. */
    static String prompt(OptionSpec option) {
        if (option.defaultValue() != null) {
            return option.defaultValue();
        }
        return option.required() ? "required" : "";
    }
}
