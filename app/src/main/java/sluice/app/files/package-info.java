/**
 * Files: New, Open, Save, Save As of {@code *.sluice.json}, recent files, the Examples menu, the unsaved-changes
 * prompt, and Export to Spark. Errors while reading, saving or exporting go to the problems panel. FX thread only,
 * except {@link sluice.app.files.SparkExport}, which the export runs on its own thread.
 */
package sluice.app.files;
