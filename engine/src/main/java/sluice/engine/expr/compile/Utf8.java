package sluice.engine.expr.compile;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import sluice.engine.diag.ErrorCode;
import sluice.engine.types.Bytes;

/**
 * Whether bytes are valid UTF-8, for the checks Spark makes on strings that came from binaries (Sluice's own strings
 * are always valid text). Stateless.
 */
final class Utf8 {
    private Utf8() {
    }

    static boolean isValid(Bytes bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toArray()));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** The text of valid UTF-8, or Spark's INVALID_UTF8_STRING error naming every byte. */
    static String validated(Bytes bytes) {
        if (isValid(bytes)) {
            return bytes.toUtf8String();
        }
        StringBuilder hex = new StringBuilder();
        for (byte b : bytes.toArray()) {
            hex.append(String.format("\\x%02X", b));
        }
        throw new RowFailure(ErrorCode.INVALID_ARGUMENT_VALUE, "[INVALID_UTF8_STRING] Invalid UTF8 byte sequence "
                + "found in string: " + hex + ".");
    }
}
