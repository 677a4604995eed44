/**
 * The pipeline as the user wrote it: {@link sluice.engine.pipeline.PipelineSpec} of
 * {@link sluice.engine.pipeline.NodeSpec}s with their option values, the {@link sluice.engine.pipeline.Trigger},
 * the declarations of node kinds and options ({@link sluice.engine.pipeline.NodeKind},
 * {@link sluice.engine.pipeline.OptionSpec}), and the {@code sluice/1} JSON format ({@link
 * sluice.engine.pipeline.PipelineJson}). Made by the JSON reader or the workbench's edits; read by the planner.
 * Immutable records, any thread.
 */
package sluice.engine.pipeline;
