package sluice.app.files;

import java.util.Optional;
import javafx.fxml.FXML;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.stage.Window;
import javafx.util.StringConverter;
import sluice.app.frame.FxmlFile;
import sluice.engine.export.ScriptLanguage;

/** Controller of {@code export.fxml}: asks which Spark script File › Export to Spark… writes. FX thread only. */
public final class ExportDialog {
    @FXML private DialogPane pane;
    @FXML private ChoiceBox<ScriptLanguage> languages;

    private ExportDialog() {
    }

    @FXML
    private void initialize() {
        languages.getItems().setAll(ScriptLanguage.PYSPARK, ScriptLanguage.SCALA);
        languages.setValue(ScriptLanguage.PYSPARK);
        languages.setConverter(new StringConverter<>() {
            @Override
            public String toString(ScriptLanguage language) {
                return language == null ? "" : language == ScriptLanguage.SCALA ? "Scala" : "PySpark";
            }

            @Override
            public ScriptLanguage fromString(String text) {
                return text.equals("Scala") ? ScriptLanguage.SCALA : ScriptLanguage.PYSPARK;
            }
        });
    }

    /** Asks over {@code owner}; empty when the user cancelled. */
    public static Optional<ScriptLanguage> ask(Window owner) {
        ExportDialog controller = new ExportDialog();
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle("Export to Spark");
        dialog.setDialogPane(FxmlFile.load("export.fxml", controller));
        if (owner != null) {
            dialog.initOwner(owner);
        }
        return dialog.showAndWait().filter(ButtonType.OK::equals).map(ok -> controller.languages.getValue());
    }
}
