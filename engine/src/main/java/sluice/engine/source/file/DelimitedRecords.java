package sluice.engine.source.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * The records of a whole file split at a separator the user chose ({@code lineSep}), as Hadoop's
 * {@code LineRecordReader} reads them with a custom delimiter: only that exact byte sequence ends a record ({@code \n}
 * and {@code \r} are ordinary bytes then), the text after the last separator is a record unless it is empty, and a
 * UTF-8 byte order mark at the start is skipped. The file is read in blocks, so memory follows the longest record,
 * not the file. Stateless.
 */
public final class DelimitedRecords {
    private static final int BLOCK_BYTES = 1 << 16;

    /** Receives one record: {@code bytes[from, to)}, valid during the call only. */
    @FunctionalInterface
    public interface RecordConsumer {
        void accept(byte[] bytes, int from, int to);
    }

    private DelimitedRecords() {
    }

    /** Hands every record of {@code file}, separated by {@code separator} (not empty), to {@code out} in order. */
    public static void read(Path file, byte[] separator, RecordConsumer out) throws IOException {
        if (separator.length == 0) {
            throw new IllegalArgumentException("empty separator");
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            byte[] buffer = new byte[BLOCK_BYTES];
            int filled = 0;
            boolean first = true;
            boolean endOfFile = false;
            while (!endOfFile) {
                if (filled == buffer.length) {
                    buffer = Arrays.copyOf(buffer, buffer.length * 2);
                }
                int read = channel.read(ByteBuffer.wrap(buffer, filled, buffer.length - filled));
                if (read < 0) {
                    endOfFile = true;
                } else {
                    filled += read;
                }
                int start = 0;
                if (first && (filled >= 3 || endOfFile)) {
                    first = false;
                    if (filled >= 3 && (buffer[0] & 0xff) == 0xef && (buffer[1] & 0xff) == 0xbb
                            && (buffer[2] & 0xff) == 0xbf) {
                        start = 3;
                    }
                } else if (first) {
                    continue;
                }
                int at = indexOf(buffer, separator, start, filled);
                while (at >= 0) {
                    out.accept(buffer, start, at);
                    start = at + separator.length;
                    at = indexOf(buffer, separator, start, filled);
                }
                if (endOfFile && start < filled) {
                    out.accept(buffer, start, filled);
                    start = filled;
                }
                System.arraycopy(buffer, start, buffer, 0, filled - start);
                filled -= start;
            }
        }
    }

    private static int indexOf(byte[] bytes, byte[] separator, int from, int to) {
        outer:
        for (int i = from; i <= to - separator.length; i++) {
            for (int j = 0; j < separator.length; j++) {
                if (bytes[i + j] != separator[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
