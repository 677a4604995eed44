package sluice.app.properties;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import javafx.scene.control.Button;
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

/** A transform.aggregate's grouping keys and aggregations are edited in its property sheet like any list option. */
@ExtendWith(ApplicationExtension.class)
class AggregateEditorTest {
    private Workbench workbench;

    @Start
    void start(Stage stage) {
        workbench = WorkbenchFixture.open(stage);
        workbench.document().replace(new PipelineSpec(PipelineSpec.FORMAT, "Counts", Trigger.DEFAULT, null, List.of(
                TestPipelines.node("rate", "source.rate", List.of(), Map.of()),
                TestPipelines.node("agg", "transform.aggregate", List.of("rate"),
                        Map.of("aggregations", OptionValue.of(List.of("count(*)")))),
                TestPipelines.node("out", "sink.memory", List.of("agg"),
                        Map.of("queryName", OptionValue.of("q"), "outputMode", OptionValue.of("update"))))), null);
    }

    @AfterEach
    void close() {
        workbench.close();
    }

    private void addRow(FxRobot robot, String option, String text) {
        WorkbenchFixture.clickInView(robot, robot.lookup("#option-" + option + " .list-add").queryAs(Button.class));
        robot.write(text);
        robot.type(KeyCode.ENTER);
    }

    private OptionValue option(String name) {
        return workbench.document().spec().node("agg").orElseThrow().option(name).orElse(null);
    }

    @Test
    void groupingKeysAndAggregationsAreAddedAndTheNodeStaysValid(FxRobot robot) {
        robot.interact(() -> workbench.selection().selectOnly("agg"));

        addRow(robot, "groupBy", "value % 2 AS odd");
        addRow(robot, "aggregations", "max(value)");

        assertThat(option("groupBy")).isEqualTo(OptionValue.of(List.of("value % 2 AS odd")));
        assertThat(option("aggregations")).isEqualTo(OptionValue.of(List.of("count(*)", "max(value)")));
        WorkbenchFixture.await("the edited pipeline is checked", () ->
                workbench.validation().checkedProperty().get() == workbench.document().spec());
        assertThat(workbench.validation().problems()).isEmpty();
    }

    @Test
    void theAggregationsGetAtLeastAnyEditorsWidthBesideTheirButtonsAt1280By800(FxRobot robot) {
        robot.interact(() -> workbench.selection().selectOnly("agg"));

        TextField first = robot.lookup("#option-aggregations-1").queryAs(TextField.class);

        // Beside the labels there was room for about 14 characters: 'year(Date) AS year' read 'year(Date) AS'.
        assertThat(WorkbenchFixture.<Double>onFx(first::getWidth)).isGreaterThanOrEqualTo(OptionGrid.MIN_EDITOR_WIDTH);
    }

    @Test
    void aColumnNamedAsTypedIsKeptOnEnterThoughLongerFunctionNamesStartTheSame(FxRobot robot) {
        robot.interact(() -> workbench.selection().selectOnly("agg"));
        WorkbenchFixture.awaitChecked(workbench);

        // 'timestamp' is a column of the rate source and the start of timestamp_seconds and its kin.
        addRow(robot, "groupBy", "timestamp");

        assertThat(option("groupBy")).isEqualTo(OptionValue.of(List.of("timestamp")));
    }

    @Test
    void anAggregationIsCheckedAsYouTypeAsAnAggregateCallWithAggregateNamesCompleted(FxRobot robot) {
        robot.interact(() -> workbench.selection().selectOnly("agg"));
        WorkbenchFixture.awaitChecked(workbench);
        TextField field = robot.lookup("#option-aggregations .text-field").queryAs(TextField.class);
        ExpressionField expression = ExpressionField.of(field);

        robot.clickOn(field);
        robot.interact(field::clear);
        robot.write("stdd");
        WorkbenchFixture.await("completions show", () -> expression.completion().isShowing());
        assertThat(expression.completion().items()).extracting(CompletionPopup.Suggestion::name)
                .startsWith("stddev", "stddev_samp", "stddev_pop");
        robot.type(KeyCode.ESCAPE);
        robot.interact(() -> field.setText("avg(value) AS mean_value"));
        assertThat(expression.problemProperty().get()).isNull();

        robot.interact(() -> field.setText("value + 1"));
        assertThat(expression.problemProperty().get()).isNotNull();
        assertThat(expression.problemProperty().get().message()).contains("aggregate function");
    }

    @Test
    void aTimeWindowKeyIsCheckedByItsTimeColumnOnly(FxRobot robot) {
        robot.interact(() -> workbench.selection().selectOnly("agg"));
        WorkbenchFixture.awaitChecked(workbench);
        addRow(robot, "groupBy", "value");
        TextField field = robot.lookup("#option-groupBy .text-field").queryAs(TextField.class);
        ExpressionField expression = ExpressionField.of(field);

        robot.interact(() -> field.setText("window(timestamp, '10 seconds')"));
        assertThat(expression.problemProperty().get()).isNull();

        robot.interact(() -> field.setText("window(tstamp, '10 seconds')"));
        assertThat(expression.problemProperty().get().message()).startsWith("unknown column 'tstamp'");
    }
}
