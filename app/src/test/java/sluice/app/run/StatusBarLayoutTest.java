package sluice.app.run;

import static org.assertj.core.api.Assertions.assertThat;
import static sluice.app.WorkbenchFixture.onFx;

import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The status bar in a narrow window: a long run message gives way, the state and the figures do not. */
@ExtendWith(ApplicationExtension.class)
class StatusBarLayoutTest {
    private static final String LONG_MESSAGE = "echo: no answer from the Kafka broker at 127.0.0.1:9092 within 60 s "
            + "while asking for the latest offsets of topic 'echo'; is it running and reachable?";
    private StatusBar bar;

    @Start
    void start(Stage window) {
        bar = new StatusBar(new SimpleObjectProperty<>(RunState.FAILED), () -> RunActivity.NONE, System::nanoTime);
        BorderPane root = new BorderPane();
        root.setBottom(bar.view());
        window.setScene(new Scene(root, 640, 120));
        window.show();
    }

    @Test
    void aLongMessageIsCutWhileTheStateAndFiguresKeepTheirWholeText(FxRobot robot) {
        robot.interact(() -> bar.onEnd(LONG_MESSAGE));

        for (String id : new String[] {"#run-state", "#batch-id", "#rows-per-second", "#batch-duration"}) {
            Label label = robot.lookup(id).queryAs(Label.class);
            assertThat(onFx(() -> label.getWidth())).as(id).isGreaterThanOrEqualTo(onFx(() -> label.prefWidth(-1)));
        }
        Label message = robot.lookup("#run-message").queryAs(Label.class);
        assertThat(onFx(() -> message.getText())).isEqualTo(LONG_MESSAGE);
        assertThat(onFx(() -> message.getWidth())).isLessThan(onFx(() -> message.prefWidth(-1)));
    }
}
