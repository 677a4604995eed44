package sluice.app.properties;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import sluice.app.document.PipelineDocument;
import sluice.app.document.Selection;
import sluice.app.validation.LiveValidation;
import sluice.engine.diag.Position;
import sluice.engine.diag.Problem;
import sluice.engine.pipeline.NodeKind;
import sluice.engine.pipeline.NodeSpec;
import sluice.engine.pipeline.OptionKind;
import sluice.engine.pipeline.OptionSpec;
import sluice.engine.pipeline.OptionValue;
import sluice.engine.pipeline.PipelineSpec;
import sluice.engine.plan.NodeCatalog;
import sluice.engine.plan.NodeType;
import sluice.engine.types.Field;
import sluice.engine.types.Schema;

/**
 * FX thread only. The property sheet of the selected node: its id and type, one editor per option (the
 * description as tooltip, the default as prompt, required ones marked), and its output schema. The sheet is built
 * when another node is selected; after an edit, undo or redo the editors only show the new values, so typing never
 * rebuilds it. With no node selected it shows the pipeline's own settings.
 */
public final class PropertiesPanel {
    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");
    private static final String TIP = "sluice.description";

    private final PipelineDocument document;
    private final Selection selection;
    private final NodeCatalog catalog;
    private final LiveValidation validation;
    private final Label title = new Label();
    private final Label subtitle = new Label();
    private final OptionGrid grid = new OptionGrid();
    private final VBox schemaBox = new VBox(2);
    /**
     * Over a file source's empty {@code schema} field: the button that fills it from the files, where the missing
     * schema is marked and in view at once, rather than at the sheet's end.
     */
    private final VBox fileSchemaAction = new VBox();
    /** Under that field: the columns in the files (Parquet, ORC). */
    private final VBox fileColumnsBox = new VBox(2);
    private final Label schemaTitle = new Label("Output schema");
    private final TextField pipelineName = new TextField();
    private final TextCommit nameCommit;
    private final ScrollPane view;
    private final Map<String, OptionEditor> editors = new LinkedHashMap<>();
    private final Map<String, Label> labels = new LinkedHashMap<>();
    private String shownNode;
    /** The file source whose files' columns {@link #fileColumns} holds (or is being read for); FX thread. */
    private NodeSpec fileColumnsOf;
    /** Null while they are read. */
    private Optional<sluice.app.validation.LiveValidation.FileColumns> fileColumns;
    private String shownType;
    private boolean showingPipeline;
    private Schema shownInput;
    private List<String> shownExtras = List.of();
    /** The file format the sheet's rows are for: a csv source shows no Parquet option, and so on. */
    private String shownFormat;

