package sluice.app.properties;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextArea;
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
import sluice.engine.pipeline.OptionValue;
import sluice.engine.pipeline.PipelineSpec;
import sluice.engine.pipeline.Trigger;

/** Each editor kind commits one undoable edit. */
@ExtendWith(ApplicationExtension.class)
class EditorKindsTest {
    private Workbench workbench;

    @Start
    void start(Stage stage) {
        workbench = WorkbenchFixture.open(stage);
        workbench.document().replace(new PipelineSpec(PipelineSpec.FORMAT, "Editors", Trigger.DEFAULT, null, List.of(
                TestPipelines.node("rate", "source.rate", List.of(), Map.of("rowsPerSecond", OptionValue.of("5"))),
                TestPipelines.node("select-1", "transform.select", List.of("rate"),
                        Map.of("expressions", OptionValue.of(List.of("timestamp", "value")))),
                TestPipelines.node("console", "sink.console", List.of("select-1"), Map.of()),
                TestPipelines.node("chart", "sink.chart", List.of("select-1"),
                        Map.of("x", OptionValue.of("timestamp"), "y", OptionValue.of(List.of("value")))),
                TestPipelines.node("files", "source.file", List.of(),
                        Map.of("path", OptionValue.of("in"), "schema", OptionValue.of("a INT"))))), null);
    }

    @AfterEach
    void close() {
        workbench.close();
    }

    private void select(FxRobot robot, String node) {
        robot.interact(() -> workbench.selection().selectOnly(node));
    }

    private OptionValue option(String node, String name) {
        return workbench.document().spec().node(node).orElseThrow().option(name).orElse(null);
    }

    private void undo(FxRobot robot) {
        robot.interact(() -> workbench.document().history().undo());
    }

    private void retype(FxRobot robot, String query, String text) {
        TextField field = robot.lookup(query).queryAs(TextField.class);
        WorkbenchFixture.clickInView(robot, field);
        robot.interact(field::clear);
        robot.write(text);
        robot.type(KeyCode.ENTER);
    }

    @Test
    void textEditorCommitsOnEnterAndUndoRestores(FxRobot robot) {
        select(robot, "chart");

        retype(robot, "#option-x", "value");

        assertThat(option("chart", "x")).isEqualTo(OptionValue.of("value"));
        undo(robot);
        assertThat(option("chart", "x")).isEqualTo(OptionValue.of("timestamp"));
        assertThat(robot.lookup("#option-x").queryAs(TextField.class).getText()).isEqualTo("timestamp");
    }

    @Test
    void integerEditorRefusesLettersAndCommitsTheNumber(FxRobot robot) {
        select(robot, "rate");

        retype(robot, "#option-rowsPerSecond", "7a0");

        assertThat(option("rate", "rowsPerSecond")).isEqualTo(OptionValue.of("70"));
        undo(robot);
        assertThat(option("rate", "rowsPerSecond")).isEqualTo(OptionValue.of("5"));
    }

    @Test
    void durationEditorMarksTextThatIsNoDuration(FxRobot robot) {
        select(robot, "rate");

        retype(robot, "#option-rampUpTime", "5 parsecs");

        TextField field = robot.lookup("#option-rampUpTime").queryAs(TextField.class);
        assertThat(field.getPseudoClassStates()).contains(TextEditor.INVALID);
        retype(robot, "#option-rampUpTime", "5 seconds");
        assertThat(field.getPseudoClassStates()).doesNotContain(TextEditor.INVALID);
        assertThat(option("rate", "rampUpTime")).isEqualTo(OptionValue.of("5 seconds"));
        undo(robot);
        assertThat(option("rate", "rampUpTime")).isEqualTo(OptionValue.of("5 parsecs"));
    }

    @Test
    void checkBoxCommitsTheOtherValueThanTheDefault(FxRobot robot) {
        select(robot, "console");
        CheckBox box = robot.lookup("#option-truncate").queryAs(CheckBox.class);
        assertThat(box.isSelected()).isTrue();

        robot.clickOn(box);

        assertThat(option("console", "truncate")).isEqualTo(OptionValue.of("false"));
        undo(robot);
        assertThat(option("console", "truncate")).isNull();
        assertThat(box.isSelected()).isTrue();
    }

    @Test
    void choiceEditorCommitsTheChosenValue(FxRobot robot) {
        select(robot, "console");
        @SuppressWarnings("unchecked")
        ComboBox<String> box = robot.lookup("#option-outputMode").queryAs(ComboBox.class);

        robot.interact(() -> box.setValue("update"));

        assertThat(option("console", "outputMode")).isEqualTo(OptionValue.of("update"));
        undo(robot);
        assertThat(option("console", "outputMode")).isNull();
        assertThat(box.getValue()).isNull();
    }

