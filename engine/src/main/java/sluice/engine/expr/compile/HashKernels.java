package sluice.engine.expr.compile;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32;
import sluice.engine.expr.analyze.Typed;
import sluice.engine.types.Bytes;
import sluice.engine.types.DataType;

/** The hash functions: digests in lower-case hex, CRC-32, and Spark's seeded hashes. Stateless. */
final class HashKernels {
    // A MessageDigest is not thread-safe and costs more to look up than to run on a short value: one per thread.
    private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(() -> digester("MD5"));
    private static final ThreadLocal<MessageDigest> SHA1 = ThreadLocal.withInitial(() -> digester("SHA-1"));

    private HashKernels() {
    }

    /** The kernel for {@code call}, or null when it is no hash function. */
    static Kernel of(Typed.Call call) {
        List<DataType> types = call.args().stream().map(Typed::type).toList();
        return switch (call.function()) {
            case "md5" -> (a, e) -> hex(MD5.get().digest(((Bytes) a[0]).toArray()));
            case "sha1" -> (a, e) -> hex(SHA1.get().digest(((Bytes) a[0]).toArray()));
            case "sha2" -> (a, e) -> sha2((Bytes) a[0], (Long) a[1]);
            case "crc32" -> (a, e) -> {
                CRC32 crc = new CRC32();
                crc.update(((Bytes) a[0]).toArray());
                return crc.getValue();
            };
            case "hash" -> (a, e) -> (long) SeededHashes.murmur3(a, types);
            case "xxhash64" -> (a, e) -> SeededHashes.xxHash64(a, types);
            default -> null;
        };
    }

    // Spark's sha2 is null for a bit length it does not know; 0 means 256.
    private static String sha2(Bytes bytes, long bits) {
        String algorithm = switch ((int) bits) {
            case 224 -> "SHA-224";
            case 0, 256 -> "SHA-256";
            case 384 -> "SHA-384";
            case 512 -> "SHA-512";
            default -> null;
        };
        return algorithm == null || bits != (int) bits ? null : digest(algorithm, bytes);
    }

    private static String digest(String algorithm, Bytes bytes) {
        return hex(digester(algorithm).digest(bytes.toArray()));
    }

    private static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }

    private static MessageDigest digester(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has " + algorithm, e);
        }
    }
}