    public PropertiesPanel(PipelineDocument document, Selection selection, NodeCatalog catalog,
                           LiveValidation validation) {
        this.document = requireNonNull(document, "document is null");
        this.selection = requireNonNull(selection, "selection is null");
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.validation = requireNonNull(validation, "validation is null");
        title.setId("properties-title");
        title.getStyleClass().add("properties-title");
        subtitle.setId("properties-subtitle");
        subtitle.getStyleClass().add("properties-subtitle");
        subtitle.setWrapText(true);
        grid.setId("properties-grid");
        grid.getStyleClass().add("properties-grid");
        schemaBox.setId("properties-schema");
        fileColumnsBox.setId("file-columns");
        // Empty, they take no room, not even the gap between rows.
        fileSchemaAction.managedProperty().bind(Bindings.isNotEmpty(fileSchemaAction.getChildren()));
        fileColumnsBox.managedProperty().bind(Bindings.isNotEmpty(fileColumnsBox.getChildren()));
        schemaTitle.getStyleClass().add("properties-section");
        pipelineName.setId("pipeline-name");
        pipelineName.setTooltip(new Tooltip("The pipeline's name, shown in the title bar and saved in the file"));
        nameCommit = new TextCommit(pipelineName, text -> {
            if (text != null) {
                document.apply(new RenamePipeline(text.trim()));
            }
        });
        VBox content = new VBox(8, title, subtitle, grid, schemaTitle, schemaBox);
        content.getStyleClass().add("properties-content");
        view = new ScrollPane(content);
        view.setId("properties-panel");
        view.setFitToWidth(true);
        FocusInView.keep(view, content);
        view.getStylesheets().add(PropertiesPanel.class.getResource("/sluice/app/properties.css").toExternalForm());

        selection.nodes().addListener((ListChangeListener<String>) change -> refresh());
        selection.edgeProperty().addListener((obs, old, edge) -> refresh());
        document.specProperty().addListener((obs, old, spec) -> refresh());
        validation.schemas().addListener((MapChangeListener<String, Schema>) change -> showSchemas());
        // A node just connected reads a schema that was already known (the map did not change): every checked spec
        // hands the expression editors their input schema, so a brand-new node checks and completes from the start.
        validation.checkedProperty().addListener((obs, old, checked) -> showSchemas());
        validation.problems().addListener((ListChangeListener<Problem>) change -> markProblems());
        selection.focusedOptionProperty().addListener((obs, old, option) -> focusOption(option));
        refresh();
    }

    public Node view() {
        return view;
    }

    private void refresh() {
        PipelineSpec spec = document.spec();
        String id = selection.primaryNode();
        Optional<NodeSpec> node = id == null ? Optional.empty() : spec.node(id);
        if (node.isEmpty()) {
            if (!showingPipeline) {
                buildPipelineSheet();
            }
            nameCommit.show(spec.name());
            return;
        }
        // An option added or removed (by the add row, a remove button, undo or redo) adds or takes away a row.
        if (showingPipeline || !node.get().id().equals(shownNode) || !node.get().type().equals(shownType)
                || !extraOptions(node.get(), kindOptions(node.get())).equals(shownExtras)
                || !Objects.equals(formatOf(node.get()), shownFormat)) {
            buildNodeSheet(node.get());
        }
        editors.forEach((name, editor) -> editor.show(valueOf(node.get(), name)));
    }

    private void buildPipelineSheet() {
        clear();
        showingPipeline = true;
        title.setText("Pipeline");
        subtitle.setText("Select a node on the canvas to edit its options.");
        grid.addRow(rowLabel("name", true, "The pipeline's name"), pipelineName);
        schemaTitle.setVisible(false);
        schemaBox.getChildren().clear();
    }

    private void buildNodeSheet(NodeSpec node) {
        clear();
        shownNode = node.id();
        shownType = node.type();
        shownFormat = formatOf(node);
        title.setText(node.id());
        Optional<NodeKind> kind = catalog.type(node.type()).map(NodeType::kind);
        subtitle.setText(node.type() + kind.map(k -> " — " + k.description()).orElse(" — unknown node type"));
        List<OptionSpec> options = kind.map(NodeKind::options).orElse(List.of());
        for (OptionSpec option : options) {
            // A family of options (kafka.*) has no editor of its own; each one set gets a row below.
            if (!option.isPrefix() && shows(option, node)) {
                addEditor(option, node);
            }
        }
        shownExtras = extraOptions(node, options);
        for (String name : shownExtras) {
            Optional<OptionSpec> family = options.stream().filter(o -> o.isPrefix() && o.matches(name)).findFirst();
            addEditor(OptionSpec.optional(name, OptionKind.STRING, null, family.map(OptionSpec::description)
                    .orElse("Not an option of " + node.type() + "; clear it to remove it")), node);
        }
        for (OptionSpec family : options) {
            if (family.isPrefix()) {
                String nodeId = node.id();
                FamilyOptionAdder adder = new FamilyOptionAdder(family.name(),
                        (option, value) -> commit(nodeId, option, OptionValue.of(value)));
                grid.addRow(rowLabel("add " + family.name(), false, "Adds an option: " + family.description()),
                        adder.view());
            }
        }
        // A sink's columns are the rows it writes: what comes in.
        schemaTitle.setText(node.type().startsWith("sink.") ? "Input schema" : "Output schema");
        schemaTitle.setVisible(true);
        showSchemas();
        markProblems();
    }

