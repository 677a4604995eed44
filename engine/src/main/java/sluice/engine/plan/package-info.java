/**
 * From a {@link sluice.engine.pipeline.PipelineSpec} to a runnable {@link sluice.engine.plan.QueryPlan}: the
 * {@link sluice.engine.plan.NodeCatalog} of node types (declaration plus factory), typed option access through
 * {@link sluice.engine.plan.NodeContext}, graph checks, schema resolution and expression compilation. Every problem
 * is collected, none thrown. Runs on the caller's thread; its products are immutable.
 */
package sluice.engine.plan;
