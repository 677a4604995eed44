package sluice.app.inspect;

import static java.util.Objects.requireNonNull;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import org.controlsfx.control.textfield.TextFields;
import sluice.app.document.Selection;
import sluice.app.run.FeedEvent;
import sluice.app.run.FeedListener;
import sluice.app.run.OnScreen;
import sluice.engine.pipeline.PipelineSpec;
import sluice.engine.runtime.BatchSnapshot;
import sluice.engine.types.MalformedRows;
import sluice.engine.types.Row;
import sluice.engine.types.Schema;

/**
 * Mutable, FX thread only. The rows that crossed the selected node (a sink: its input) or edge (its {@code from}
 * node's output), batch by batch: a virtualized table with typed, sortable columns, a bounded history navigated by
 * batch id, a filter, the rows changed since the previous batch highlighted for update and complete sinks, and copy
 * as CSV. Batches arrive through the feed pump; the table is refreshed at most once per pulse.
 */
public final class BatchInspector implements FeedListener {
    /**
     * A table re-laid out 10 times a second costs software rendering more than a person can read: while following a
     * stream the table shows the newest batch at most 4 times a second (the history keeps every batch).
     */
    static final long MIN_REFRESH_NANOS = 250_000_000L;
    private static final String MALFORMED_TIP = "Rows whose record was malformed (PERMISSIVE keeps them as nulls); "
            + "'malformed at' names the file and line, and a STRING column named as columnNameOfCorruptRecord "
            + "(_corrupt_record by default) in the source's schema holds the raw record";
    private static final String MALFORMED_LOST = "After '%s' the rows are new ones (an aggregation's groups), not the "
            + "records read: none of them is a malformed record";
    private final Selection selection;
    private final ObservableValue<PipelineSpec> spec;
    private final LongSupplier skippedBatches;
    /** Each node's output schema as validation found it, to know an aggregation's key columns. */
    private final Map<String, Schema> schemas;
    private final ZoneId zone = ZoneId.systemDefault();
    private final BatchHistory history;
    /** The state of each stateful node after each batch, kept as long as its output is. */
    private final BatchHistory stateHistory;
    private final StateToggle stateToggle = new StateToggle();
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final FilteredList<Row> filtered = new FilteredList<>(rows);
    private final SortedList<Row> sorted = new SortedList<>(filtered);
    private final InspectorTable table = new InspectorTable(zone);
    private final Label title = new Label("Select a node or an edge to see its rows");
    private final Label summary = new Label();
    private final Label skipped = new Label();
    private final ComboBox<Long> batchIds = new ComboBox<>();
    private final Button previous = new Button("◀");
    private final Button next = new Button("▶");
    /** ControlsFX's search field: a click on its ✕ clears the filter. */
    private final TextField filter = TextFields.createClearableTextField();
    /** Only the rows a file source's reader found malformed, as the engine marks them (see {@link MalformedReach}). */
    private final CheckBox malformedOnly = new CheckBox("Malformed only");
    /**
     * Holds the box and its tooltip: a disabled control gets no mouse events, so a tooltip of its own would never show
     * why it is greyed.
     */
    private final Label malformedFilter = new Label(null, malformedOnly);
    private final BorderPane view = new BorderPane();
    /** What the table says when it shows no row. */
    private final Label placeholder = new Label();
    private String node;
    /** The batch shown, or null to follow the newest one as batches arrive. */
    private Long pinnedBatch;
    private BatchSnapshot shown;
    private BatchSnapshot loaded;
    /** The malformed rows of the batch loaded, by identity, with where their records were. */
    private Map<Row, MalformedRows.Mark> malformedRows = Map.of();
    private ChangedRows changes = ChangedRows.NONE;
    private boolean dirty;
    private long lastRefreshNanos;
    private boolean updatingControls;

    /**
     * @param spec the pipeline being run, for the history length of {@code sink.table} nodes and the sinks' output
     *             modes
     * @param skippedBatches how many batches the feed dropped because the window fell behind
     */
    public BatchInspector(Selection selection, ObservableValue<PipelineSpec> spec, LongSupplier skippedBatches) {
        this(selection, spec, Map.of(), skippedBatches);
    }