    /** The node's {@code format} option as set, or null. */
    private static String formatOf(NodeSpec node) {
        OptionValue format = valueOf(node, "format");
        return format instanceof OptionValue.Text text ? text.value().trim() : null;
    }

    /**
     * Whether the sheet has a row for {@code option}: every option until a format is chosen, then those of that
     * format and the format-free ones; an option set in the file keeps its row whatever the format, to be seen.
     */
    private static boolean shows(OptionSpec option, NodeSpec node) {
        String format = formatOf(node);
        return format == null || format.isEmpty() || option.isReadBy(format) || valueOf(node, option.name()) != null;
    }

    private List<OptionSpec> kindOptions(NodeSpec node) {
        return catalog.type(node.type()).map(NodeType::kind).map(NodeKind::options).orElse(List.of());
    }

    /** The node's options that have no editor of their own (a family's members, unknown names), in file order. */
    private static List<String> extraOptions(NodeSpec node, List<OptionSpec> options) {
        return node.options().keySet().stream()
                .filter(name -> options.stream().noneMatch(o -> !o.isPrefix() && o.name().equalsIgnoreCase(name)))
                .toList();
    }

    private void addEditor(OptionSpec option, NodeSpec node) {
        String nodeId = node.id();
        Consumer<OptionValue> onCommit = value -> commit(nodeId, option.name(), value);
        OptionEditor editor = TopicEditor.isTopicOption(node.type(), option.name())
                ? new TopicEditor(option, onCommit, () -> kafkaSettings(nodeId))
                : OptionEditor.of(option, nodeId, onCommit);
        Label label = rowLabel(option.name(), option.required(), option.description());
        Node view = editor.view();
        if (node.type().equals("source.file") && option.name().equals("schema")) {
            view = new VBox(4, fileSchemaAction, view, fileColumnsBox);
        }
        grid.addRow(label, kindOptions(node).stream().anyMatch(o -> o.name().equalsIgnoreCase(option.name()))
                ? view : withRemoveButton(nodeId, option.name(), view));
        editors.put(option.name(), editor);
        labels.put(option.name(), label);
    }

    /** An option outside the node type's list (a kafka.* setting) gets a button that removes it as one edit. */
    private Node withRemoveButton(String nodeId, String option, Node editor) {
        Button remove = new Button("\u2715");
        remove.setId("remove-" + option);
        remove.getStyleClass().add("remove-option");
        remove.setTooltip(new Tooltip("Remove " + option));
        remove.setOnAction(e -> commit(nodeId, option, null));
        HBox.setHgrow(editor, Priority.ALWAYS);
        return new HBox(4, editor, remove);
    }

    /** The node's {@code kafka.*} options without the prefix, as the document has them now. */
    private Map<String, String> kafkaSettings(String nodeId) {
        Map<String, String> settings = new TreeMap<>();
        document.spec().node(nodeId).ifPresent(node -> node.options().forEach((name, value) -> {
            if (name.regionMatches(true, 0, "kafka.", 0, 6) && value instanceof OptionValue.Text text) {
                settings.put(name.substring(6), text.value());
            }
        }));
        return settings;
    }

    private static Label rowLabel(String name, boolean required, String description) {
        Label label = new Label(required ? name + " *" : name);
        label.getStyleClass().add("option-name");
        label.setMinWidth(Region.USE_PREF_SIZE);
        if (required) {
            label.getStyleClass().add("required");
        }
        String tip = description + (required ? " (required)" : "");
        label.getProperties().put(TIP, tip);
        label.setTooltip(new Tooltip(tip));
        return label;
    }

