/**
 * The command line ({@code sluice run|validate|export}): parses arguments with picocli, loads and plans the pipeline,
 * runs it with console sinks on standard output, prints problems one per line and maps outcomes to exit codes
 * (0 ok, 1 stream failed, 2 invalid pipeline, 70 internal error). Runs on the main thread.
 */
package sluice.engine.cli;
