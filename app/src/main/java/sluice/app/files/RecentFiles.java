package sluice.app.files;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * FX thread only. The pipelines opened or saved last, newest first, at most {@link #MAX}, kept in a {@link
 * Preferences} node the caller chooses (tests pass a node of their own) under the keys {@code recent.0} … {@code
 * recent.9}.
 */
public final class RecentFiles {
    public static final int MAX = 10;
    private static final System.Logger LOG = System.getLogger(RecentFiles.class.getName());

    private final Preferences node;
    private final ObservableList<Path> files = FXCollections.observableArrayList();
    private final ObservableList<Path> readOnly = FXCollections.unmodifiableObservableList(files);

    public RecentFiles(Preferences node) {
        this.node = requireNonNull(node, "node is null");
        List<Path> stored = new ArrayList<>();
        for (int i = 0; i < MAX; i++) {
            String path = node.get(key(i), null);
            if (path != null && !path.isBlank()) {
                stored.add(Path.of(path));
            }
        }
        files.setAll(stored);
    }

    private static String key(int index) {
        return "recent." + index;
    }

    /** Newest first. */
    public ObservableList<Path> files() {
        return readOnly;
    }

    /** Puts {@code file} first, dropping an older entry for it and the oldest beyond {@link #MAX}. */
    public void add(Path file) {
        Path normal = file.toAbsolutePath().normalize();
        List<Path> next = new ArrayList<>(files);
        next.remove(normal);
        next.add(0, normal);
        files.setAll(next.subList(0, Math.min(MAX, next.size())));
        store();
    }

    public void remove(Path file) {
        if (files.remove(file.toAbsolutePath().normalize())) {
            store();
        }
    }

    public void clear() {
        files.clear();
        store();
    }

    private void store() {
        for (int i = 0; i < MAX; i++) {
            if (i < files.size()) {
                node.put(key(i), files.get(i).toString());
            } else {
                node.remove(key(i));
            }
        }
        try {
            node.flush();
        } catch (BackingStoreException e) {
            // The list still works for this session; only remembering it failed.
            LOG.log(System.Logger.Level.WARNING, "cannot store the recent files list", e);
        }
    }
}
