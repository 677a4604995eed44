package sluice.app.properties;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import javafx.scene.Node;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import sluice.app.Workbench;
import sluice.app.WorkbenchFixture;
import sluice.broker.LocalBroker;
import sluice.engine.pipeline.OptionValue;
import sluice.engine.pipeline.PipelineSpec;
import sluice.engine.pipeline.Trigger;

/**
 * The Kafka nodes' topic editors against a real broker on 127.0.0.1: the source's subscribe and the sink's topic list
 * the broker's topics with partitions and end offsets, and choosing one sets the option as one undoable edit.
 */
@ExtendWith(ApplicationExtension.class)
class TopicEditorTest {
    private static LocalBroker broker;
    private Workbench workbench;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = LocalBroker.startOnFreePorts(Files.createTempDirectory("sluice-app-broker-"));
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic("orders", 2, (short) 1), new NewTopic("audit", 1, (short) 1)))
                    .all().get();
        }
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                broker.bootstrapServers()), new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < 3; i++) {
                producer.send(new ProducerRecord<>("orders", 1, null, ("o" + i).getBytes(StandardCharsets.UTF_8)))
                        .get();
            }
        }
    }

    @AfterAll
    static void stopBroker() {
        broker.stop();
    }

    @Start
    void start(Stage stage) {
        workbench = WorkbenchFixture.open(stage);
        workbench.document().replace(new PipelineSpec(PipelineSpec.FORMAT, "Topics", Trigger.DEFAULT, null, List.of(
                TestPipelines.node("in", "source.kafka", List.of(), Map.of(
                        "kafka.bootstrap.servers", OptionValue.of(broker.bootstrapServers()),
                        "kafka.client.id", OptionValue.of("sluice-editor"),
                        "subscribe", OptionValue.of("x"))),
                TestPipelines.node("out", "sink.kafka", List.of("in"), Map.of("topic", OptionValue.of("y"))))),
                null);
    }

    @AfterEach
    void close() {
        workbench.close();
    }

    private List<String> openTopics(FxRobot robot, String node, String option, String awaited) {
        robot.interact(() -> workbench.selection().selectOnly(node));
        MenuButton topics = robot.lookup("#topics-" + option).queryAs(MenuButton.class);
        robot.interact(topics::show);
        WorkbenchFixture.await("the topics menu says '" + awaited + "'",
                () -> topics.getItems().stream().anyMatch(i -> i.getText().startsWith(awaited)));
        return WorkbenchFixture.onFx(() -> topics.getItems().stream().map(MenuItem::getText).toList());
    }

    /** Ids with dots are no CSS id selectors: look them up by a predicate. */
    private static Predicate<Node> byId(String id) {
        return node -> id.equals(node.getId());
    }

    private OptionValue option(String node, String name) {
        return workbench.document().spec().node(node).orElseThrow().option(name).orElse(null);
    }

    @Test
    void sourceListsTheBrokersTopicsWithPartitionsAndEndOffsetsAndChoosingOneSubscribesToIt(FxRobot robot) {
        List<String> items = openTopics(robot, "in", "subscribe", "orders");

        assertThat(items).containsExactly("audit (1 partition, end offsets 0:0)",
                "orders (2 partitions, end offsets 0:0 1:3)");
        MenuButton topics = robot.lookup("#topics-subscribe").queryAs(MenuButton.class);
        robot.interact(() -> topics.getItems().get(1).fire());
        assertThat(option("in", "subscribe")).isEqualTo(OptionValue.of("orders"));
        assertThat(robot.lookup("#option-subscribe").queryAs(TextField.class).getText()).isEqualTo("orders");
        robot.interact(() -> workbench.document().history().undo());
        assertThat(option("in", "subscribe")).isEqualTo(OptionValue.of("x"));
    }

    @Test
    void theSourcesKafkaSettingsAreRowsOfTheSheetWithTheFamilysDescription(FxRobot robot) {
        robot.interact(() -> workbench.selection().selectOnly("in"));

        TextField clientId = robot.lookup(byId("option-kafka.client.id")).queryAs(TextField.class);

        assertThat(clientId.getText()).isEqualTo("sluice-editor");
        assertThat(clientId.getTooltip().getText()).startsWith("Any Kafka consumer setting");
        assertThat(robot.lookup(byId("option-kafka.*")).tryQuery()).isEmpty();
    }

    @Test
    void sinkWithoutBootstrapServersSaysWhatToSetFirst(FxRobot robot) {
        List<String> items = openTopics(robot, "out", "topic", "Set kafka.bootstrap.servers");

        assertThat(items).containsExactly("Set kafka.bootstrap.servers to list the broker's topics");
    }

    @Test
    void sinkOffersTheTopicsOfItsBroker(FxRobot robot) {
        robot.interact(() -> workbench.document().apply(new SetOption("out", "kafka.bootstrap.servers",
                OptionValue.of(broker.bootstrapServers()))));

        List<String> items = openTopics(robot, "out", "topic", "audit");

        assertThat(items).hasSize(2);
        MenuButton topics = robot.lookup("#topics-topic").queryAs(MenuButton.class);
        robot.interact(() -> topics.getItems().get(0).fire());
        assertThat(option("out", "topic")).isEqualTo(OptionValue.of("audit"));
    }
}
