package sluice.engine.cli;

/** The command line's exit codes. */
final class ExitCode {
    static final int OK = 0;
    static final int STREAM_FAILED = 1;
    static final int INVALID_PIPELINE = 2;
    static final int INTERNAL_ERROR = 70;

    private ExitCode() {
    }
}
