package sluice.app.canvas;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import sluice.app.document.PipelineDocument;
import sluice.app.document.Selection;
import sluice.app.palette.Palette;
import sluice.app.validation.LiveValidation;
import sluice.engine.pipeline.NodeSpec;
import sluice.engine.pipeline.PipelineSpec;
import sluice.engine.pipeline.Trigger;
import sluice.engine.plan.NodeCatalog;

/** A window with the palette on the left and the canvas filling the rest, wired as the workbench wires them. */
final class CanvasFixture implements AutoCloseable {
    final NodeCatalog catalog = NodeCatalog.standard();
    final PipelineDocument document = new PipelineDocument();
    final Selection selection = new Selection();
    final LiveValidation validation = new LiveValidation(catalog, () -> Path.of("").toAbsolutePath());
    final PipelineCanvas canvas;

    CanvasFixture(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        document.specProperty().addListener((obs, old, spec) -> validation.check(spec));
        canvas = new PipelineCanvas(document, selection, catalog, validation);
        BorderPane root = new BorderPane();
        BorderPane.setAlignment(canvas.view(), javafx.geometry.Pos.TOP_LEFT);
        root.setLeft(new Palette(catalog).view());
        root.setCenter(canvas.view());
        stage.setScene(new Scene(root, 1200, 800));
        stage.show();
    }

    /** Opens {@code nodes} as a new document (nothing to undo). */
    void open(NodeSpec... nodes) {
        document.replace(spec(List.of(nodes)), null);
    }

    static PipelineSpec spec(List<NodeSpec> nodes) {
        return new PipelineSpec(PipelineSpec.FORMAT, "canvas test", Trigger.DEFAULT, null, nodes);
    }

    static NodeSpec node(String id, String type, double x, double y, String... inputs) {
        return new NodeSpec(id, type, List.of(inputs), x, y, Map.of());
    }

    /** A chain of {@code count} nodes in a grid of ten columns: a rate source, filters, a console sink last. */
    static List<NodeSpec> grid(int count) {
        List<NodeSpec> nodes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String type = i == 0 ? "source.rate" : i == count - 1 ? "sink.console" : "transform.filter";
            String[] inputs = i == 0 ? new String[0] : new String[] {"n" + (i - 1)};
            nodes.add(node("n" + i, type, 20 + (i % 10) * 220, 20 + (i / 10) * 100, inputs));
        }
        return nodes;
    }

    @Override
    public void close() {
        validation.close();
    }
}
