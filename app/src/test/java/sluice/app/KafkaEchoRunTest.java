package sluice.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
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
import sluice.app.properties.SetOption;
import sluice.broker.LocalBroker;
import sluice.engine.pipeline.OptionValue;
import sluice.engine.types.Row;

/**
 * The kafka-echo example run in the workbench against a real broker on 127.0.0.1 (the broker module's, on free ports
 * instead of 9092): records sent to topic 'echo' come out upper-cased in the table sink's inspector.
 */
@ExtendWith(ApplicationExtension.class)
class KafkaEchoRunTest {
    private static LocalBroker broker;
    private Workbench workbench;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = LocalBroker.startOnFreePorts(Files.createTempDirectory("sluice-echo-broker-"));
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic("echo", 1, (short) 1))).all().get();
        }
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                broker.bootstrapServers()), new ByteArraySerializer(), new ByteArraySerializer())) {
            for (String line : List.of("hello", "Grüße")) {
                producer.send(new ProducerRecord<>("echo", line.getBytes(StandardCharsets.UTF_8))).get();
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
        workbench.files().open(WorkbenchFixture.example("kafka-echo"));
        // As a person would point the example at another broker: one edit of the source's option.
        workbench.document().apply(new SetOption("echo", "kafka.bootstrap.servers",
                OptionValue.of(broker.bootstrapServers())));
    }

    @AfterEach
    void close() {
        workbench.close();
    }

    @Test
    void runShowsTheTopicsRecordsUpperCasedInTheTableSink(FxRobot robot) {
        WorkbenchFixture.await("the example is checked", () -> workbench.validation().planProperty().get() != null);

        robot.clickOn("#run-button");
        robot.interact(() -> workbench.selection().selectOnly("table"));
        WorkbenchFixture.await("the inspector shows the table sink's two rows",
                () -> workbench.inspector().shownRows().size() == 2);

        List<Row> rows = WorkbenchFixture.onFx(() -> workbench.inspector().shownRows());
        assertThat(rows).extracting(row -> row.get(0) + "@" + row.get(2)).containsExactlyInAnyOrder("HELLO@0",
                "GRÜSSE@1");
        robot.clickOn("#stop-button");
        WorkbenchFixture.await("the run stopped", () -> !workbench.session().state().isActive());
    }
}
