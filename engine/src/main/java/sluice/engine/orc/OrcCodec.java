package sluice.engine.orc;

import java.util.Locale;
import java.util.Optional;
import org.apache.orc.CompressionKind;

/**
 * The compression codecs of Spark's ORC writer, under Spark's names ({@code compression}, lower or upper case) and in
 * the order Spark lists them, with the part of the file name Spark gives each ({@code part-...c000.zstd.orc}). ZSTD is
 * Spark 4.1's default ({@code spark.sql.orc.compression.codec}). LZO, like LZ4, is ORC's pure-Java codec from
 * aircompressor. BROTLI is a Spark name whose library, brotli4j (native code per platform), Spark 4.1 leaves out: its
 * write fails without it, so Sluice refuses it before the run and {@link #missingLibrary} says what Spark would need.
 */
public enum OrcCodec {
    NONE(CompressionKind.NONE, "", null),
    UNCOMPRESSED(CompressionKind.NONE, "", null),
    ZLIB(CompressionKind.ZLIB, ".zlib", null),
    SNAPPY(CompressionKind.SNAPPY, ".snappy", null),
    LZO(CompressionKind.LZO, ".lzo", null),
    LZ4(CompressionKind.LZ4, ".lz4", null),
    ZSTD(CompressionKind.ZSTD, ".zstd", null),
    BROTLI(CompressionKind.BROTLI, ".brotli", "brotli4j (native code per platform)");

    /** Spark 4.1's {@code spark.sql.orc.compression.codec} default. */
    public static final OrcCodec DEFAULT = ZSTD;

    private final CompressionKind kind;
    private final String extension;
    private final String missingLibrary;

    OrcCodec(CompressionKind kind, String extension, String missingLibrary) {
        this.kind = kind;
        this.extension = extension;
        this.missingLibrary = missingLibrary;
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
