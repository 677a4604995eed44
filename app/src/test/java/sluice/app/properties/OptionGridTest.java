package sluice.app.properties;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import sluice.app.WorkbenchFixture;

/** The option rows in a sheet too narrow for labels beside editors: what follows the grid starts below its rows. */
@ExtendWith(ApplicationExtension.class)
class OptionGridTest {
    private OptionGrid grid;
    private Label below;
    private Node lastEditor;

    @Start
    void start(Stage stage) {
        grid = new OptionGrid();
        below = new Label("Output schema");
        for (int i = 0; i < 30; i++) {
            lastEditor = new TextField();
            grid.addRow(new Label("charToEscapeQuoteEscaping" + i), lastEditor);
        }
        ScrollPane view = new ScrollPane(new VBox(8, grid, below));
        view.setFitToWidth(true);
        stage.setScene(new Scene(view, 300, 400));
        stage.sizeToScene();
        stage.show();
    }

    @Test
    void stackedRowsPushWhatFollowsBelowThem(FxRobot robot) {
        assertThat(WorkbenchFixture.<Boolean>onFx(() -> grid.isSideBySide())).isFalse();
        double rowsEnd = WorkbenchFixture.<Double>onFx(() -> grid.getBoundsInParent().getMinY()
                + lastEditor.getBoundsInParent().getMaxY());
        double belowStart = WorkbenchFixture.<Double>onFx(() -> below.getBoundsInParent().getMinY());

        assertThat(belowStart).isGreaterThanOrEqualTo(rowsEnd);
    }
}
