package sluice.app.properties;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import javafx.css.PseudoClass;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import sluice.app.Workbench;
import sluice.app.WorkbenchFixture;
import sluice.app.edit.AddNode;
import sluice.app.edit.Connect;
import sluice.engine.diag.ErrorCode;
import sluice.engine.pipeline.OptionValue;

/**
 * A filter dropped on the canvas and connected to a source has never had a valid condition: its expression field
 * still marks errors and completes column names from the first keystroke, from the source's schema.
 */
@ExtendWith(ApplicationExtension.class)
class NewNodeExpressionTest {
    private Workbench workbench;

    @Start
    void start(Stage stage) {
        workbench = WorkbenchFixture.open(stage);
    }

    @AfterEach
    void close() {
        workbench.close();
    }

    private void buildRateIntoNewFilter(FxRobot robot) {
        robot.interact(() -> {
            workbench.files().newDocument();
            workbench.document().apply(new AddNode(TestPipelines.node("rate", "source.rate", List.of(),
                    Map.of("rowsPerSecond", OptionValue.of("5")))));
            workbench.document().apply(new AddNode(TestPipelines.node("filter-1", "transform.filter", List.of(),
                    Map.of())));
            workbench.selection().selectOnly("filter-1");
        });
        WorkbenchFixture.await("the new filter is checked", () -> checked());
        robot.interact(() -> workbench.document().apply(new Connect("rate", "filter-1", 0)));
        WorkbenchFixture.await("the connected filter is checked", () -> checked()
                && workbench.validation().problems().stream().anyMatch(p -> p.code() == ErrorCode.MISSING_OPTION));
    }

    private boolean checked() {
        return workbench.validation().checkedProperty().get() == workbench.document().spec();
    }

    @Test
    void aNewFiltersConditionIsMarkedFromTheFirstKeystroke(FxRobot robot) {
        buildRateIntoNewFilter(robot);

        robot.clickOn("#option-condition").write("vlue");

        TextField field = robot.lookup("#option-condition").queryAs(TextField.class);
        ExpressionField expression = ExpressionField.of(field);
        assertThat(WorkbenchFixture.onFx(() -> expression.problemProperty().get())).isNotNull();
        assertThat(WorkbenchFixture.onFx(() -> expression.problemProperty().get().code()))
                .isEqualTo(ErrorCode.UNKNOWN_COLUMN);
        assertThat(WorkbenchFixture.onFx(field::getPseudoClassStates)).contains(PseudoClass.getPseudoClass("error"));
    }

    @Test
    void aNewFiltersConditionCompletesTheInputsColumns(FxRobot robot) {
        buildRateIntoNewFilter(robot);

        robot.clickOn("#option-condition").write("val");
        robot.press(KeyCode.CONTROL).press(KeyCode.SPACE).release(KeyCode.SPACE).release(KeyCode.CONTROL);

        TextField field = robot.lookup("#option-condition").queryAs(TextField.class);
        CompletionPopup completion = ExpressionField.of(field).completion();
        assertThat(WorkbenchFixture.onFx(completion::isShowing)).isTrue();
        assertThat(WorkbenchFixture.onFx(completion::items)).extracting(CompletionPopup.Suggestion::name)
                .contains("value");
    }
}
