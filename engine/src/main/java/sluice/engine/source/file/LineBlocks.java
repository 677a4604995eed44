package sluice.engine.source.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Mutable, owned by the thread reading one split: the lines of a {@link FileSplit}, assigned to splits as Hadoop's
 * {@code LineRecordReader} assigns them (Spark reads csv, json and text lines through it). A line ends at {@code \n},
 * {@code \r} or {@code \r\n}. A split that does not start at 0 skips everything up to the first line end at or after
 * its start (that line belongs to the split before), and a split reads on past its end to finish the line that
 * starts at or before its end; so each line is read by exactly one split, and the splits of a file together read the
 * lines of the whole file. A UTF-8 byte order mark at the start of the file is skipped, as Hadoop does.
 *
 * <p>The lines come in blocks of whole lines of about {@link #BLOCK_BYTES} (more when one line is longer), so what a
 * reader holds does not grow with the file. {@link #next()} moves to the next block; {@link #bytes()} holds it in
 * {@code [0, length())}, valid until the next call.
 */
public final class LineBlocks implements AutoCloseable {
    static final int BLOCK_BYTES = 1 << 16;
    private static final int COUNT_BYTES = 1 << 16;
    private static final int MIN_BUFFER_BYTES = 8192;

    private final FileChannel channel;
    private final long splitEnd;
    private byte[] buffer;
    /** The file position of {@code buffer[0]}, which is where the current block starts. */
    private long bufferPosition;
    private int filled;
    private int blockLength;
    private boolean endOfFile;
    /** No block follows the current one. */
    private boolean finished;
    /** The lines in the file before {@code countedTo}, counted when a message first needs a line number. */
    private long countedTo;
    private long linesCounted;

    private LineBlocks(FileChannel channel, FileSplit split, int blockBytes) {
        this.channel = channel;
        this.splitEnd = split.end();
        // A small split needs no block-sized buffer; the buffer grows when a line is longer.
        this.buffer = new byte[(int) Math.min(blockBytes, Math.max(MIN_BUFFER_BYTES, split.length() + 2))];
        this.bufferPosition = split.start();
    }

    /** Opens {@code split} and skips to its first line; close it after use. */
    public static LineBlocks open(FileSplit split) throws IOException {
        return open(split, BLOCK_BYTES);
    }

    /** With blocks of about {@code blockBytes} (at least 2), so tests can put block ends anywhere. */
    static LineBlocks open(FileSplit split, int blockBytes) throws IOException {
        if (blockBytes < 2) {
            throw new IllegalArgumentException("blockBytes < 2");
        }
        FileChannel channel = FileChannel.open(split.file(), StandardOpenOption.READ);
        try {
            LineBlocks blocks = new LineBlocks(channel, split, blockBytes);
            blocks.skipToFirstLine(split.start() == 0);
            return blocks;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private void skipToFirstLine(boolean fileStart) throws IOException {
        fill();
        if (fileStart) {
            // The first line starts at 0 even with a mark in front of it, so it belongs to this split.
            if (filled >= 3 && (buffer[0] & 0xff) == 0xef && (buffer[1] & 0xff) == 0xbb && (buffer[2] & 0xff) == 0xbf) {
                drop(3);
            }
            return;
        }
        // The line this split starts in (or at) belongs to the split before: skip to its end.
        while (true) {
            int lineEnd = lineEndAt(0);
            if (lineEnd >= 0) {
                drop(lineEnd);
                break;
            }
            // Keep the last byte: a \r there ends the line whether or not a \n follows.
            drop(filled - 1);
            fill();
        }
        finished = bufferPosition > splitEnd;
    }

    /** Moves to the next block of lines; false when the split has no more lines. */
    public boolean next() throws IOException {
        drop(blockLength);
        blockLength = 0;
        while (!finished) {
            long endIndex = splitEnd - bufferPosition;
            if (endIndex < filled || endOfFile) {
                // The split ends in what is buffered (or in a skipped byte order mark): the block runs to the end of
                // the line at the split's end.
                int cut = lineEndAt((int) Math.max(0, Math.min(endIndex, filled)));
                if (cut >= 0) {
                    blockLength = cut;
                    finished = true;
                    return cut > 0;
                }
            } else if (filled == buffer.length) {
                int cut = lastLineEnd();
                if (cut > 0) {
                    blockLength = cut;
                    return true;
                }
            }
            if (filled == buffer.length) {
                // One line longer than the buffer: it grows to hold it.
                buffer = Arrays.copyOf(buffer, buffer.length * 2);
            }
            fill();
        }
        return false;
    }

    /** The current block, in {@code [0, length())}. */
    public byte[] bytes() {
        return buffer;
    }

    public int length() {
        return blockLength;
    }

    /**
     * The 1-based line number in the file of line {@code lineInBlock} (1-based) of the current block. The first call
     * after a move counts the lines before the block, reading the file up to it: messages need it, rows do not.
     */
    public long fileLine(long lineInBlock) {
        try {
            countLinesTo(bufferPosition);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return linesCounted + lineInBlock;
    }

    /**
     * The end of the line that starts at {@code from} in {@code bytes}: the index of its {@code \r} or {@code \n},
     * or {@code to} when the line has no end before it.
     */
    public static int lineEnd(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            if (b == '\n' || b == '\r') {
                return i;
            }
        }
        return to;
    }

    /** Where the next line starts after a line that ends at {@code end} (see {@link #lineEnd}). */
    public static int nextLineStart(byte[] bytes, int end, int to) {
        return end + 1 < to && bytes[end] == '\r' && bytes[end + 1] == '\n' ? end + 2 : end + 1;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    /** Reads until the buffer is full or the file ends. */
    private void fill() throws IOException {
        while (filled < buffer.length && !endOfFile) {
            int read = channel.read(ByteBuffer.wrap(buffer, filled, buffer.length - filled), bufferPosition + filled);
            if (read < 0) {
                endOfFile = true;
            } else {
                filled += read;
            }
        }
    }

    private void drop(int count) {
        System.arraycopy(buffer, count, buffer, 0, filled - count);
        filled -= count;
        bufferPosition += count;
    }

    /**
     * The index after the first line end at or after {@code from} (after both bytes of {@code \r\n}); {@code filled}
     * when the file ends first; -1 when more bytes must be read to know.
     */
    private int lineEndAt(int from) {
        for (int i = from; i < filled; i++) {
            byte b = buffer[i];
            if (b == '\n') {
                return i + 1;
            }
            if (b == '\r') {
                if (i + 1 < filled) {
                    return buffer[i + 1] == '\n' ? i + 2 : i + 1;
                }
                return endOfFile ? i + 1 : -1;
            }
        }
        return endOfFile ? filled : -1;
    }

    /** The index after the last line end in the buffer whose end is certain (a last {@code \r} may be {@code \r\n}). */
    private int lastLineEnd() {
        int i = filled - 1;
        if (i >= 0 && buffer[i] == '\r' && !endOfFile) {
            i--;
        }
        for (; i >= 0; i--) {
            if (buffer[i] == '\n' || buffer[i] == '\r') {
                return i + 1;
            }
        }
        return 0;
    }

    /** Counts line ends in {@code [countedTo, position)}: every {@code \r}, and every {@code \n} not after one. */
    private void countLinesTo(long position) throws IOException {
        byte[] chunk = new byte[COUNT_BYTES];
        boolean afterReturn = false;
        while (countedTo < position) {
            int want = (int) Math.min(chunk.length, position - countedTo);
            int read = channel.read(ByteBuffer.wrap(chunk, 0, want), countedTo);
            if (read < 0) {
                break;
            }
            for (int i = 0; i < read; i++) {
                byte b = chunk[i];
                if (b == '\r' || b == '\n' && !afterReturn) {
                    linesCounted++;
                }
                afterReturn = b == '\r';
            }
            countedTo += read;
        }
    }
}
