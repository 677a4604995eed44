package sluice.app.frame;

/** What the window's menus and run toolbar do: the workbench's actions, called on the FX thread. */
public interface WindowCommands {
    void newPipeline();

    void open();

    void save();

    void saveAs();

    void exportToSpark();

    void quit();

    void undo();

    void redo();

    void copy();

    void paste();

    void duplicate();

    void delete();

    void selectAll();

    void fitToView();

    /** Runs, or resumes a paused run. */
    void run();

    void preview();

    void pause();

    void step();

    void stop();

    void about();
}
