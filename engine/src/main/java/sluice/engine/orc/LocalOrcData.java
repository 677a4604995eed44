package sluice.engine.orc;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.orc.CompressionCodec;
import org.apache.orc.CompressionKind;
import org.apache.orc.DataReader;
import org.apache.orc.OrcProto;
import org.apache.orc.StripeInformation;
import org.apache.orc.impl.BufferChunk;
import org.apache.orc.impl.BufferChunkList;
import org.apache.orc.impl.InStream;
import org.apache.orc.impl.OrcCodecPool;
import org.apache.orc.impl.OrcTail;
import org.apache.orc.impl.ReaderImpl;

/**
 * ORC's stripe reads from a local file through a {@link FileChannel}, without Hadoop's file system: the first use of
 * Hadoop's {@code FileSystem} parses Hadoop's default XML configuration (its static file system cache is built over
 * one), and its local input stream's I/O statistics parse it again and start a shell to probe for {@code setsid}; in
 * a one-batch process that was a sixth of the time. ORC's reader takes the file's tail ({@link #tail}) and this
 * reader instead. Not thread-safe: each record reader has its own (ORC clones it).
 */
final class LocalOrcData implements DataReader {
    /** What is read from the end of a file first: the tail of a file of a few columns fits. */
    private static final int TAIL_GUESS = 16 * 1024;
    /** Neighbouring ranges closer than this are read in one go (the bytes between are skipped columns). */
    private static final long MERGE_GAP = 64 * 1024;

    private final Path file;
    private final CompressionKind kind;
    private final int bufferSize;
    private FileChannel channel;
    private CompressionCodec codec;
    private InStream.StreamOptions compression;

    LocalOrcData(Path file, CompressionKind kind, int bufferSize) {
        this.file = file;
        this.kind = kind;
        this.bufferSize = bufferSize;
    }

    /**
     * The tail of {@code file} (postscript, footer and metadata) read as ORC's own reader reads it, or null when the
     * file is empty (ORC reads an empty file as one without rows, which its own path handles).
     */
    static OrcTail tail(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long length = channel.size();
            if (length == 0) {
                return null;
            }
            int guess = (int) Math.min(length, TAIL_GUESS);
            ByteBuffer end = read(channel, length - guess, guess);
            int postScriptLength = end.get(guess - 1) & 0xff;
            if (postScriptLength + 1 > guess) {
                throw new IOException("the file is too short for its postscript");
            }
            byte[] postScriptBytes = new byte[postScriptLength];
            end.get(guess - 1 - postScriptLength, postScriptBytes);
            OrcProto.PostScript postScript = OrcProto.PostScript.parseFrom(postScriptBytes);
            if (!"ORC".equals(postScript.getMagic())) {
                throw new IOException("no ORC magic in the postscript");
            }
            long tailLength = 1L + postScriptLength + postScript.getFooterLength() + postScript.getMetadataLength();
            if (tailLength > length) {
                throw new IOException("its tail is longer than the file");
            }
            ByteBuffer tail = tailLength <= guess ? end.slice(guess - (int) tailLength, (int) tailLength)
                    : read(channel, length - tailLength, (int) tailLength);
            // As ORC's ReaderImpl.extractFileTail, whose check of the magic loads Hadoop's Text, which builds a
            // default configuration (the XML parsing this class avoids).
            CompressionKind kind = CompressionKind.valueOf(postScript.getCompression().name());
            int footerLength = (int) postScript.getFooterLength();
            CompressionCodec codec = OrcCodecPool.getCodec(kind);
            OrcProto.Footer footer;
            try {
                InStream.StreamOptions options = InStream.options().withCodec(codec)
                        .withBufferSize(ReaderImpl.getCompressionBlockSize(postScript));
                footer = OrcProto.Footer.parseFrom(InStream.createCodedInputStream(InStream.create("footer",
                        new BufferChunk(tail, 0), tailLength - 1 - postScriptLength - footerLength, footerLength,
                        options)));
            } finally {
                if (codec != null) {
                    OrcCodecPool.returnCodec(kind, codec);
                }
            }
            OrcProto.FileTail fileTail = OrcProto.FileTail.newBuilder().setFileLength(length)
                    .setPostscriptLength(postScriptLength).setPostscript(postScript).setFooter(footer).build();
            return new OrcTail(fileTail, new BufferChunk(tail.slice(), 0), -1);
        }
    }

    private static ByteBuffer read(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new EOFException("the file ends before byte " + (position + length));
            }
        }
        return buffer.flip();
    }

    @Override
    public void open() throws IOException {
        if (channel == null) {
            channel = FileChannel.open(file, StandardOpenOption.READ);
        }
    }

    @Override
    public OrcProto.StripeFooter readStripeFooter(StripeInformation stripe) throws IOException {
        open();
        long offset = stripe.getOffset() + stripe.getIndexLength() + stripe.getDataLength();
        int length = (int) stripe.getFooterLength();
        ByteBuffer footer = read(channel, offset, length);
        return OrcProto.StripeFooter.parseFrom(InStream.createCodedInputStream(
                InStream.create("footer", new BufferChunk(footer, 0), 0, length, getCompressionOptions())));
    }

    /** Reads every range without data; ranges close together in one read, each given its slice. */
    @Override
    public BufferChunkList readFileData(BufferChunkList range, boolean doForceDirect) throws IOException {
        open();
        BufferChunk chunk = range.get();
        while (chunk != null) {
            if (chunk.hasData()) {
                chunk = (BufferChunk) chunk.next;
                continue;
            }
            BufferChunk last = chunk;
            long end = chunk.getEnd();
            while (last.next instanceof BufferChunk next && !next.hasData() && next.getOffset() >= chunk.getOffset()
                    && next.getOffset() - end <= MERGE_GAP && next.getEnd() - chunk.getOffset() <= Integer.MAX_VALUE) {
                last = next;
                end = Math.max(end, next.getEnd());
            }
            ByteBuffer bytes = read(channel, chunk.getOffset(), (int) (end - chunk.getOffset()));
            if (doForceDirect) {
                bytes = ByteBuffer.allocateDirect(bytes.remaining()).put(bytes).flip();
            }
            for (BufferChunk each = chunk; ; each = (BufferChunk) each.next) {
                each.setChunk(bytes.slice((int) (each.getOffset() - chunk.getOffset()), each.getLength()));
                if (each == last) {
                    break;
                }
            }
            chunk = (BufferChunk) last.next;
        }
        return range;
    }

    @Override
    public boolean isTrackingDiskRanges() {
        return false;
    }

    @Override
    public void releaseBuffer(ByteBuffer buffer) {
        // Heap buffers: the garbage collector takes them.
    }

    @Override
    public void releaseAllBuffers() {
        // As releaseBuffer.
    }

    @Override
    public DataReader clone() {
        return new LocalOrcData(file, kind, bufferSize);
    }

    @Override
    public void close() throws IOException {
        if (codec != null) {
            OrcCodecPool.returnCodec(kind, codec);
            codec = null;
        }
        if (channel != null) {
            channel.close();
            channel = null;
        }
    }

    @Override
    public InStream.StreamOptions getCompressionOptions() {
        if (compression == null) {
            codec = OrcCodecPool.getCodec(kind);
            compression = InStream.options().withCodec(codec).withBufferSize(bufferSize);
        }
        return compression;
    }
}