    /**
     * @param schemas each node's output schema by id (validation's live map), so the rows an aggregation changed are
     *                told apart from new ones by its grouping columns; empty: rows are matched by all their values
     */
    public BatchInspector(Selection selection, ObservableValue<PipelineSpec> spec, Map<String, Schema> schemas,
                          LongSupplier skippedBatches) {
        this.schemas = requireNonNull(schemas, "schemas is null");
        this.selection = requireNonNull(selection, "selection is null");
        this.spec = requireNonNull(spec, "spec is null");
        this.skippedBatches = requireNonNull(skippedBatches, "skippedBatches is null");
        this.history = new BatchHistory(this::maxBatches, BatchHistory.ROW_BUDGET);
        this.stateHistory = new BatchHistory(this::maxBatches, BatchHistory.ROW_BUDGET / 2);
        sorted.comparatorProperty().bind(table.view().comparatorProperty());
        table.view().setItems(sorted);
        layout();
        selection.nodes().addListener((javafx.collections.ListChangeListener<String>) change -> select());
        selection.edgeProperty().addListener((obs, old, edge) -> select());
        filter.textProperty().addListener((obs, old, text) -> applyFilter());
        malformedOnly.selectedProperty().addListener((obs, old, on) -> applyFilter());
        stateToggle.stateChosen().addListener((obs, old, on) -> {
            title.setText(titleText());
            refresh();
        });
        batchIds.valueProperty().addListener((obs, old, id) -> {
            if (!updatingControls && id != null) {
                showBatch(id);
            }
        });
        select();
    }

