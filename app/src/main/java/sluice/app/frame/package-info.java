/**
 * The window's frame: its static layout and dialogs as FXML files of {@code ui-resources} (main window, About,
 * Export, unsaved changes), one small controller per file made by a controller factory that hands it what it
 * needs, and the window layout remembered between launches. FX thread only.
 */
package sluice.app.frame;