    private void clear() {
        grid.clear();
        editors.clear();
        labels.clear();
        shownNode = null;
        shownType = null;
        shownFormat = null;
        shownInput = null;
        shownExtras = List.of();
        showingPipeline = false;
    }

    /** One committed change becomes one edit; the file's spelling of the option name is kept. */
    private void commit(String nodeId, String option, OptionValue value) {
        String key = document.spec().node(nodeId).map(n -> keyOf(n, option)).orElse(option);
        document.apply(new SetOption(nodeId, key, value));
    }

    private static String keyOf(NodeSpec node, String option) {
        if (node.options().containsKey(option)) {
            return option;
        }
        return node.options().keySet().stream().filter(k -> k.equalsIgnoreCase(option)).findFirst().orElse(option);
    }

    private static OptionValue valueOf(NodeSpec node, String option) {
        return node.options().get(keyOf(node, option));
    }

    private void showSchemas() {
        if (shownNode == null) {
            return;
        }
        Optional<NodeSpec> node = document.spec().node(shownNode);
        Schema output = validation.schemas().get(shownNode);
        schemaBox.getChildren().clear();
        fileSchemaAction.getChildren().clear();
        fileColumnsBox.getChildren().clear();
        if (output == null) {
            Label unknown = new Label("Not known until the node's problems are fixed.");
            unknown.getStyleClass().add("schema-unknown");
            schemaBox.getChildren().add(unknown);
            node.filter(PropertiesPanel::readsFilesWithoutSchema).ifPresent(n -> {
                fileSchemaAction.getChildren().add(readSchemaButton(n.id()));
                if (carriesSchema(n)) {
                    showFileColumns(n);
                }
            });
        } else {
            for (Field field : output.fields()) {
                Label line = new Label(field.name() + ": " + field.type().sql());
                line.getStyleClass().add("schema-field");
                schemaBox.getChildren().add(line);
            }
        }
        // Expressions read the first input's rows; with several inputs (a union) there is no one schema to check,
        // except where the inputs are named (a join), whose condition reads the left columns, then the right ones.
        Schema input = node.filter(this::namesItsInputs).isPresent()
                ? sideBySide(node.get().inputs(), validation.schemas())
                : node.filter(n -> n.inputs().size() == 1)
                        .map(n -> validation.schemas().get(n.inputs().get(0))).orElse(null);
        if (!Objects.equals(input, shownInput) || input == null) {
            shownInput = input;
            editors.values().forEach(editor -> editor.setInputSchema(input));
        }
    }

    /** A file source with no schema: Parquet files carry theirs, and CSV and JSON files can be read for one. */
    private static boolean readsFilesWithoutSchema(NodeSpec node) {
        return node.type().equals("source.file") && valueOf(node, "schema") == null
                && valueOf(node, "path") != null;
    }

    /** Parquet and ORC files carry their schema, so it is read and shown as soon as the path and format are set. */
    private static boolean carriesSchema(NodeSpec node) {
        OptionValue format = valueOf(node, "format");
        String name = format == null ? "" : OptionEditor.text(format).trim();
        return name.equalsIgnoreCase("parquet") || name.equalsIgnoreCase("orc");
    }

    /**
     * The columns in the files of a Parquet or ORC source without a schema, partition columns marked, read off the FX
     * thread once per change of the node's options and painted when they arrive.
     */
    private void showFileColumns(NodeSpec node) {
        if (!node.equals(fileColumnsOf)) {
            fileColumnsOf = node;
            fileColumns = null;
            validation.readFileColumns(document.spec(), node.id(), read -> {
                if (node.equals(fileColumnsOf)) {
                    fileColumns = read;
                    showSchemas();
                }
            });
        }
        if (fileColumns == null) {
            fileColumnsBox.getChildren().add(new Label("Reading the schema in the files…"));
            return;
        }
        if (fileColumns.isEmpty()) {
            fileColumnsBox.getChildren().add(new Label("No schema found in the files yet."));
            return;
        }
        Label heading = new Label("In the files:");
        heading.getStyleClass().add("schema-unknown");
        fileColumnsBox.getChildren().add(heading);
        for (Field field : fileColumns.get().schema().fields()) {
            boolean partition = fileColumns.get().partitionColumns().contains(field.name());
            Label line = new Label(field.name() + ": " + field.type().sql()
                    + (partition ? "  (partition column)" : ""));
            line.getStyleClass().add("file-schema-field");
            fileColumnsBox.getChildren().add(line);
        }
    }