    private void layout() {
        title.setId("inspector-title");
        summary.setId("inspector-summary");
        skipped.setId("inspector-skipped");
        skipped.getStyleClass().add("inspector-skipped");
        batchIds.setId("inspector-batch");
        batchIds.setTooltip(new Tooltip("Batch id"));
        batchIds.setPrefWidth(100);
        batchIds.setOnShowing(e -> {
            updatingControls = true;
            try {
                fillBatchIds(node == null ? List.of() : shownHistory().batches(node));
                batchIds.setValue(shown == null ? null : shown.batchId());
            } finally {
                updatingControls = false;
            }
        });
        previous.setId("inspector-previous");
        previous.setTooltip(new Tooltip("Previous batch"));
        previous.setOnAction(e -> step(-1));
        next.setId("inspector-next");
        next.setTooltip(new Tooltip("Next batch"));
        next.setOnAction(e -> step(1));
        filter.setId("inspector-filter");
        filter.setPromptText("Filter rows");
        filter.setPrefColumnCount(14);
        // The node's name, the batch and the row count are never cut: the bar wraps to a second line instead.
        title.setMinWidth(Region.USE_PREF_SIZE);
        summary.setMinWidth(Region.USE_PREF_SIZE);
        skipped.setMinWidth(Region.USE_PREF_SIZE);
        batchIds.setMinWidth(Region.USE_PREF_SIZE);
        HBox batchNavigation = new HBox(4, previous, batchIds, next);
        batchNavigation.setAlignment(Pos.CENTER_LEFT);
        malformedOnly.setId("inspector-malformed");
        malformedFilter.setId("inspector-malformed-filter");
        Tooltip malformedTip = new Tooltip(MALFORMED_TIP);
        malformedTip.setWrapText(true);
        malformedTip.setMaxWidth(420);
        malformedFilter.setTooltip(malformedTip);
        malformedFilter.managedProperty().bind(malformedFilter.visibleProperty());
        malformedFilter.setVisible(false);
        FlowPane bar = new FlowPane(8, 4, title, stateToggle.view(), batchNavigation, summary, skipped, filter,
                malformedFilter);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 8, 4, 8));
        bar.getStyleClass().add("inspector-bar");
        bar.setId("inspector-bar");
        TableView<Row> rowsView = table.view();
        rowsView.setId("inspector-table");
        rowsView.setPlaceholder(placeholder);
        rowsView.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        KeyCombination copy = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);
        // A handler on the table consumes Ctrl+C before the Edit menu's accelerator (which copies canvas nodes).
        rowsView.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (copy.match(e)) {
                copySelectedRows();
                e.consume();
            }
        });
        MenuItem copyItem = new MenuItem("Copy rows as CSV");
        copyItem.setId("inspector-copy");
        copyItem.setOnAction(e -> copySelectedRows());
        MenuItem copyAll = new MenuItem("Copy all shown rows as CSV");
        copyAll.setOnAction(e -> copyToClipboard(CsvText.of(shownSchema(), new ArrayList<>(sorted), zone)));
        rowsView.setContextMenu(new ContextMenu(copyItem, copyAll));
        view.setTop(bar);
        view.setCenter(rowsView);
        view.getStyleClass().add("batch-inspector");
        view.getStylesheets().add(BatchInspector.class.getResource("/sluice/app/live.css").toExternalForm());
    }

    public Node view() {
        return view;
    }

    /** The node whose output is shown: the edge's source, or the selected node (a sink's output is its input). */
    public String inspectedNode() {
        Selection.EdgeRef edge = selection.edgeProperty().get();
        return edge != null ? edge.from() : selection.primaryNode();
    }

    private void select() {
        node = inspectedNode();
        pinnedBatch = null;
        PipelineSpec pipeline = spec.getValue();
        stateToggle.showFor(pipeline, node == null || pipeline == null ? null : pipeline.node(node).orElse(null));
        title.setText(titleText());
        refresh();
    }

    private String titleText() {
        Selection.EdgeRef edge = selection.edgeProperty().get();
        return node == null ? "Select a node or an edge to see its rows"
                : edge != null ? edge.from() + " → " + edge.to() : node;
    }

    /** The history the inspector shows: the selected node's output rows, or its state when that is chosen. */
    private BatchHistory shownHistory() {
        return stateToggle.showsState() ? stateHistory : history;
    }

    /** Shows the inspected stateful node's state (true) or its output rows. */
    public void showState(boolean state) {
        stateToggle.choose(state);
    }

    /** Whether the state of the inspected node is shown. */
    public boolean showsState() {
        return stateToggle.showsState();
    }

    @Override
    public void onBatch(FeedEvent.BatchEvent batch) {
        for (BatchSnapshot snapshot : batch.nodes().values()) {
            history.add(snapshot);
        }
        for (BatchSnapshot state : batch.states().values()) {
            stateHistory.add(state);
        }
        dirty = true;
    }

    @Override
    public void onPulseEnd() {
        long now = System.nanoTime();
        // Off screen (another tab, or the window hidden) the inspector only keeps its history; it reloads when seen.
        if (dirty && now - lastRefreshNanos >= MIN_REFRESH_NANOS && OnScreen.isShowing(view())) {
            dirty = false;
            lastRefreshNanos = now;
            refresh();
        }
    }

    @Override
    public void onReset() {
        history.clear();
        stateHistory.clear();
        pinnedBatch = null;
        refresh();
    }

    private void step(int direction) {
        List<BatchSnapshot> batches = shownHistory().batches(node);
        int at = indexOfShown(batches) + direction;
        if (at >= 0 && at < batches.size()) {
            showBatch(batches.get(at).batchId());
        }
    }

    /** Shows batch {@code batchId} of the inspected node and stays on it; the newest one follows the stream. */
    public void showBatch(long batchId) {
        Optional<BatchSnapshot> latest = shownHistory().latest(node);
        pinnedBatch = latest.isPresent() && latest.get().batchId() == batchId ? null : batchId;
        refresh();
    }

    private int indexOfShown(List<BatchSnapshot> batches) {
        for (int i = 0; i < batches.size(); i++) {
            if (shown != null && batches.get(i).batchId() == shown.batchId()) {
                return i;
            }
        }
        return batches.size() - 1;
    }

    private void refresh() {
        BatchHistory source = shownHistory();
        List<BatchSnapshot> batches = node == null ? List.of() : source.batches(node);
        BatchSnapshot pick = batches.isEmpty() ? null : batches.get(batches.size() - 1);
        if (pinnedBatch != null) {
            pick = source.batch(node, pinnedBatch).orElse(pick);
        }
        shown = pick;
        updatingControls = true;
        try {
            // The list always holds the id shown, so its button shows the batch (a value not in the list shows blank).
            fillBatchIds(batches);
            batchIds.setValue(pick == null ? null : pick.batchId());
        } finally {
            updatingControls = false;
        }
        int at = indexOfShown(batches);
        previous.setDisable(pick == null || at <= 0);
        next.setDisable(pick == null || at >= batches.size() - 1);
        long skippedCount = skippedBatches.getAsLong();
        skipped.setText(skippedCount == 0 ? "" : String.format(Locale.ROOT, "%,d batch%s skipped", skippedCount,
                skippedCount == 1 ? "" : "es"));
        updateMalformedOnly();
        if (pick == null) {
            malformedRows = Map.of();
            changes = ChangedRows.NONE;
            table.show(Schema.EMPTY, changes, malformedRows);
            rows.clear();
            loaded = null;
            placeholder.setText(node == null ? "Nothing selected"
                    : stateToggle.showsState() ? "No state of '" + node + "' yet: a stateful node's state shows "
                    + "after each batch (a join with a static table keeps none)"
                    : "No batch has reached '" + node + "' yet");
            summary.setText("");
            return;
        }
        placeholder.setText(stateToggle.showsState()
                ? "The state of '" + node + "' is empty after batch " + pick.batchId()
                : "No rows crossed '" + node + "' in batch " + pick.batchId());
        boolean reload = pick != loaded;
        if (reload) {
            malformedRows = malformedOf(pick);
            changes = stateToggle.showsState() ? ChangedRows.NONE : changesOf(pick, batches);
        }
        table.show(pick.schema(), changes, malformedRows);
        if (reload) {
            // Other nodes' batches also mark the view dirty; reload the rows only when this node's batch changed.
            loaded = pick;
            List<Row> all = new ArrayList<>(pick.rows());
            all.addAll(changes.removed());
            rows.setAll(all);
            // The filter reads cells by the schema shown, which the state and the output do not share.
            if (malformedOnly.isSelected() || !filter.getText().isBlank()) {
                applyFilter();
            }
        }
        updateSummary(batches.get(0).batchId(), batches.get(batches.size() - 1).batchId());
    }

    /**
     * What {@code pick} changed in an update or complete sink's result table, against the kept batches before it (the
     * same whether it arrived just now or was stepped to), or nothing for other nodes.
     */
    private ChangedRows changesOf(BatchSnapshot pick, List<BatchSnapshot> batches) {
        String mode = resultMode(node);
        if (mode == null) {
            return ChangedRows.NONE;
        }
        List<List<Row>> earlier = new ArrayList<>();
        for (BatchSnapshot batch : batches) {
            if (batch.batchId() >= pick.batchId()) {
                break;
            }
            // A batch with another schema (the pipeline changed between runs) is no result of the same table.
            if (batch.schema().equals(pick.schema())) {
                earlier.add(batch.rows());
            }
        }
        int[] key = ResultKey.of(spec.getValue(), schemas, node, pick.schema());
        return ChangedRows.of(pick.rows(), earlier, key, mode.equals("complete"));
    }

    /** The kept batch ids, oldest first; the list is set only when they changed. */
    private void fillBatchIds(List<BatchSnapshot> batches) {
        List<Long> ids = new ArrayList<>(batches.size());
        batches.forEach(b -> ids.add(b.batchId()));
        if (!batchIds.getItems().equals(ids)) {
            batchIds.getItems().setAll(ids);
        }
    }

    /**
     * {@code batch 11 of 0–11 · 252 rows (showing 252)}: the batch shown among the ids kept (batch ids count from 0,
     * as Spark's, so 12 batches are 0–11), its rows, and how many the filter lets through; for an update or complete
     * sink also {@code · 2 new, 3 changed, 1 removed} (the removed rows are shown too, struck through).
     */
    private void updateSummary(long firstId, long latestId) {
        String changed = changes == ChangedRows.NONE ? "" : String.format(Locale.ROOT,
                " · %,d new, %,d changed, %,d removed", changes.count(ChangedRows.Change.NEW),
                changes.count(ChangedRows.Change.CHANGED), changes.count(ChangedRows.Change.REMOVED));
        summary.setText(summaryText(stateToggle.showsState(), shown.batchId(), firstId, latestId, shown.totalRows(),
                filtered.size()) + changed);
    }

    /** The summary's first part: {@code batch 11 of 0–11 · 252 rows (showing 252)}, {@code · 1 row} for one. */
    static String summaryText(boolean state, long batchId, long firstId, long latestId, long rows, int shownRows) {
        String among = firstId == latestId ? "" : String.format(Locale.ROOT, " of %d–%d", firstId, latestId);
        return String.format(Locale.ROOT, "%s %d%s · %,d %s (showing %,d)", state ? "state after batch" : "batch",
                batchId, among, rows, rows == 1 ? "row" : "rows", shownRows);
    }

    /**
     * Shows "Malformed only" where a PERMISSIVE csv or json source feeds the node, usable where its rows keep the
     * engine's marks and greyed, saying why, after a node that makes new rows.
     */
    private void updateMalformedOnly() {
        MalformedReach reach = MalformedReach.of(spec.getValue(), node);
        // A state's rows are groups and keys, never records read.
        malformedFilter.setVisible(reach.kind() != MalformedReach.Kind.NO_SOURCE && !stateToggle.showsState());
        malformedOnly.setDisable(reach.kind() != MalformedReach.Kind.KEPT);
        malformedFilter.getTooltip().setText(reach.kind() == MalformedReach.Kind.LOST
                ? String.format(Locale.ROOT, MALFORMED_LOST, reach.lostAt()) : MALFORMED_TIP);
        if (reach.kind() != MalformedReach.Kind.KEPT) {
            malformedOnly.setSelected(false);
        }
    }

    /** The rows of {@code snapshot} the engine marked malformed, by identity, with where their records were. */
    private static Map<Row, MalformedRows.Mark> malformedOf(BatchSnapshot snapshot) {
        if (snapshot.malformed().isEmpty()) {
            return Map.of();
        }
        Map<Row, MalformedRows.Mark> marked = new IdentityHashMap<>();
        for (MalformedRows.Mark mark : snapshot.malformed()) {
            marked.put(snapshot.rows().get(mark.row()), mark);
        }
        return marked;
    }

    private void applyFilter() {
        String needle = filter.getText() == null ? "" : filter.getText().strip().toLowerCase(Locale.ROOT);
        Schema schema = shownSchema();
        boolean onlyMalformed = malformedOnly.isSelected() && !stateToggle.showsState();
        Map<Row, MalformedRows.Mark> marked = malformedRows;
        if (needle.isEmpty() && !onlyMalformed) {
            filtered.setPredicate(null);
        } else {
            filtered.setPredicate(row -> (!onlyMalformed || marked.containsKey(row))
                    && (needle.isEmpty() || contains(schema, row, needle)));
        }
        if (shown != null) {
            List<BatchSnapshot> batches = shownHistory().batches(node);
            updateSummary(batches.isEmpty() ? shown.batchId() : batches.get(0).batchId(),
                    batches.isEmpty() ? shown.batchId() : batches.get(batches.size() - 1).batchId());
        }
    }

    private boolean contains(Schema schema, Row row, String needle) {
        for (int i = 0; i < schema.size() && i < row.size(); i++) {
            if (CellText.of(schema.field(i).type(), row.get(i), zone).toLowerCase(Locale.ROOT).contains(needle)) {
                return true;
            }
        }
        return false;
    }

    private String resultMode(String nodeId) {
        return SinkSettings.resultMode(spec.getValue(), nodeId);
    }

    private int maxBatches(String nodeId) {
        return SinkSettings.maxBatches(spec.getValue(), nodeId);
    }

    private Schema shownSchema() {
        return shown == null ? Schema.EMPTY : shown.schema();
    }

    /** The selected rows as CSV, header first, in the order shown; also put on the clipboard. */
    public String copySelectedRows() {
        String csv = CsvText.of(shownSchema(), new ArrayList<>(table.view().getSelectionModel().getSelectedItems()),
                zone);
        copyToClipboard(csv);
        return csv;
    }

    private static void copyToClipboard(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    /** The rows shown (filtered and sorted), for tests and the benchmark. */
    public List<Row> shownRows() {
        return List.copyOf(sorted);
    }

    /** The newest batch id kept for {@code nodeId}, or -1. */
    public long latestBatchId(String nodeId) {
        return history.latest(nodeId).map(BatchSnapshot::batchId).orElse(-1L);
    }

    /** How many rows of the batch shown are highlighted as new or changed since the previous batch. */
    public int changedRowCount() {
        return (int) (changes.count(ChangedRows.Change.NEW) + changes.count(ChangedRows.Change.CHANGED));
    }

    /** How many rows of the previous batch are shown as removed (complete mode). */
    public int removedRowCount() {
        return changes.removed().size();
    }

    /** The batch id shown, or -1. */
    public long shownBatchId() {
        return shown == null ? -1 : shown.batchId();
    }

    public String summaryText() {
        return summary.getText();
    }
}
