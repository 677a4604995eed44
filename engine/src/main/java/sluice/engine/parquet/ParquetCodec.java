package sluice.engine.parquet;

import java.util.Locale;
import java.util.Optional;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * The compression codecs of Spark's Parquet writer, under Spark's names ({@code compression}, any case) and in the
 * order Spark lists them, each with parquet-mr's codec. SNAPPY is Spark 4.1's default
 * ({@code spark.sql.parquet.compression.codec}). LZ4 is Hadoop's framed LZ4, which Hadoop 3.3.1 and later compress
 * with lz4-java rather than a native library, so Spark writes it on plain Java as Sluice does. LZO and BROTLI are
 * Spark names whose Hadoop codecs Spark 4.1 does not ship: its write fails looking for the codec's class, so Sluice
 * refuses them before the run and {@link #missingLibrary} says what Spark would need.
 */
public enum ParquetCodec {
    NONE(CompressionCodecName.UNCOMPRESSED, null),
    UNCOMPRESSED(CompressionCodecName.UNCOMPRESSED, null),
    SNAPPY(CompressionCodecName.SNAPPY, null),
    GZIP(CompressionCodecName.GZIP, null),
    LZO(CompressionCodecName.LZO, "hadoop-lzo (com.hadoop.compression.lzo.LzoCodec)"),
    BROTLI(CompressionCodecName.BROTLI, "a Hadoop Brotli codec (org.apache.hadoop.io.compress.BrotliCodec)"),
    LZ4(CompressionCodecName.LZ4, null),
    LZ4_RAW(CompressionCodecName.LZ4_RAW, null),
    ZSTD(CompressionCodecName.ZSTD, null);

    /** Spark 4.1's {@code spark.sql.parquet.compression.codec} default. */
    public static final ParquetCodec DEFAULT = SNAPPY;

    private final CompressionCodecName codec;
    private final String missingLibrary;

    ParquetCodec(CompressionCodecName codec, String missingLibrary) {
        this.codec = codec;
        this.missingLibrary = missingLibrary;
    }

    /** The codec Spark names {@code name}, in any case; empty for a name Spark does not know. */
    public static Optional<ParquetCodec> parse(String name) {
        for (ParquetCodec codec : values()) {
            if (codec.name().equalsIgnoreCase(name.trim())) {
                return Optional.of(codec);
            }
        }
        return Optional.empty();
    }

    /** Whether Sluice (and Spark without extra jars) can write with it. */
    public boolean isAvailable() {
        return missingLibrary == null;
    }

    /** The codec library Spark would need for an unavailable codec, for messages; empty for an available one. */
    public Optional<String> missingLibrary() {
        return Optional.ofNullable(missingLibrary);
    }

    /** Spark's names of the codecs Sluice writes, in Spark's order, for messages and the option's description. */
    public static String availableNames() {
        StringBuilder names = new StringBuilder();
        for (ParquetCodec codec : values()) {
            if (codec.isAvailable()) {
                names.append(names.length() == 0 ? "" : ", ").append(codec.sparkName());
            }
        }
        return names.toString();
    }

    /** The name as Spark spells it: {@code lz4_raw}. */
    public String sparkName() {
        return name().toLowerCase(Locale.ROOT);
    }

    CompressionCodecName codec() {
        return codec;
    }

    /**
     * What Spark puts before {@code .parquet} in a part file's name, parquet-mr's extension for the codec:
     * {@code .gz}, {@code .lz4hadoop} for Hadoop's LZ4, {@code .lz4raw}, or nothing without compression.
     */
    public String extension() {
        return codec.getExtension();
    }
}
