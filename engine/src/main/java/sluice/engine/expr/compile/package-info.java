/**
 * Turns a {@link sluice.engine.expr.analyze.Typed} tree into a tree of {@link sluice.engine.expr.compile.Evaluator}s
 * that compute a whole batch column per call, in loops over primitive arrays with null bitmaps. Made once per
 * expression by {@link sluice.engine.expr.compile.Compiler}; evaluators are immutable and any thread may run them.
 */
package sluice.engine.expr.compile;
