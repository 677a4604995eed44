package sluice.app.properties;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import sluice.app.Workbench;
import sluice.app.WorkbenchFixture;
import sluice.engine.pipeline.OptionValue;
import sluice.engine.pipeline.PipelineSpec;
import sluice.engine.pipeline.Trigger;

/** A join's condition reads both of its inputs: its field completes the columns of the left and the right side. */
@ExtendWith(ApplicationExtension.class)
class JoinConditionFieldTest {
    private Workbench workbench;

    @Start
    void start(Stage stage) {
        workbench = WorkbenchFixture.open(stage);
        workbench.document().replace(new PipelineSpec(PipelineSpec.FORMAT, "Join test", Trigger.DEFAULT, null, List.of(
                TestPipelines.node("trades", "source.rate", List.of(), Map.of()),
                TestPipelines.node("codes", "transform.select", List.of("trades"),
                        Map.of("expressions", OptionValue.of(List.of("value AS code", "timestamp AS seen")))),
                TestPipelines.node("j", "transform.join", List.of("trades", "codes"),
                        Map.of("on", OptionValue.of("value = code"))),
                TestPipelines.node("out", "sink.console", List.of("j"), Map.of()))), null);
        workbench.selection().selectOnly("j");
    }

    @AfterEach
    void close() {
        workbench.close();
    }

    @Test
    void theConditionCompletesTheColumnsOfBothSides(FxRobot robot) {
        WorkbenchFixture.awaitChecked(workbench);
        TextField field = robot.lookup("#option-on").queryAs(TextField.class);
        ExpressionField expression = ExpressionField.of(field);

        robot.clickOn(field);
        robot.interact(field::clear);
        robot.write("se");

        WorkbenchFixture.await("completions show", () -> expression.completion().isShowing());
        assertThat(expression.completion().items()).extracting(CompletionPopup.Suggestion::name).contains("seen");
    }
}
