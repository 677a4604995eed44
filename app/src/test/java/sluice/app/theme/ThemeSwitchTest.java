package sluice.app.theme;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class ThemeSwitchTest {
    private final Preferences node = Preferences.userRoot().node("sluice-test/" + UUID.randomUUID());

    @Start
    void start(Stage stage) {
        stage.show();
    }

    @AfterEach
    void close(FxRobot robot) throws BackingStoreException {
        robot.interact(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
        node.removeNode();
    }

    @Test
    void darkThemeIsAppliedAndRemembered(FxRobot robot) {
        robot.interact(() -> new ThemeSwitch(node).darkProperty().set(true));

        assertThat(Application.getUserAgentStylesheet()).isEqualTo(new PrimerDark().getUserAgentStylesheet());
        assertThat(node.get(ThemeSwitch.KEY, null)).isEqualTo("dark");
        robot.interact(() -> assertThat(new ThemeSwitch(node).isDark()).isTrue());
    }

    @Test
    void lightIsTheDefault(FxRobot robot) {
        robot.interact(() -> assertThat(new ThemeSwitch(node).isDark()).isFalse());

        assertThat(Application.getUserAgentStylesheet()).isEqualTo(new PrimerLight().getUserAgentStylesheet());
    }
}
