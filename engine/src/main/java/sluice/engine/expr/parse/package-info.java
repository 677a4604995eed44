/**
 * Parses tokens into the untyped {@link sluice.engine.expr.parse.Ast} of an expression, and into data types.
 * {@link sluice.engine.expr.parse.Parser} and {@link sluice.engine.expr.parse.TypeParser} are made per text and
 * thrown away; the AST records they produce are immutable and go to the analyzer.
 */
package sluice.engine.expr.parse;
