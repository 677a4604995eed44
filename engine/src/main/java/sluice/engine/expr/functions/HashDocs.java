package sluice.engine.expr.functions;

import java.util.List;

/** The hash functions (Spark's hash_funcs). */
final class HashDocs {
    private HashDocs() {
    }

    static List<SqlFunction> all() {
        return new Docs(FunctionGroup.HASH)
                .add("md5", "md5(expr)", "The MD5 digest of a binary value (a string's UTF-8 bytes) in 32 hex digits",
                        "md5('abc')", "900150983cd24fb0d6963f7d28e17f72")
                .add("sha1 sha", "sha1(expr)", "The SHA-1 digest of a binary value in 40 hex digits", "sha1('abc')",
                        "a9993e364706816aba3e25717850c26c9cd0d89d")
                .add("sha2", "sha2(expr, bitLength)",
                        "The SHA-2 digest in hex, of 224, 256 (also for 0), 384 or 512 bits; NULL for other lengths",
                        "sha2('abc', 224)", "23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7")
                .add("crc32", "crc32(expr)", "The CRC-32 checksum of a binary value, as a BIGINT", "crc32('abc')",
                        "891568578")
                .add("hash", "hash(expr1, expr2, ...)",
                        "Spark's 32-bit Murmur3 hash of the values (seed 42), the same as Spark computes",
                        "hash('abc', 1)", "945627151")
                .add("xxhash64", "xxhash64(expr1, expr2, ...)",
                        "Spark's 64-bit xxHash of the values (seed 42), the same as Spark computes", "xxhash64('abc')",
                        "1423657621850124518")
                .functions();
    }
}
