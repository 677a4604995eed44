/**
 * What the user did wrong and where: {@link sluice.engine.diag.Problem} with its
 * {@link sluice.engine.diag.Position} (node, option, line, column) and {@link sluice.engine.diag.ErrorCode}.
 * Made by every layer of the engine, rendered by the command line and the workbench. Immutable, any thread.
 */
package sluice.engine.diag;
