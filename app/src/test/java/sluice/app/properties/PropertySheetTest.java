package sluice.app.properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import javafx.scene.control.Label;
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
import sluice.engine.pipeline.OptionValue;

@ExtendWith(ApplicationExtension.class)
class PropertySheetTest {
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

    private void awaitChecked() {
        WorkbenchFixture.awaitChecked(workbench);
    }

    private String condition() {
        return workbench.document().spec().node("filter-1").orElseThrow().option("condition")
                .map(OptionEditor::text).orElse(null);
    }

    private void retype(FxRobot robot, String query, String text) {
        TextField field = robot.lookup(query).queryAs(TextField.class);
        robot.clickOn(field);
        robot.interact(field::clear);
        if (!text.isEmpty()) {
            robot.write(text);
        }
        robot.type(KeyCode.ENTER);
    }

    @Test
    void sheetShowsTheSelectedNodeAndItsOutputSchema(FxRobot robot) {
        awaitChecked();

        assertThat(robot.lookup("#properties-title").queryAs(Label.class).getText()).isEqualTo("filter-1");
        assertThat(robot.lookup("#option-condition").queryAs(TextField.class).getText()).isEqualTo("value > 2");
        WorkbenchFixture.await("the schema is listed", () -> robot.lookup(".schema-field").queryAll().size() == 2);
        assertThat(robot.lookup(".schema-field").queryAllAs(Label.class)).extracting(Label::getText)
                .containsExactly("timestamp: TIMESTAMP", "value: BIGINT");
    }

    @Test
    void aSinksSheetCallsTheColumnsItWritesItsInputSchema(FxRobot robot) {
        awaitChecked();
        assertThat(robot.lookup(".properties-section").queryAs(Label.class).getText()).isEqualTo("Output schema");

        robot.interact(() -> workbench.selection().selectOnly("console"));

        WorkbenchFixture.await("the sink's sheet is shown",
                () -> robot.lookup("#properties-title").queryAs(Label.class).getText().equals("console"));
        assertThat(robot.lookup(".properties-section").queryAs(Label.class).getText()).isEqualTo("Input schema");
    }

    @Test
    void clearingTheConditionShowsARequiredOptionProblemUntilItIsTypedAgain(FxRobot robot) {
        awaitChecked();

        retype(robot, "#option-condition", "");
        WorkbenchFixture.await("the problem is listed", () -> workbench.validation().problems().stream()
                .anyMatch(p -> p.code() == ErrorCode.MISSING_OPTION));

        assertThat(condition()).isNull();
        assertThat(robot.lookup("#run-disabled-reason").queryAs(Label.class).getText())
                .isEqualTo("Fix 1 problem to run (see Problems)");
        retype(robot, "#option-condition", "value > 1");
        WorkbenchFixture.await("the problem is gone", () -> workbench.validation().problems().isEmpty()
                && condition().equals("value > 1"));
        assertThat(robot.lookup("#no-problems").queryAs(Label.class).isVisible()).isTrue();
    }

    @Test
    void aBadExpressionIsMarkedAsYouTypeAndListedWithItsColumnOnceCommitted(FxRobot robot) {
        awaitChecked();
        TextField field = robot.lookup("#option-condition").queryAs(TextField.class);

        robot.clickOn(field);
        robot.interact(() -> field.setText("value > nope"));
        ExpressionField expression = ExpressionField.of(field);

        assertThat(expression.errorSpan().getStart()).isEqualTo(8);
        assertThat(expression.errorSpan().getEnd()).isEqualTo(12);
        assertThat(expression.problemProperty().get().where().column()).isEqualTo(9);
        robot.type(KeyCode.ENTER);
        WorkbenchFixture.await("the problem is listed", () -> workbench.validation().problems().size() == 1);
        Problem listed = workbench.validation().problems().get(0);
        assertThat(listed.where().nodeId()).isEqualTo("filter-1");
        assertThat(listed.where().column()).isEqualTo(9);
        retype(robot, "#option-condition", "value > 3");
        WorkbenchFixture.await("the problem is gone", () -> workbench.validation().problems().isEmpty());
        assertThat(expression.errorSpan()).isNull();
    }

    @Test
    void clickingAProblemSelectsItsNodeAndFocusesTheEditor(FxRobot robot) {
        robot.interact(() -> {
            workbench.document().apply(new SetOption("filter-1", "condition", OptionValue.of("valu > 2")));
            workbench.selection().selectOnly("console");
        });
        WorkbenchFixture.await("the problem is listed", () -> workbench.validation().problems().size() == 1);

        robot.clickOn(".problem-message");

        assertThat(workbench.selection().primaryNode()).isEqualTo("filter-1");
        TextField field = robot.lookup("#option-condition").queryAs(TextField.class);
        WorkbenchFixture.await("the condition has focus", field::isFocused);
    }

    @Test
    void typingInTheSheetDoesNotRebuildIt(FxRobot robot) {
        awaitChecked();
        TextField before = robot.lookup("#option-condition").queryAs(TextField.class);

        retype(robot, "#option-condition", "value > 4");
        awaitChecked();

        assertThat(robot.lookup("#option-condition").queryAs(TextField.class)).isSameAs(before);
        assertThat(workbench.document().history().undoTextProperty().get()).isEqualTo(
                "Undo Set condition on filter-1");
    }

    @Test
    void theExpressionFieldCompletesColumnAndFunctionNames(FxRobot robot) {
        awaitChecked();
        TextField field = robot.lookup("#option-condition").queryAs(TextField.class);
        ExpressionField expression = ExpressionField.of(field);

        robot.clickOn(field);
        robot.interact(field::clear);
        robot.write("val");

        WorkbenchFixture.await("completions show", () -> expression.completion().isShowing());
        assertThat(expression.completion().items()).extracting(CompletionPopup.Suggestion::name).contains("value");
        robot.type(KeyCode.ENTER);
        assertThat(field.getText()).isEqualTo("value");
        robot.write(" > ");
        robot.press(KeyCode.CONTROL).type(KeyCode.SPACE).release(KeyCode.CONTROL);
        WorkbenchFixture.await("completions show", () -> expression.completion().isShowing());
        assertThat(expression.completion().items()).extracting(CompletionPopup.Suggestion::name)
                .contains("timestamp", "value", "upper");
    }

    @Test
    void aFunctionCompletionShowsItsSignatureAsCalled(FxRobot robot) {
        awaitChecked();
        TextField field = robot.lookup("#option-condition").queryAs(TextField.class);
        ExpressionField expression = ExpressionField.of(field);

        robot.clickOn(field);
        robot.interact(field::clear);
        robot.write("ucas");

        WorkbenchFixture.await("completions show", () -> expression.completion().isShowing());
        assertThat(expression.completion().items()).extracting(CompletionPopup.Suggestion::name,
                CompletionPopup.Suggestion::signature).containsExactly(tuple("ucase", "ucase(str)"));
    }
}
