/**
 * The expression engine's front door: {@link sluice.engine.expr.ExpressionCompiler} turns Spark SQL expression text
 * into a {@link sluice.engine.expr.CompiledExpression} evaluated a batch at a time, and
 * {@link sluice.engine.expr.SchemaParser} reads DDL schemas. Used by the pipeline planner and the operators;
 * compiled expressions are immutable and may be evaluated by any thread.
 */
package sluice.engine.expr;
