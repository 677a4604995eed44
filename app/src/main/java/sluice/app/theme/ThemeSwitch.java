package sluice.app.theme;

import static java.util.Objects.requireNonNull;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * FX thread only. Light (AtlantaFX Primer Light) or dark (Primer Dark) theme for the whole application, remembered
 * under the key {@code theme} of a Preferences node. Made with the remembered choice, which it applies at once.
 */
public final class ThemeSwitch {
    static final String KEY = "theme";
    private static final System.Logger LOG = System.getLogger(ThemeSwitch.class.getName());

    private final Preferences preferences;
    private final BooleanProperty dark = new SimpleBooleanProperty(this, "dark");

    public ThemeSwitch(Preferences preferences) {
        this.preferences = requireNonNull(preferences, "preferences is null");
        dark.set("dark".equals(preferences.get(KEY, "light")));
        apply();
        dark.addListener((obs, was, now) -> {
            apply();
            remember();
        });
    }

    public BooleanProperty darkProperty() {
        return dark;
    }

    public boolean isDark() {
        return dark.get();
    }

    /** View › Dark Theme, a check item bound to the switch. */
    public CheckMenuItem menuItem() {
        CheckMenuItem item = new CheckMenuItem("Dark Theme");
        item.setId("dark-theme-item");
        item.setAccelerator(new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN));
        item.selectedProperty().bindBidirectional(dark);
        return item;
    }

    private void apply() {
        Application.setUserAgentStylesheet(dark.get() ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    private void remember() {
        preferences.put(KEY, dark.get() ? "dark" : "light");
        try {
            preferences.flush();
        } catch (BackingStoreException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot store the theme choice", e);
        }
    }
}
