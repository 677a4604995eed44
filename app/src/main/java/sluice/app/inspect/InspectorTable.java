package sluice.app.inspect;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import sluice.engine.types.DataType;
import sluice.engine.types.Field;
import sluice.engine.types.MalformedRows;
import sluice.engine.types.Row;
import sluice.engine.types.Schema;

/**
 * Mutable, FX thread only. The inspector's virtualized table: one typed, sortable column per field (header
 * {@code name: TYPE}), nulls as a dim {@code null}, the rows an update or complete sink's batch changed with a first
 * column "change" ({@code new}, {@code changed}, {@code removed}) and the style classes {@code new}, {@code changed},
 * {@code removed}, and, when the batch has rows a file reader found malformed, a first column saying where each
 * one's record was ({@code a.csv line 2}; blank for the other rows). Columns are rebuilt only when the schema
 * changes, so a sort survives new batches.
 */
final class InspectorTable {
    static final String CHANGED = "changed";
    static final String NEW = "new";
    static final String REMOVED = "removed";
    static final String NULL_CELL = "null-cell";
    private final TableView<Row> view = new TableView<>();
    private final ZoneId zone;
    private Schema schema = Schema.EMPTY;
    private ChangedRows changes = ChangedRows.NONE;
    private final TableColumn<Row, ChangedRows.Change> change = new TableColumn<>("change");
    /** The malformed rows shown, by identity (two malformed records can make equal rows), and where each was. */
    private Map<Row, MalformedRows.Mark> malformed = Map.of();
    private final TableColumn<Row, MalformedRows.Mark> malformedAt = new TableColumn<>("malformed at");

    InspectorTable(ZoneId zone) {
        this.zone = zone;
        malformedAt.setId("inspector-malformed-at");
        malformedAt.setCellValueFactory(data -> new ReadOnlyObjectWrapper<>(malformed.get(data.getValue())));
        // By file, then line as a number (line 10 after line 9); the rows read well last.
        malformedAt.setComparator(Comparator.nullsLast(Comparator.comparing(MalformedRows.Mark::file)
                .thenComparingLong(MalformedRows.Mark::line)));
        malformedAt.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(MalformedRows.Mark mark, boolean empty) {
                super.updateItem(mark, empty);
                setText(empty || mark == null ? null : malformedAtText(mark));
            }
        });
        malformedAt.setPrefWidth(130);
        change.setId("inspector-change");
        change.setCellValueFactory(data -> new ReadOnlyObjectWrapper<>(changes.marks().get(data.getValue())));
        // New, changed, removed, then the rows the batch left as they were.
        change.setComparator(Comparator.nullsLast(Comparator.naturalOrder()));
        change.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(ChangedRows.Change mark, boolean empty) {
                super.updateItem(mark, empty);
                setText(empty || mark == null ? null : mark.name().toLowerCase(java.util.Locale.ROOT));
            }
        });
        change.setPrefWidth(80);
        view.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        view.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(Row item, boolean empty) {
                super.updateItem(item, empty);
                ChangedRows.Change mark = empty || item == null ? null : changes.marks().get(item);
                getStyleClass().removeAll(NEW, CHANGED, REMOVED);
                if (mark != null) {
                    getStyleClass().add(styleClass(mark));
                }
            }
        });
    }

    private static String styleClass(ChangedRows.Change mark) {
        return switch (mark) {
            case NEW -> NEW;
            case CHANGED -> CHANGED;
            case REMOVED -> REMOVED;
        };
    }

    /** How the "malformed at" column names where a malformed row's record was: {@code a.csv line 2}. */
    static String malformedAtText(MalformedRows.Mark mark) {
        return mark.file() + " line " + mark.line();
    }

    TableView<Row> view() {
        return view;
    }

    /**
     * Columns for {@code newSchema} (kept when it is unchanged), the rows to highlight, and the malformed rows with
     * where their records were (an identity map; empty hides the column).
     */
    void show(Schema newSchema, ChangedRows changedRows, Map<Row, MalformedRows.Mark> malformedRows) {
        boolean highlightsChanged = changes != changedRows || malformed != malformedRows;
        changes = changedRows;
        malformed = malformedRows;
        boolean showsChange = changedRows != ChangedRows.NONE;
        if (showsChange != view.getColumns().contains(change)) {
            if (showsChange) {
                view.getColumns().add(0, change);
            } else {
                view.getColumns().remove(change);
            }
        }
        boolean showsMalformedAt = !malformedRows.isEmpty();
        if (showsMalformedAt != view.getColumns().contains(malformedAt)) {
            if (showsMalformedAt) {
                view.getColumns().add(0, malformedAt);
            } else {
                view.getColumns().remove(malformedAt);
            }
        }
        if (!newSchema.equals(schema)) {
            schema = newSchema;
            List<TableColumn<Row, ?>> columns = new ArrayList<>(schema.size() + 1);
            for (int i = 0; i < schema.size(); i++) {
                columns.add(column(schema.field(i), i));
            }
            view.getSortOrder().clear();
            if (showsMalformedAt) {
                columns.add(0, malformedAt);
            }
            if (showsChange) {
                columns.add(0, change);
            }
            view.getColumns().setAll(columns);
        } else if (highlightsChanged) {
            view.refresh();
        }
    }

    private TableColumn<Row, Object> column(Field field, int index) {
        DataType type = field.type();
        TableColumn<Row, Object> column = new TableColumn<>(field.name() + ": " + type.sql());
        column.setCellValueFactory(data -> new ReadOnlyObjectWrapper<>(data.getValue().get(index)));
        column.setComparator(CellOrder.of(type, zone));
        // Wide enough for the bold "name: TYPE" header, so types are readable without resizing.
        column.setPrefWidth(Math.max(90, Math.min(280, 10 * column.getText().length() + 30)));
        if (type.isNumeric()) {
            column.getStyleClass().add("numeric");
        }
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Object value, boolean empty) {
                super.updateItem(value, empty);
                if (empty) {
                    setText(null);
                    getStyleClass().remove(NULL_CELL);
                    return;
                }
                setText(CellText.of(type, value, zone));
                if (value == null && !getStyleClass().contains(NULL_CELL)) {
                    getStyleClass().add(NULL_CELL);
                } else if (value != null) {
                    getStyleClass().remove(NULL_CELL);
                }
            }
        });
        return column;
    }
}
