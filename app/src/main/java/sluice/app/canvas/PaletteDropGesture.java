package sluice.app.canvas;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.css.PseudoClass;
import javafx.geometry.Point2D;
import javafx.scene.input.MouseDragEvent;
import sluice.app.document.PipelineDocument;
import sluice.app.document.Selection;
import sluice.app.edit.AddNode;
import sluice.app.edit.NodeIds;
import sluice.app.palette.Palette;
import sluice.engine.pipeline.NodeSpec;

/**
 * FX thread only. A palette entry released over the canvas adds a node of its type there, under a fresh id and with
 * no options set (so the problems panel lists the required ones), and selects it. The canvas is marked as a drop
 * target while an entry is over it.
 */
final class PaletteDropGesture {
    private static final PseudoClass DROP_TARGET = PseudoClass.getPseudoClass("drop-target");

    private final Viewport viewport;
    private final PipelineDocument document;
    private final Selection selection;

    PaletteDropGesture(Viewport viewport, PipelineDocument document, Selection selection) {
        this.viewport = viewport;
        this.document = document;
        this.selection = selection;
        var pane = viewport.pane();
        pane.addEventHandler(MouseDragEvent.MOUSE_DRAG_OVER, e -> {
            if (Palette.draggedType(e.getGestureSource()).isPresent()) {
                pane.pseudoClassStateChanged(DROP_TARGET, true);
            }
        });
        pane.addEventHandler(MouseDragEvent.MOUSE_DRAG_EXITED, e -> pane.pseudoClassStateChanged(DROP_TARGET, false));
        pane.addEventHandler(MouseDragEvent.MOUSE_DRAG_RELEASED, this::released);
    }

    private void released(MouseDragEvent e) {
        viewport.pane().pseudoClassStateChanged(DROP_TARGET, false);
        Optional<String> type = Palette.draggedType(e.getGestureSource());
        if (type.isEmpty()) {
            return;
        }
        e.consume();
        Point2D at = viewport.toPipeline(e.getSceneX(), e.getSceneY());
        Set<String> taken = new HashSet<>();
        document.spec().nodes().forEach(n -> taken.add(n.id()));
        String id = NodeIds.fresh(type.get(), taken);
        // The cursor lands in the middle of the new node's box, on whole pixels.
        double x = Math.round(at.getX() - NodeView.WIDTH / 2);
        double y = Math.round(at.getY() - NodeView.MIN_HEIGHT / 2);
        document.apply(new AddNode(new NodeSpec(id, type.get(), List.of(), x, y, Map.of())));
        selection.selectOnly(id);
        viewport.pane().requestFocus();
    }
}
