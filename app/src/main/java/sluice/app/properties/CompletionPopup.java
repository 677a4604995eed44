package sluice.app.properties;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.stage.Popup;
import sluice.engine.aggregate.AggregateCompiler;
import sluice.engine.expr.functions.FunctionRegistry;
import sluice.engine.expr.functions.SqlFunction;

/**
 * FX thread only. Completion of the name being typed in an expression field: the input's columns first (a column
 * named exactly as typed at the top, so Enter keeps it), then the aggregate functions where the field holds an
 * aggregation, then the engine's functions. It opens by itself as a name is typed and on Ctrl+Space; Up and Down
 * choose, Enter or Tab inserts, Escape closes. The text field keeps the keyboard focus throughout.
 */
final class CompletionPopup {
    /**
     * One thing that can be inserted: a column name, or a function (inserted with its opening parenthesis), shown
     * with its signature and, as a tooltip, what it does.
     */
    record Suggestion(String name, boolean function, String signature, String description) {
        static Suggestion column(String name) {
            return new Suggestion(name, false, "column", "");
        }

        static Suggestion aggregate(String name) {
            return new Suggestion(name, true, "aggregate function", "");
        }

        static Suggestion function(SqlFunction function, String calledName) {
            return new Suggestion(calledName, true, String.join("; ", function.signaturesAs(calledName)),
                    function.description());
        }

        String insertion() {
            if (function) {
                return name + "(";
            }
            return name.matches("[A-Za-z_][A-Za-z0-9_]*") ? name : "`" + name.replace("`", "``") + "`";
        }
    }

    private static final KeyCombination OPEN = new KeyCodeCombination(KeyCode.SPACE, KeyCombination.SHORTCUT_DOWN);
    private static final FunctionRegistry FUNCTIONS = FunctionRegistry.standard();

    private final TextField field;
    private final Supplier<List<String>> columns;
    private final ListView<Suggestion> list = new ListView<>();
    private final Popup popup = new Popup();
    private boolean typed;
    private boolean aggregates;
    private int tokenStart;

    CompletionPopup(TextField field, Supplier<List<String>> columns) {
        this.field = requireNonNull(field, "field is null");
        this.columns = requireNonNull(columns, "columns is null");
        list.getStyleClass().add("completion-list");
        list.getStylesheets().add(CompletionPopup.class.getResource("/sluice/app/properties.css").toExternalForm());
        list.setCellFactory(view -> new SuggestionCell());
        list.setPrefWidth(420);
        list.setFocusTraversable(false);
        list.setOnMouseClicked(event -> {
            if (event.getButton() == MouseButton.PRIMARY && list.getSelectionModel().getSelectedItem() != null) {
                accept(list.getSelectionModel().getSelectedItem());
            }
        });
        popup.getContent().add(list);
        popup.setAutoHide(true);
        // The caret moves after the text changes, so the name before the caret is read when the caret moves.
        field.textProperty().addListener((obs, old, text) -> typed = field.isFocused());
        field.caretPositionProperty().addListener((obs, old, caret) -> {
            if (typed) {
                typed = false;
                update(false);
            }
        });
        field.focusedProperty().addListener((obs, was, focused) -> {
            if (!focused) {
                popup.hide();
            }
        });
        field.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
    }

    private void onKey(KeyEvent event) {
        if (OPEN.match(event)) {
            update(true);
            event.consume();
            return;
        }
        if (!popup.isShowing()) {
            return;
        }
        switch (event.getCode()) {
            case DOWN -> move(1);
            case UP -> move(-1);
            case ENTER, TAB -> {
                Suggestion chosen = list.getSelectionModel().getSelectedItem();
                if (chosen != null && !chosen.function() && chosen.insertion().equals(typedWord())) {
                    // The column is already written out: the key does what it does in the field (Enter commits).
                    popup.hide();
                    return;
                }
                accept(chosen);
            }
            case ESCAPE -> popup.hide();
            default -> {
                return;
            }
        }
        event.consume();
    }

    private void move(int by) {
        int size = list.getItems().size();
        int next = Math.floorMod(list.getSelectionModel().getSelectedIndex() + by, size);
        list.getSelectionModel().select(next);
        list.scrollTo(next);
    }

    /** Whether aggregate function names are offered, before the engine's row functions. */
    void offerAggregates(boolean offered) {
        aggregates = offered;
    }

    private int wordStart() {
        String text = field.getText() == null ? "" : field.getText();
        int start = Math.min(field.getCaretPosition(), text.length());
        while (start > 0 && ExpressionField.isWordChar(text.charAt(start - 1))) {
            start--;
        }
        return start;
    }

    /** The name before the caret. */
    private String typedWord() {
        String text = field.getText() == null ? "" : field.getText();
        return text.substring(wordStart(), Math.min(field.getCaretPosition(), text.length()));
    }

    /** Shows the names that start with the one before the caret; {@code asked}: also when nothing is typed yet. */
    void update(boolean asked) {
        int start = wordStart();
        String prefix = typedWord();
        List<Suggestion> found = prefix.isEmpty() && !asked ? List.of() : suggestions(prefix);
        if (found.isEmpty() || found.size() == 1 && found.get(0).insertion().equals(prefix)) {
            popup.hide();
            return;
        }
        tokenStart = start;
        list.getItems().setAll(found);
        list.getSelectionModel().select(0);
        list.scrollTo(0);
        list.setPrefHeight(Math.min(found.size(), 8) * 26 + 6);
        if (!popup.isShowing() && field.getScene() != null && field.getScene().getWindow() != null) {
            Point2D below = field.localToScreen(0, field.getHeight());
            popup.show(field, below.getX(), below.getY());
        }
    }

    List<Suggestion> suggestions(String prefix) {
        String lower = prefix.toLowerCase(Locale.ROOT);
        List<Suggestion> found = new ArrayList<>();
        List<String> names = columns.get();
        if (!prefix.isEmpty() && names.contains(prefix)) {
            found.add(Suggestion.column(prefix));
        }
        for (String column : names) {
            if (column.toLowerCase(Locale.ROOT).startsWith(lower) && !column.equals(prefix)) {
                found.add(Suggestion.column(column));
            }
        }
        if (aggregates) {
            for (String function : AggregateCompiler.FUNCTIONS) {
                if (function.startsWith(lower) && !function.equals(prefix)) {
                    found.add(Suggestion.aggregate(function));
                }
            }
        }
        for (String function : FUNCTIONS.callableNames()) {
            if (function.startsWith(lower) && !function.equals(prefix)
                    && !(aggregates && AggregateCompiler.FUNCTIONS.contains(function))) {
                found.add(Suggestion.function(FUNCTIONS.find(function).orElseThrow(), function));
            }
        }
        return found;
    }

    private void accept(Suggestion chosen) {
        popup.hide();
        if (chosen == null) {
            return;
        }
        int caret = Math.min(field.getCaretPosition(), field.getLength());
        typed = false;
        field.replaceText(Math.min(tokenStart, caret), caret, chosen.insertion());
        typed = false;
    }

    boolean isShowing() {
        return popup.isShowing();
    }

    List<Suggestion> items() {
        return List.copyOf(list.getItems());
    }

    /** A suggestion's name and, muted, 'column' or the function's signature; a function's tooltip says what it does. */
    private static final class SuggestionCell extends ListCell<Suggestion> {
        @Override
        protected void updateItem(Suggestion item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            setText(item.name());
            Label kind = new Label(item.signature());
            kind.getStyleClass().add("completion-kind");
            setGraphic(kind);
            setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
            setTooltip(item.description().isEmpty() ? null : new Tooltip(item.description()));
        }
    }
}