    /** Fills the schema option with the schema read from the files (off the FX thread), as one undoable edit. */
    private Button readSchemaButton(String nodeId) {
        Button read = new Button("Read the schema from the files");
        if (document.spec().node(nodeId).filter(PropertiesPanel::carriesSchema).isPresent()) {
            read.setText("Use the files' schema");
        }
        read.setId("read-file-schema");
        read.setTooltip(new Tooltip("Sets 'schema' to what Spark's schema inference reads from the files there now "
                + "(for Parquet, the schema in the files)"));
        read.setOnAction(e -> {
            // Focus goes to the field the schema will fill: a disabled button hands it on to the next field, and
            // the sheet scrolls away to show that one.
            Optional.ofNullable(editors.get("schema")).ifPresent(editor -> editor.focus(0));
            read.setDisable(true);
            validation.readFileSchema(document.spec(), nodeId, schema -> {
                read.setDisable(false);
                if (schema.isPresent()) {
                    commit(nodeId, "schema", OptionValue.of(schema.get().toDdl()));
                } else {
                    read.setText("No schema found in the files");
                }
            });
        });
        return read;
    }

    private boolean namesItsInputs(NodeSpec node) {
        return catalog.type(node.type()).map(t -> t.kind().inputNames())
                .filter(names -> !names.isEmpty() && names.size() == node.inputs().size()).isPresent();
    }

    /** The columns of every input in order, or null while one of them is unknown. */
    private static Schema sideBySide(List<String> inputs, java.util.Map<String, Schema> schemas) {
        List<Field> fields = new java.util.ArrayList<>();
        for (String input : inputs) {
            Schema schema = schemas.get(input);
            if (schema == null) {
                return null;
            }
            fields.addAll(schema.fields());
        }
        return new Schema(fields);
    }

    private void markProblems() {
        labels.forEach((name, label) -> {
            List<String> messages = validation.problems().stream()
                    .filter(p -> Objects.equals(p.where().nodeId(), shownNode))
                    .filter(p -> p.where().option() != null && optionName(p.where().option()).equalsIgnoreCase(name))
                    .map(Problem::render).toList();
            label.pseudoClassStateChanged(ERROR, !messages.isEmpty());
            String tip = (String) label.getProperties().get(TIP);
            label.getTooltip().setText(messages.isEmpty() ? tip : tip + "\n" + String.join("\n", messages));
        });
    }

    private void focusOption(String option) {
        if (option == null || shownNode == null) {
            return;
        }
        String name = optionName(option);
        editors.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
                .ifPresent(e -> e.getValue().focus(elementOf(option)));
    }

    /** {@code expressions #3} names the third element of option {@code expressions}. */
    static String optionName(String option) {
        return Position.baseOption(option);
    }

    static int elementOf(String option) {
        return Position.elementIndex(option);
    }

    /** The editor of {@code option} on the sheet, for tests; null when the sheet has none. */
    Node editorView(String option) {
        OptionEditor editor = editors.get(option);
        return editor == null ? null : editor.view();
    }

    /** Whether the sheet puts labels beside their editors (wide) rather than above them (narrow), for tests. */
    boolean labelsBesideEditors() {
        return grid.isSideBySide();
    }

    String shownNode() {
        return shownNode;
    }
}
