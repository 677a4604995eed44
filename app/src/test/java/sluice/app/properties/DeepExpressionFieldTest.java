package sluice.app.properties;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
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
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.Problem;
import sluice.engine.expr.parse.Parser;

/**
 * A condition far deeper than the expression language allows (a sum of 3,000 terms) is marked in the field as you
 * type and listed once committed, like any other mistake; the FX thread and the validation thread survive it.
 */
@ExtendWith(ApplicationExtension.class)
class DeepExpressionFieldTest {
    private Workbench workbench;

    @Start
    void start(Stage stage) {
        workbench = WorkbenchFixture.open(stage);
        workbench.document().replace(TestPipelines.rateFilterSelectConsole(), null);
        workbench.selection().selectOnly("filter-1");
    }

    @AfterEach
    void close() {
        workbench.close();
    }

    @Test
    void aTooDeepConditionIsMarkedAndListedAsAProblem(FxRobot robot) {
        WorkbenchFixture.awaitChecked(workbench);
        TextField field = robot.lookup("#option-condition").queryAs(TextField.class);
        String deep = String.join(" + ", Collections.nCopies(3000, "value")) + " > 0";

        robot.clickOn(field);
        robot.interact(() -> field.setText(deep));
        ExpressionField expression = ExpressionField.of(field);

        Problem marked = expression.problemProperty().get();
        assertThat(marked.code()).isEqualTo(ErrorCode.EXPRESSION_SYNTAX);
        assertThat(marked.message()).startsWith("the expression nests more than " + Parser.MAX_NESTING);
        robot.type(KeyCode.ENTER);
        WorkbenchFixture.await("the problem is listed", () -> workbench.validation().problems().size() == 1);
        Problem listed = workbench.validation().problems().get(0);
        assertThat(listed.where().nodeId()).isEqualTo("filter-1");
        assertThat(listed.message()).isEqualTo(marked.message());
    }
}