    @Test
    void theFileSourceFormatChoiceOffersParquetAndOrc(FxRobot robot) {
        select(robot, "files");
        @SuppressWarnings("unchecked")
        ComboBox<String> box = robot.lookup("#option-format").queryAs(ComboBox.class);

        assertThat(box.getItems()).containsExactly("csv", "json", "text", "parquet", "orc");
        robot.interact(() -> box.setValue("orc"));

        assertThat(option("files", "format")).isEqualTo(OptionValue.of("orc"));
    }

    @Test
    void schemaEditorCommitsOnControlEnter(FxRobot robot) {
        select(robot, "files");
        TextArea area = robot.lookup("#option-schema").queryAs(TextArea.class);

        WorkbenchFixture.clickInView(robot, area);
        robot.interact(() -> area.setText("a INT, b STRING"));
        robot.press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);

        assertThat(option("files", "schema")).isEqualTo(OptionValue.of("a INT, b STRING"));
        undo(robot);
        assertThat(area.getText()).isEqualTo("a INT");
    }

    @Test
    void tabInTheSchemaEditorMovesOnAndCommitsInsteadOfTypingATab(FxRobot robot) {
        select(robot, "files");
        TextArea area = robot.lookup("#option-schema").queryAs(TextArea.class);

        WorkbenchFixture.clickInView(robot, area);
        robot.interact(() -> area.setText("a INT, b STRING"));
        robot.type(KeyCode.TAB);

        assertThat(area.isFocused()).isFalse();
        assertThat(option("files", "schema")).isEqualTo(OptionValue.of("a INT, b STRING"));
    }

    @Test
    void pathEditorCommitsTheTypedPath(FxRobot robot) {
        select(robot, "files");

        retype(robot, "#option-path", "sample-data/stocks");

        assertThat(option("files", "path")).isEqualTo(OptionValue.of("sample-data/stocks"));
        undo(robot);
        assertThat(option("files", "path")).isEqualTo(OptionValue.of("in"));
    }

    @Test
    void expressionListAddsRemovesAndMovesRowsAsOneEditEach(FxRobot robot) {
        select(robot, "select-1");

        WorkbenchFixture.clickInView(robot, robot.lookup("#option-expressions .list-add").queryAs(Button.class));
        robot.write("value * 2 AS twice");
        robot.type(KeyCode.ENTER);
        assertThat(option("select-1", "expressions"))
                .isEqualTo(OptionValue.of(List.of("timestamp", "value", "value * 2 AS twice")));
        WorkbenchFixture.clickInView(robot, robot.lookup("#option-expressions .list-row-button")
                .match(b -> "↓".equals(((Button) b).getText())).queryAs(Button.class));
        assertThat(option("select-1", "expressions"))
                .isEqualTo(OptionValue.of(List.of("value", "timestamp", "value * 2 AS twice")));
        WorkbenchFixture.clickInView(robot, robot.lookup("#option-expressions .list-row-button")
                .match(b -> "✕".equals(((Button) b).getText())).queryAs(Button.class));
        assertThat(option("select-1", "expressions"))
                .isEqualTo(OptionValue.of(List.of("timestamp", "value * 2 AS twice")));

        undo(robot);
        undo(robot);
        undo(robot);
        assertThat(option("select-1", "expressions")).isEqualTo(OptionValue.of(List.of("timestamp", "value")));
        assertThat(robot.lookup("#option-expressions-2").queryAs(TextField.class).getText()).isEqualTo("value");
    }

    @Test
    void stringListCommitsAnAddedRow(FxRobot robot) {
        select(robot, "chart");

        WorkbenchFixture.clickInView(robot, robot.lookup("#option-y .list-add").queryAs(Button.class));
        robot.write("timestamp");
        robot.type(KeyCode.ENTER);

        assertThat(option("chart", "y")).isEqualTo(OptionValue.of(List.of("value", "timestamp")));
        undo(robot);
        assertThat(option("chart", "y")).isEqualTo(OptionValue.of(List.of("value")));
    }

    @Test
    void pipelineNameIsEditedWhenNoNodeIsSelected(FxRobot robot) {
        robot.interact(() -> workbench.selection().clear());

        retype(robot, "#pipeline-name", "Renamed");

        assertThat(workbench.document().spec().name()).isEqualTo("Renamed");
        undo(robot);
        assertThat(workbench.document().spec().name()).isEqualTo("Editors");
    }
}
