package sluice.app.properties;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import javafx.scene.Node;
import javafx.scene.control.Button;
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

/**
 * The Kafka nodes' sheets add a kafka.* setting by name and value and remove one with its row's button, each as one
 * undoable edit, and the rows follow undo and redo.
 */
@ExtendWith(ApplicationExtension.class)
class KafkaOptionRowsTest {
    private Workbench workbench;

    @Start
    void start(Stage stage) {
        workbench = WorkbenchFixture.open(stage);
        workbench.document().replace(new PipelineSpec(PipelineSpec.FORMAT, "Settings", Trigger.DEFAULT, null, List.of(
                TestPipelines.node("in", "source.kafka", List.of(), Map.of(
                        "kafka.bootstrap.servers", OptionValue.of("127.0.0.1:9092"),
                        "kafka.client.id", OptionValue.of("sluice-editor"),
                        "subscribe", OptionValue.of("x"))),
                TestPipelines.node("out", "sink.kafka", List.of("in"), Map.of(
                        "kafka.bootstrap.servers", OptionValue.of("127.0.0.1:9092"),
                        "topic", OptionValue.of("y"))))),
                null);
    }

    @AfterEach
    void close() {
        workbench.close();
    }

    /** Ids with dots are no CSS id selectors: look them up by a predicate. */
    private static Predicate<Node> byId(String id) {
        return node -> id.equals(node.getId());
    }

    private OptionValue option(String node, String name) {
        return workbench.document().spec().node(node).orElseThrow().option(name).orElse(null);
    }

    private void type(FxRobot robot, String id, String text) {
        TextField field = robot.lookup(id).queryAs(TextField.class);
        robot.interact(() -> field.setText(text));
    }

    private void press(FxRobot robot, Predicate<Node> button) {
        Button found = robot.lookup(button).queryAs(Button.class);
        robot.interact(found::fire);
    }

    private void add(FxRobot robot, String name, String value) {
        type(robot, "#add-kafka-name", name);
        type(robot, "#add-kafka-value", value);
        press(robot, byId("add-kafka"));
    }

    @Test
    void sinkAddsAKafkaSettingAsOneEditAndShowsItAsARow(FxRobot robot) {
        robot.interact(() -> workbench.selection().selectOnly("out"));

        add(robot, "acks", "all");

        assertThat(option("out", "kafka.acks")).isEqualTo(OptionValue.of("all"));
        assertThat(workbench.document().history().undoTextProperty().get()).isEqualTo("Undo Set kafka.acks on out");
        assertThat(robot.lookup(byId("option-kafka.acks")).queryAs(TextField.class).getText()).isEqualTo("all");
        assertThat(robot.lookup("#add-kafka-name").queryAs(TextField.class).getText()).isEmpty();
        robot.interact(() -> workbench.document().history().undo());
        assertThat(option("out", "kafka.acks")).isNull();
        assertThat(robot.lookup(byId("option-kafka.acks")).tryQuery()).isEmpty();
    }

    @Test
    void sourceTakesTheNameWithOrWithoutItsPrefixAndAddIsOffUntilBothAreFilled(FxRobot robot) {
        robot.interact(() -> workbench.selection().selectOnly("in"));
        Button addButton = robot.lookup("#add-kafka").queryAs(Button.class);

        type(robot, "#add-kafka-name", "kafka.fetch.min.bytes");
        boolean offWithoutValue = addButton.isDisabled();
        type(robot, "#add-kafka-value", "1024");
        press(robot, byId("add-kafka"));

        assertThat(offWithoutValue).isTrue();
        assertThat(option("in", "kafka.fetch.min.bytes")).isEqualTo(OptionValue.of("1024"));
        assertThat(robot.lookup(byId("option-kafka.fetch.min.bytes")).queryAs(TextField.class).getText())
                .isEqualTo("1024");
    }

    @Test
    void removingAKafkaSettingIsOneEditThatUndoBringsBack(FxRobot robot) {
        robot.interact(() -> workbench.selection().selectOnly("in"));

        press(robot, byId("remove-kafka.client.id"));

        assertThat(option("in", "kafka.client.id")).isNull();
        assertThat(robot.lookup(byId("option-kafka.client.id")).tryQuery()).isEmpty();
        assertThat(robot.lookup(byId("remove-kafka.bootstrap.servers")).tryQuery()).isEmpty();
        robot.interact(() -> workbench.document().history().undo());
        assertThat(option("in", "kafka.client.id")).isEqualTo(OptionValue.of("sluice-editor"));
        assertThat(robot.lookup(byId("option-kafka.client.id")).queryAs(TextField.class).getText())
                .isEqualTo("sluice-editor");
    }
}
