package sluice.engine.expr.functions;

import java.util.List;

/** Spark's misc_funcs that make sense in Sluice. */
final class MiscDocs {
    private MiscDocs() {
    }

    static List<SqlFunction> all() {
        return new Docs(FunctionGroup.MISC)
                .add("typeof", "typeof(expr)", "The type of expr in Spark's short form", "typeof(1.5)", "decimal(2,1)")
                .add("version", "version()", "The Spark version Sluice follows, and 'sluice' in place of Spark's build",
                        "split_part(version(), ' ', 1)", "4.1.1")
                .add("current_database current_schema", "current_database()",
                        "The current database: always 'default' in Sluice", "current_database()", "default")
                .add("current_catalog", "current_catalog()", "The current catalog: always 'spark_catalog' in Sluice",
                        "current_catalog()", "spark_catalog")
                .add("current_user user session_user", "current_user()",
                        "The user running the query (SPARK_USER, else the system's user name)",
                        "current_user() IS NOT NULL", "true")
                .add("assert_true", "assert_true(expr[, message])",
                        "NULL when expr is true; otherwise the query stops with message", "assert_true(1 < 2)", "NULL")
                .add("raise_error", "raise_error(message)", "Stops the query with message",
                        "if(1 < 2, 'fine', raise_error('no'))", "fine")
                .add("spark_partition_id", "spark_partition_id()",
                        "The index of the partition (task) the row is computed in", "spark_partition_id()", "0")
                .add("input_file_name", "input_file_name()",
                        "The file the row was read from, as a URI (file:///...), by source.file; the empty string "
                        + "for a row of another source or after an aggregation or a join",
                        "input_file_name() = ''", "true")
                .add("input_file_block_start", "input_file_block_start()",
                        "Where in its file the block (split) the row was read from starts, in bytes; -1 where "
                        + "input_file_name() is empty", "input_file_block_start()", "-1")
                .add("input_file_block_length", "input_file_block_length()",
                        "How long the block (split) the row was read from is, in bytes; -1 where input_file_name() "
                        + "is empty", "input_file_block_length()", "-1")
                .add("bitmap_bucket_number", "bitmap_bucket_number(child)",
                        "The bucket of a value in Spark's bitmaps of 32768 bits", "bitmap_bucket_number(32769)", "2")
                .add("bitmap_bit_position", "bitmap_bit_position(child)",
                        "The bit of a value within its bucket in Spark's bitmaps", "bitmap_bit_position(32769)", "0")
                .add("bitmap_count", "bitmap_count(child)", "How many bits are set in a bitmap (a binary value)",
                        "bitmap_count(X'1F01')", "6")
                .add("aes_encrypt", "aes_encrypt(expr, key[, mode[, padding[, iv[, aad]]]])",
                        "expr encrypted with AES: mode GCM (the default), CBC or ECB; a random IV unless given, "
                                + "written before the cipher text",
                        "base64(aes_encrypt('Sluice', '0000111122223333', 'ECB'))", "6D3OCn1VYE0/1o4Btjq1xA==")
                .add("aes_decrypt", "aes_decrypt(expr, key[, mode[, padding[, aad]]])",
                        "aes_encrypt undone; a wrong key or damaged input is an error",
                        "cast(aes_decrypt(aes_encrypt('Sluice', '0000111122223333'), '0000111122223333') AS STRING)",
                        "Sluice")
                .add("try_aes_decrypt", "try_aes_decrypt(expr, key[, mode[, padding[, aad]]])",
                        "aes_decrypt, or NULL where it fails", "try_aes_decrypt(X'00', '0000111122223333')", "NULL")
                .add("uuid", "uuid()", "A random version 4 UUID", "length(uuid())", "36")
                .functions();
    }
}
