package sluice.engine.orc;

import java.util.Locale;
import java.util.Optional;
import org.apache.orc.CompressionKind;

/**
 * The compression codecs of Spark's ORC writer, under Spark's names ({@code compression}, lower or upper case), with
 * the part of the file name Spark gives each ({@code part-...c000.zstd.orc}). ZSTD is Spark 4.1's default
 * ({@code spark.sql.orc.compression.codec}). LZO and BROTLI are Spark names whose codecs need native libraries that
 * Sluice does not ship: {@link #parse} knows them so that the message can say so.
 */
public enum OrcCodec {
    NONE(CompressionKind.NONE, ""),
    UNCOMPRESSED(CompressionKind.NONE, ""),
    SNAPPY(CompressionKind.SNAPPY, ".snappy"),
    ZLIB(CompressionKind.ZLIB, ".zlib"),
    LZ4(CompressionKind.LZ4, ".lz4"),
    ZSTD(CompressionKind.ZSTD, ".zstd"),
    LZO(CompressionKind.LZO, ".lzo"),
    BROTLI(CompressionKind.BROTLI, ".brotli");

    /** Spark 4.1's {@code spark.sql.orc.compression.codec} default. */
    public static final OrcCodec DEFAULT = ZSTD;

    private final CompressionKind kind;
    private final String extension;

    OrcCodec(CompressionKind kind, String extension) {
        this.kind = kind;
        this.extension = extension;
    }

    /** The codec Spark names {@code name}, in any case; empty for a name Spark does not know. */
    public static Optional<OrcCodec> parse(String name) {
        for (OrcCodec codec : values()) {
            if (codec.name().equalsIgnoreCase(name.trim())) {
                return Optional.of(codec);
            }
        }
        return Optional.empty();
    }

    /** Whether Sluice can write with it: LZO and BROTLI need native libraries it does not ship. */
    public boolean isAvailable() {
        return this != LZO && this != BROTLI;
    }

    /** Spark's names of the codecs Sluice writes, for messages. */
    public static String availableNames() {
        StringBuilder names = new StringBuilder();
        for (OrcCodec codec : values()) {
            if (codec.isAvailable()) {
                names.append(names.length() == 0 ? "" : ", ").append(codec.name().toLowerCase(Locale.ROOT));
            }
        }
        return names.toString();
    }

    CompressionKind kind() {
        return kind;
    }

    /** What Spark puts before {@code .orc} in a part file's name: {@code .zstd}, or nothing without compression. */
    public String extension() {
        return extension;
    }
}
