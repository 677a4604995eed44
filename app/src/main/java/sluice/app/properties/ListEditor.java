package sluice.app.properties;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import sluice.engine.diag.Position;
import sluice.engine.pipeline.OptionSpec;
import sluice.engine.pipeline.OptionValue;
import sluice.engine.types.Schema;

/**
 * FX thread only. A list option (expressions or plain strings): one row per element with buttons to move it up or
 * down and to remove it, and an Add button. A row's text is committed on Enter or focus lost, a move or removal at
 * once; each commit sets the whole list (blank rows left out) as one edit.
 */
final class ListEditor implements OptionEditor {
    /** One element's row; {@code expression} is null in a list of plain strings. */
    private record Row(HBox view, TextField field, TextCommit commit, ExpressionField expression) {}

    private final OptionSpec option;
    private final Position where;
    private final boolean aggregations;
    private final Consumer<OptionValue> onCommit;
    private final List<Row> rows = new ArrayList<>();
    private final VBox rowBox = new VBox(4);
    private final Button add = new Button("+ Add");
    private final VBox view;
    private Schema input;
    private boolean rebuilding;

    private ListEditor(OptionSpec option, Position where, boolean aggregations, Consumer<OptionValue> onCommit) {
        this.option = option;
        this.where = where;
        this.aggregations = aggregations;
        this.onCommit = onCommit;
        add.getStyleClass().addAll("small", "list-add");
        add.setTooltip(new Tooltip("Add an element"));
        add.setOnAction(e -> addRow("").field().requestFocus());
        view = new VBox(4, rowBox, add);
        view.setId("option-" + option.name());
        view.getStyleClass().add("list-editor");
    }

    static ListEditor expressions(OptionSpec option, Position where, Consumer<OptionValue> onCommit) {
        return new ListEditor(option, where, false, onCommit);
    }

    /** A list of aggregate function calls: checked and completed as aggregations, not as row expressions. */
    static ListEditor aggregations(OptionSpec option, Position where, Consumer<OptionValue> onCommit) {
        return new ListEditor(option, where, true, onCommit);
    }

    static ListEditor strings(OptionSpec option, Consumer<OptionValue> onCommit) {
        return new ListEditor(option, null, false, onCommit);
    }

    private Row addRow(String text) {
        TextField field = new TextField();
        ExpressionField expression = null;
        Node input = field;
        if (where != null) {
            expression = new ExpressionField(field);
            expression.setAllowStar(!aggregations);
            expression.setAggregation(aggregations);
            expression.setGrouping(option.name().equals("groupBy"));
            expression.setDescription(option.description() + " (Ctrl+Space completes names)");
            expression.setInputSchema(this.input);
            input = expression.view();
        } else {
            field.setTooltip(new Tooltip(option.description()));
        }
        Button up = rowButton("↑", "Move up");
        Button down = rowButton("↓", "Move down");
        Button remove = rowButton("✕", "Remove");
        HBox.setHgrow(input, Priority.ALWAYS);
        // The text keeps the width of any other editor's beside its buttons: where the sheet is too narrow for that
        // beside the labels, the labels go above and the expressions get the panel's width, not a third of it.
        ((Region) input).setMinWidth(OptionGrid.MIN_EDITOR_WIDTH);
        HBox box = new HBox(2, input, up, down, remove);
        box.getStyleClass().add("list-row");
        Row row = new Row(box, field, new TextCommit(field, ignored -> commitList()), expression);
        row.commit().show(text);
        up.setOnAction(e -> move(row, -1));
        down.setOnAction(e -> move(row, 1));
        remove.setOnAction(e -> remove(row));
        rows.add(row);
        rowBox.getChildren().add(box);
        renumber();
        return row;
    }

    private static Button rowButton(String text, String tip) {
        Button button = new Button(text);
        button.getStyleClass().addAll("small", "flat", "list-row-button");
        button.setTooltip(new Tooltip(tip));
        button.setFocusTraversable(false);
        return button;
    }

    private void move(Row row, int by) {
        int from = rows.indexOf(row);
        int to = from + by;
        if (from < 0 || to < 0 || to >= rows.size()) {
            return;
        }
        rows.remove(from);
        rows.add(to, row);
        rowBox.getChildren().setAll(rows.stream().map(Row::view).toList());
        renumber();
        commitList();
    }

    private void remove(Row row) {
        rows.remove(row);
        rowBox.getChildren().remove(row.view());
        renumber();
        commitList();
    }

    /** Ids and problem positions follow the row's place: the engine calls the third expression 'expressions #3'. */
    private void renumber() {
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            row.field().setId("option-" + option.name() + "-" + (i + 1));
            row.field().setPromptText(Position.elementOption(option.name(), i));
            if (row.expression() != null) {
                row.expression().setWhere(new Position(where.nodeId(), Position.elementOption(option.name(), i), 0, 0));
            }
        }
    }

    private List<String> values() {
        return rows.stream().map(r -> r.field().getText()).filter(t -> t != null && !t.isBlank()).toList();
    }

    private void commitList() {
        if (rebuilding) {
            return;
        }
        List<String> values = values();
        onCommit.accept(values.isEmpty() ? null : OptionValue.of(values));
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public void show(OptionValue value) {
        List<String> shown = OptionEditor.texts(value);
        if (shown.equals(values())) {
            return;
        }
        // Removing a focused row moves focus, which would commit the half-built list; the document is the truth here.
        rebuilding = true;
        try {
            rows.clear();
            rowBox.getChildren().clear();
            shown.forEach(this::addRow);
        } finally {
            rebuilding = false;
        }
    }

    @Override
    public void focus(int element) {
        if (rows.isEmpty()) {
            add.requestFocus();
            return;
        }
        TextField field = rows.get(Math.max(0, Math.min(element, rows.size() - 1))).field();
        field.requestFocus();
        field.end();
    }

    @Override
    public void setInputSchema(Schema schema) {
        input = schema;
        rows.stream().filter(r -> r.expression() != null).forEach(r -> r.expression().setInputSchema(schema));
    }
}
