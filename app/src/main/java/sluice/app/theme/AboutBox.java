package sluice.app.theme;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Help › About Sluice: version, what Sluice is, its Spark semantics, and the libraries it is built on. */
public final class AboutBox {
    private AboutBox() {
    }

    /** The jar's version, or "development build" when run from classes. */
    public static String version() {
        return Optional.ofNullable(AboutBox.class.getPackage().getImplementationVersion())
                .orElse("development build");
    }

    /** The box's text, one paragraph per element. */
    public static List<String> paragraphs() {
        return List.of(
                "Sluice " + version(),
                "A desktop workbench for streaming pipelines: drag sources, transforms and sinks onto a canvas, "
                        + "press Run, and watch every micro-batch land in live tables and charts.",
                "The embedded engine follows Apache Spark Structured Streaming's semantics (micro-batches, offsets, "
                        + "triggers, watermarks, output modes), so a pipeline behaves the same on a Spark cluster.",
                "Built with OpenJFX, ControlsFX, AtlantaFX (Primer themes), Jackson, FastCSV and picocli.");
    }

    public static MenuItem menuItem(Supplier<Window> owner) {
        MenuItem item = new MenuItem("About Sluice");
        item.setId("about-item");
        item.setOnAction(e -> show(owner.get()));
        return item;
    }

    public static void show(Window owner) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.OK);
        alert.setTitle("About Sluice");
        List<String> text = paragraphs();
        alert.setHeaderText(text.get(0));
        VBox body = new VBox(8);
        for (String paragraph : text.subList(1, text.size())) {
            Label label = new Label(paragraph);
            label.setWrapText(true);
            label.setMaxWidth(420);
            body.getChildren().add(label);
        }
        alert.getDialogPane().setContent(body);
        alert.getDialogPane().setId("about-dialog");
        if (owner != null) {
            alert.initOwner(owner);
        }
        alert.show();
    }
}
