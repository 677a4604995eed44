/**
 * Export of a pipeline as a Spark script ({@code sluice export}): {@link sluice.engine.export.ScriptExporter}
 * translates a checked {@link sluice.engine.plan.QueryPlan} into a {@link sluice.engine.export.SparkProgram} (the
 * Spark calls of every node, in topological order, language-neutral), which {@link
 * sluice.engine.export.PySparkScript} or {@link sluice.engine.export.ScalaScript} render as readable, commented
 * source text. User text (expressions, paths, option values) only ever reaches a script as an escaped string
 * literal or a cleaned one-line comment. Immutable values, any thread; nothing here runs Spark.
 */
package sluice.engine.export;
