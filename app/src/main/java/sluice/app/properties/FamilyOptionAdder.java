package sluice.app.properties;

import static java.util.Objects.requireNonNull;

import java.util.function.BiConsumer;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * FX thread only. The sheet's row for adding an option of a family such as {@code kafka.*}: the rest of the name after
 * the prefix, a value, and Add (or Enter), which hands the whole name and the value on to become one edit. Add stays
 * disabled until both are filled and the name has no spaces, so a half-typed option never reaches the file.
 */
final class FamilyOptionAdder {
    private final String prefix;
    private final BiConsumer<String, String> add;
    private final TextField name = new TextField();
    private final TextField value = new TextField();
    private final Button button = new Button("Add");
    private final HBox view;

    /** {@code family} is a prefix option ({@code kafka.*}); {@code add} gets the full option name and its value. */
    FamilyOptionAdder(String family, BiConsumer<String, String> add) {
        this.prefix = family.substring(0, family.length() - 1);
        this.add = requireNonNull(add, "add is null");
        String key = prefix.replace(".", "");
        name.setId("add-" + key + "-name");
        name.setPromptText("name");
        name.setTooltip(new Tooltip("The setting's name after '" + prefix + "', such as fetch.min.bytes"));
        value.setId("add-" + key + "-value");
        value.setPromptText("value");
        button.setId("add-" + key);
        button.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> fullName() == null || value.getText().isBlank(), name.textProperty(), value.textProperty()));
        button.setOnAction(e -> addNow());
        name.setOnAction(e -> value.requestFocus());
        value.setOnAction(e -> addNow());
        Label lead = new Label(prefix);
        lead.getStyleClass().add("option-prefix");
        HBox.setHgrow(name, Priority.ALWAYS);
        HBox.setHgrow(value, Priority.ALWAYS);
        view = new HBox(4, lead, name, value, button);
    }

    Node view() {
        return view;
    }

    /** The option's whole name, or null while what was typed cannot be one. */
    private String fullName() {
        String rest = name.getText().strip();
        if (rest.regionMatches(true, 0, prefix, 0, prefix.length())) {
            rest = rest.substring(prefix.length());
        }
        return rest.isEmpty() || rest.chars().anyMatch(Character::isWhitespace) ? null : prefix + rest;
    }

    private void addNow() {
        String option = fullName();
        if (option == null || value.getText().isBlank()) {
            return;
        }
        String text = value.getText().strip();
        name.clear();
        value.clear();
        add.accept(option, text);
    }
}
