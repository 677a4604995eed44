/**
 * The open pipeline: {@link sluice.app.document.PipelineDocument} (the current spec, its file, whether it is saved,
 * its edit history) and the {@link sluice.app.document.Selection} that every panel shares. Owned by the JavaFX
 * application thread; panels observe their properties.
 */
package sluice.app.document;
