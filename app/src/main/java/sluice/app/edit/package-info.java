/**
 * Edits of a pipeline as undoable records ({@link sluice.app.edit.Edit}), each a pure function from one immutable
 * spec to the next with a description for the Undo menu, and the {@link sluice.app.edit.EditHistory} of them.
 * Made by canvas gestures and property editors; the history is owned by the JavaFX application thread.
 */
package sluice.app.edit;
