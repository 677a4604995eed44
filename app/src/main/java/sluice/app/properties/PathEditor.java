package sluice.app.properties;

import java.io.File;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import sluice.engine.pipeline.OptionSpec;
import sluice.engine.pipeline.OptionValue;

/** FX thread only. A file or folder path: a text field and a button that opens a folder or file chooser. */
final class PathEditor implements OptionEditor {
    private final TextField field = new TextField();
    private final HBox view;
    private final TextCommit commit;

    PathEditor(OptionSpec option, Consumer<OptionValue> onCommit) {
        field.setId("option-" + option.name());
        field.setPromptText(OptionEditor.prompt(option));
        field.setTooltip(new Tooltip(option.description()));
        commit = new TextCommit(field, text -> onCommit.accept(text == null ? null : OptionValue.of(text)));
        MenuItem folder = new MenuItem("Choose Folder…");
        folder.setOnAction(e -> chooseFolder());
        MenuItem file = new MenuItem("Choose File…");
        file.setOnAction(e -> chooseFile());
        MenuButton browse = new MenuButton("…", null, folder, file);
        browse.getStyleClass().add("path-browse");
        browse.setTooltip(new Tooltip("Choose a folder or file"));
        HBox.setHgrow(field, Priority.ALWAYS);
        view = new HBox(4, field, browse);
    }

    private void chooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Choose folder");
        use(chooser.showDialog(field.getScene().getWindow()));
    }

    private void chooseFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Choose file");
        use(chooser.showOpenDialog(field.getScene().getWindow()));
    }

    /** Commits the chosen path; a cancelled chooser (null) changes nothing. */
    private void use(File chosen) {
        if (chosen != null) {
            field.setText(chosen.getAbsolutePath());
            commit.commitNow();
        }
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public void show(OptionValue value) {
        commit.show(OptionEditor.text(value));
    }

    @Override
    public void focus(int element) {
        field.requestFocus();
        field.selectAll();
    }
}
