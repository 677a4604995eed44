package sluice.engine.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;

/**
 * Standard output as the commands and the console sinks write it: remembers why a write failed (a full disk, a closed
 * pipe), because the PrintStream and PrintWriter on top of it keep only a flag and carry on. The command line checks it
 * before it exits, so output that was lost is an error and not exit code 0. Any thread.
 */
final class StandardOutput extends FilterOutputStream {
    private volatile IOException failure;

    StandardOutput(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        try {
            out.write(b);
        } catch (IOException e) {
            throw remember(e);
        }
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        try {
            out.write(bytes, offset, length);
        } catch (IOException e) {
            throw remember(e);
        }
    }

    @Override
    public void flush() throws IOException {
        try {
            out.flush();
        } catch (IOException e) {
            throw remember(e);
        }
    }

    private IOException remember(IOException e) {
        if (failure == null) {
            failure = e;
        }
        return e;
    }

    /** "cannot write to standard output: No space left on device" once a write has failed. */
    Optional<String> failureMessage() {
        IOException first = failure;
        if (first == null) {
            return Optional.empty();
        }
        String reason = first.getMessage() == null ? "the output was closed" : first.getMessage();
        return Optional.of("cannot write to standard output: " + reason);
    }
}
