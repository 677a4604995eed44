/**
 * Binds an {@link sluice.engine.expr.parse.Ast} to an input schema: resolves column names, checks and coerces types
 * as Spark 4 does in ANSI mode, and names the result as Spark would. The {@link sluice.engine.expr.analyze.Analyzer}
 * is made per expression; its output, the immutable {@link sluice.engine.expr.analyze.Typed} tree, goes to the
 * compiler.
 */
package sluice.engine.expr.analyze;
