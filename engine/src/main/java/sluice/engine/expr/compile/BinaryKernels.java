package sluice.engine.expr.compile;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import sluice.engine.expr.analyze.Typed;
import sluice.engine.types.AtomicType;
import sluice.engine.types.Bytes;

/**
 * Functions over BINARY values, and those that measure or convert strings as bytes: lengths, hex, base64, encode,
 * decode and concat of binaries, with Spark's rules (upper-case hex, base64 with padding and no line breaks, only
 * Spark's seven character sets, malformed input an error). Stateless.
 */
final class BinaryKernels {
    /** The character sets Spark 4 takes in encode and decode (spark.sql.legacy.javaCharsets off). */
    private static final Set<String> CHARSETS = new TreeSet<>(List.of("us-ascii", "iso-8859-1", "utf-8", "utf-16be",
            "utf-16le", "utf-16", "utf-32"));

    private BinaryKernels() {
    }

    /** The kernel for {@code call}, or null when it is no binary function (a string's length is StringKernels'). */
    static Kernel of(Typed.Call call) {
        boolean binaryArgument = !call.args().isEmpty() && call.args().get(0).type() == AtomicType.BINARY;
        return switch (call.function()) {
            case "length", "char_length", "character_length" ->
                    binaryArgument ? (a, e) -> (long) ((Bytes) a[0]).length() : null;
            case "octet_length" -> (a, e) -> (long) byteCount(a[0]);
            case "bit_length" -> (a, e) -> (long) byteCount(a[0]) * 8;
            case "hex" -> (a, e) -> hex(a[0]);
            case "unhex" -> (a, e) -> Bytes.fromHex((String) a[0]);
            case "base64" -> (a, e) -> Base64.getEncoder().encodeToString(((Bytes) a[0]).toArray());
            case "unbase64" -> (a, e) -> unbase64((String) a[0]);
            case "encode" -> (a, e) -> encode((String) a[0], (String) a[1]);
            case "decode" -> (a, e) -> decode((Bytes) a[0], (String) a[1]);
            case "concat" -> call.type() == AtomicType.BINARY ? BinaryKernels::concat : null;
            default -> null;
        };
    }

    private static int byteCount(Object value) {
        return value instanceof Bytes bytes ? bytes.length() : ((String) value).getBytes(StandardCharsets.UTF_8).length;
    }

    /** A number as its 64-bit two's complement in upper-case hex without leading zeros; text and binary by byte. */
    private static String hex(Object value) {
        if (value instanceof Long number) {
            return Long.toHexString(number).toUpperCase(Locale.ROOT);
        } else if (value instanceof Bytes bytes) {
            return bytes.toHex();
        }
        return Bytes.utf8((String) value).toHex();
    }

    // Spark decodes with Java's MIME decoder, which skips characters outside the base64 alphabet but refuses a
    // malformed end; Spark lets that exception through, so it fails the query without an error class.
    private static Bytes unbase64(String text) {
        try {
            return Bytes.of(Base64.getMimeDecoder().decode(text));
        } catch (IllegalArgumentException e) {
            throw RowFailure.invalidArgument("unbase64 cannot decode '" + text + "': " + e.getMessage());
        }
    }

    private static Bytes encode(String text, String charsetName) {
        Charset charset = charset(charsetName, "encode");
        try {
            ByteBuffer encoded = charset.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).encode(CharBuffer.wrap(text));
            byte[] bytes = new byte[encoded.remaining()];
            encoded.get(bytes);
            return Bytes.of(bytes);
        } catch (CharacterCodingException e) {
            throw malformed("encode", charsetName);
        }
    }

    private static String decode(Bytes bytes, String charsetName) {
        Charset charset = charset(charsetName, "decode");
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw malformed("decode", charsetName);
        }
    }

    private static Charset charset(String name, String function) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (!CHARSETS.contains(lower)) {
            throw RowFailure.invalidArgument("[INVALID_PARAMETER_VALUE.CHARSET] The value of parameter(s) `charset` "
                    + "in `" + function + "` is invalid: expects one of the " + String.join(", ", CHARSETS)
                    + ", but got " + name + ".");
        }
        return Charset.forName(lower);
    }

    private static RowFailure malformed(String function, String charset) {
        return RowFailure.invalidArgument("[MALFORMED_CHARACTER_CODING] Invalid value found when performing `"
                + function + "` with " + charset);
    }

    private static Object concat(Object[] args, Env env) {
        int length = 0;
        for (Object arg : args) {
            length += ((Bytes) arg).length();
        }
        byte[] out = new byte[length];
        int at = 0;
        for (Object arg : args) {
            byte[] part = ((Bytes) arg).toArray();
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return Bytes.of(out);
    }
}
