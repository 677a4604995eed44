package sluice.app.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RecentFilesTest {
    private final Preferences node = Preferences.userRoot().node("sluice-test/" + UUID.randomUUID());

    @AfterEach
    void removeNode() throws BackingStoreException {
        node.removeNode();
    }

    @Test
    void newestComesFirstAndAFileIsListedOnce() {
        RecentFiles recent = new RecentFiles(node);

        recent.add(Path.of("/p/a.sluice.json"));
        recent.add(Path.of("/p/b.sluice.json"));
        recent.add(Path.of("/p/a.sluice.json"));

        assertThat(recent.files()).containsExactly(Path.of("/p/a.sluice.json"), Path.of("/p/b.sluice.json"));
    }

    @Test
    void keepsAtMostTenAndDropsTheOldest() {
        RecentFiles recent = new RecentFiles(node);

        for (int i = 0; i < 12; i++) {
            recent.add(Path.of("/p/" + i + ".sluice.json"));
        }

        assertThat(recent.files()).hasSize(RecentFiles.MAX);
        assertThat(recent.files().get(0)).isEqualTo(Path.of("/p/11.sluice.json"));
        assertThat(recent.files()).doesNotContain(Path.of("/p/0.sluice.json"), Path.of("/p/1.sluice.json"));
    }

    @Test
    void theListIsRememberedInThePreferencesNode() {
        new RecentFiles(node).add(Path.of("/p/a.sluice.json"));

        RecentFiles again = new RecentFiles(node);

        assertThat(again.files()).containsExactly(Path.of("/p/a.sluice.json"));
        again.clear();
        assertThat(new RecentFiles(node).files()).isEmpty();
    }
}
