package sluice.app.inspect;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import sluice.engine.types.DataType;
import sluice.engine.types.Field;
import sluice.engine.types.Row;
import sluice.engine.types.Schema;

/**
 * Mutable, FX thread only. The inspector's virtualized table: one typed, sortable column per field (header
 * {@code name: TYPE}), nulls as a dim {@code null}, and the rows changed since the previous batch with the style
 * class {@code changed}. Columns are rebuilt only when the schema changes, so a sort survives new batches.
 */
final class InspectorTable {
    static final String CHANGED = "changed";
    static final String NULL_CELL = "null-cell";
    private final TableView<Row> view = new TableView<>();
    private final ZoneId zone;
    private Schema schema = Schema.EMPTY;
    private Set<Row> changed = Set.of();

    InspectorTable(ZoneId zone) {
        this.zone = zone;
        view.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        view.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(Row item, boolean empty) {
                super.updateItem(item, empty);
                boolean isChanged = !empty && item != null && changed.contains(item);
                if (isChanged && !getStyleClass().contains(CHANGED)) {
                    getStyleClass().add(CHANGED);
                } else if (!isChanged) {
                    getStyleClass().remove(CHANGED);
                }
            }
        });
    }

    TableView<Row> view() {
        return view;
    }

    /** Columns for {@code newSchema} (kept when it is unchanged) and the rows to highlight. */
    void show(Schema newSchema, Set<Row> changedRows) {
        boolean highlightsChanged = !changed.equals(changedRows);
        changed = changedRows;
        if (!newSchema.equals(schema)) {
            schema = newSchema;
            List<TableColumn<Row, Object>> columns = new ArrayList<>(schema.size());
            for (int i = 0; i < schema.size(); i++) {
                columns.add(column(schema.field(i), i));
            }
            view.getSortOrder().clear();
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
