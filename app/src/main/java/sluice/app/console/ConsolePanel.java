package sluice.app.console;

import javafx.scene.Node;
import javafx.scene.control.TextArea;
import sluice.app.run.FeedListener;

/**
 * FX thread only. Console sink output as the command line prints it, keeping only the newest characters so a long
 * run cannot fill the heap.
 */
public final class ConsolePanel implements FeedListener {
    static final int MAX_CHARS = 200_000;
    private final TextArea view = new TextArea();

    public ConsolePanel() {
        view.setId("console-output");
        view.setEditable(false);
        view.getStyleClass().add("console");
        view.setWrapText(false);
    }

    public Node view() {
        return view;
    }

    @Override
    public void onConsole(String text) {
        view.appendText(text);
        int excess = view.getLength() - MAX_CHARS;
        if (excess > 0) {
            // Cut at a line start, so the first line shown is whole.
            String all = view.getText();
            int cut = all.indexOf('\n', excess);
            view.deleteText(0, cut < 0 ? excess : cut + 1);
        }
    }

    @Override
    public void onReset() {
        view.clear();
    }

    public String text() {
        return view.getText();
    }
}
