/**
 * The command line ({@code sluice run|validate|export|nodes}): parses and checks arguments with picocli, loads and
 * plans the pipeline, runs it with console sinks on standard output, prints problems and mistakes one line each (user
 * text escaped) and maps outcomes to exit codes (0 ok, 1 stream or output failed, 2 invalid pipeline or command line,
 * 70 internal error). Runs on the main thread; for {@code run} it first starts the class warm-ups the pipeline file
 * asks for ({@link sluice.engine.cli.WarmUps}), on threads of their own.
 */
package sluice.engine.cli;
