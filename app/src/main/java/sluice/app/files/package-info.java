/**
 * Files: New, Open, Save, Save As of {@code *.sluice.json}, recent files, the Examples menu, and the unsaved-changes
 * prompt. Errors while reading a file go to the problems panel. FX thread only.
 */
package sluice.app.files;
