package sluice.app.palette;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.textfield.TextFields;
import sluice.engine.pipeline.NodeKind;
import sluice.engine.plan.NodeCatalog;

/**
 * FX thread only. The catalogue of node types to drag onto the canvas, grouped as Sources, Transforms and Sinks in
 * the engine catalog's order, each with its description as tooltip; a filter field narrows the list. Dragging an
 * entry starts a full press-drag-release gesture whose source carries the type under {@link #NODE_TYPE_KEY}: the
 * canvas reads it with {@link #draggedType}.
 */
public final class Palette {
    /** Key in an entry's {@code getProperties()} holding its node type name. */
    public static final String NODE_TYPE_KEY = "sluice.palette.nodeType";

    private final VBox view = new VBox();
    private final List<Label> entries = new ArrayList<>();
    private final List<TitledPane> groups = new ArrayList<>();

    public Palette(NodeCatalog catalog) {
        requireNonNull(catalog, "catalog is null");
        // ControlsFX's search field: a click on its ✕ clears the filter.
        TextField filter = TextFields.createClearableTextField();
        filter.setId("palette-filter");
        filter.setPromptText("Filter node types");
        filter.textProperty().addListener((obs, old, text) -> filter(text));
        VBox sections = new VBox();
        sections.getStyleClass().add("palette-groups");
        for (NodeKind.Category category : NodeKind.Category.values()) {
            VBox list = new VBox();
            list.getStyleClass().add("palette-list");
            for (NodeKind kind : catalog.kinds()) {
                if (kind.category() == category) {
                    list.getChildren().add(entry(kind));
                }
            }
            TitledPane group = new TitledPane(title(category), list);
            group.setId("palette-group-" + category.name().toLowerCase(Locale.ROOT));
            groups.add(group);
            sections.getChildren().add(group);
        }
        ScrollPane scroll = new ScrollPane(sections);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("palette-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        view.setId("palette");
        view.getStyleClass().add("palette");
        view.getChildren().addAll(filter, scroll);
        view.getStylesheets().add(Palette.class.getResource("/sluice/app/canvas.css").toExternalForm());
    }

    /** The node type an entry of this palette is dragging, when {@code gestureSource} is one. */
    public static Optional<String> draggedType(Object gestureSource) {
        if (gestureSource instanceof Node node && node.getProperties().get(NODE_TYPE_KEY) instanceof String type) {
            return Optional.of(type);
        }
        return Optional.empty();
    }

    private static String title(NodeKind.Category category) {
        return switch (category) {
            case SOURCE -> "Sources";
            case TRANSFORM -> "Transforms";
            case SINK -> "Sinks";
        };
    }

    private Label entry(NodeKind kind) {
        Region swatch = new Region();
        swatch.getStyleClass().addAll("palette-swatch", kind.category().name().toLowerCase(Locale.ROOT));
        Label entry = new Label(kind.name().substring(kind.name().indexOf('.') + 1), swatch);
        entry.setId("palette-" + kind.name().replaceAll("[^A-Za-z0-9_-]", "-"));
        entry.getStyleClass().add("palette-entry");
        entry.setMaxWidth(Double.MAX_VALUE);
        entry.getProperties().put(NODE_TYPE_KEY, kind.name());
        entry.setTooltip(new Tooltip(kind.name() + "\n" + kind.description()));
        entry.addEventHandler(MouseEvent.DRAG_DETECTED, e -> {
            entry.startFullDrag();
            e.consume();
        });
        entries.add(entry);
        return entry;
    }

    private void filter(String text) {
        String wanted = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (Label entry : entries) {
            String type = (String) entry.getProperties().get(NODE_TYPE_KEY);
            boolean shown = type.toLowerCase(Locale.ROOT).contains(wanted);
            entry.setVisible(shown);
            entry.setManaged(shown);
        }
        groups.forEach(group -> group.setExpanded(true));
    }

    public Node view() {
        return view;
    }
}
