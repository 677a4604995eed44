/**
 * The workbench's window: {@link sluice.app.Launcher} starts it, {@link sluice.app.WorkbenchApp} reads the command
 * line and {@link sluice.app.Workbench} lays out the panels and wires them to the document, the selection, the live
 * validation and the run session. Everything here runs on the JavaFX application thread.
 */
package sluice.app;
