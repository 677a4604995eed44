/**
 * The function registry: every SQL function Sluice has, described once (names, Spark's group, signatures, a
 * one-line description and a checked example), and the reason for each Spark function it does not have. Built once
 * by {@link sluice.engine.expr.functions.FunctionRegistry#standard()}; read by the analyzer (which names exist), the
 * workbench's completion and the generated README reference. Immutable; any thread.
 */
package sluice.engine.expr.functions;
