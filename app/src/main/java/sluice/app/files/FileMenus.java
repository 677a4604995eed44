package sluice.app.files;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.stage.Window;

/** The File menu's two lists: Open Recent (follows {@link RecentFiles}) and Examples. FX thread only. */
final class FileMenus {
    private FileMenus() {
    }

    static Menu openRecent(FileActions files, Supplier<Window> owner) {
        Menu menu = new Menu("Open Recent");
        menu.setId("open-recent-menu");
        Runnable fill = () -> {
            menu.getItems().clear();
            int number = 1;
            for (Path file : files.recent().files()) {
                MenuItem item = new MenuItem(number++ + "  " + file.getFileName() + "  —  " + file.getParent());
                item.getStyleClass().add("recent-file");
                item.setMnemonicParsing(false);
                item.setOnAction(e -> files.openAsked(file, owner.get()));
                menu.getItems().add(item);
            }
            MenuItem clear = new MenuItem("Clear Recent");
            clear.setDisable(files.recent().files().isEmpty());
            clear.setOnAction(e -> files.recent().clear());
            menu.getItems().addAll(new SeparatorMenuItem(), clear);
        };
        files.recent().files().addListener((ListChangeListener<Path>) change -> fill.run());
        fill.run();
        return menu;
    }

    static Menu examples(FileActions files, List<Path> examples, Supplier<Window> owner) {
        Menu menu = new Menu("Examples");
        menu.setId("examples-menu");
        for (Path example : examples) {
            MenuItem item = new MenuItem(Examples.title(example));
            item.getStyleClass().add("example");
            item.setMnemonicParsing(false);
            item.setOnAction(e -> files.openAsked(example, owner.get()));
            menu.getItems().add(item);
        }
        if (examples.isEmpty()) {
            MenuItem none = new MenuItem("No sample-data folder here");
            none.setDisable(true);
            menu.getItems().add(none);
        }
        return menu;
    }
}
