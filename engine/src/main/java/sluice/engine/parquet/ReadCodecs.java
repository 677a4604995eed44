package sluice.engine.parquet;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.bytes.ByteBufferReleaser;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.conf.HadoopParquetConfiguration;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopCodecs;
import org.xerial.snappy.Snappy;

/**
 * The codecs a Parquet read decompresses pages with. Snappy, Spark's default, is snappy-java's own call from the page's
 * array into a new one: parquet's codec factory reaches the same library through Hadoop's codec pool and a
 * decompressor stream, some 150 classes (Hadoop's configuration, its shaded Guava cache) loaded by every process's
 * first read, and a copy of each page. Uncompressed pages pass as they are. Every other codec is parquet's factory's,
 * over an empty Hadoop configuration, made only when a file uses one. One per file reader; not thread-safe.
 */
final class ReadCodecs implements CompressionCodecFactory {
    private CompressionCodecFactory parquets;

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
        return switch (codec) {
            case SNAPPY -> SNAPPY;
            case UNCOMPRESSED -> UNCOMPRESSED;
            default -> parquets().getDecompressor(codec);
        };
    }

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
        return parquets().getCompressor(codec);
    }

    private CompressionCodecFactory parquets() {
        if (parquets == null) {
            parquets = HadoopCodecs.newFactory(new HadoopParquetConfiguration(new Configuration(false)), 0);
        }
        return parquets;
    }

    @Override
    public void release() {
        if (parquets != null) {
            parquets.release();
            parquets = null;
        }
    }

    private static final BytesInputDecompressor SNAPPY = new BytesInputDecompressor() {
        @Override
        public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
            byte[] out = new byte[uncompressedSize];
            int length;
            // Heap buffers need no release: the bytes stay valid after their releaser is closed.
            try (ByteBufferReleaser releaser = new ByteBufferReleaser(HeapByteBufferAllocator.getInstance())) {
                ByteBuffer in = bytes.toByteBuffer(releaser);
                if (in.hasArray()) {
                    length = Snappy.uncompress(in.array(), in.arrayOffset() + in.position(), in.remaining(), out, 0);
                } else {
                    byte[] compressed = new byte[in.remaining()];
                    in.duplicate().get(compressed);
                    length = Snappy.uncompress(compressed, 0, compressed.length, out, 0);
                }
            }
            if (length != uncompressedSize) {
                throw new IOException("a snappy page holds " + length + " bytes, not the " + uncompressedSize
                        + " its header says");
            }
            return BytesInput.from(out);
        }

        @Override
        public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize)
                throws IOException {
            byte[] compressed = new byte[compressedSize];
            input.duplicate().get(compressed);
            byte[] out = new byte[uncompressedSize];
            int length = Snappy.uncompress(compressed, 0, compressedSize, out, 0);
            if (length != uncompressedSize) {
                throw new IOException("a snappy page holds " + length + " bytes, not the " + uncompressedSize
                        + " its header says");
            }
            output.put(out);
        }

        @Override
        public void release() {
        }
    };

    private static final BytesInputDecompressor UNCOMPRESSED = new BytesInputDecompressor() {
        @Override
        public BytesInput decompress(BytesInput bytes, int uncompressedSize) {
            return bytes;
        }

        @Override
        public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize) {
            ByteBuffer slice = input.duplicate();
            slice.limit(slice.position() + compressedSize);
            output.put(slice);
        }

        @Override
        public void release() {
        }
    };
}
