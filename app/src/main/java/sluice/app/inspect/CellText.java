package sluice.app.inspect;

import java.time.ZoneId;
import sluice.engine.types.Bytes;
import sluice.engine.types.DataType;
import sluice.engine.types.ValueText;

/**
 * A cell as the inspector shows and copies it: Spark's cast-to-string text, {@code null} for null, and binary as
 * Spark's {@code show()} prints it ({@code [41 42]}), since its bytes are seldom readable text. Stateless.
 */
final class CellText {
    static final String NULL = "null";

    private CellText() {
    }

    static String of(DataType type, Object value, ZoneId zone) {
        if (value == null) {
            return NULL;
        }
        return value instanceof Bytes bytes ? bytes.toString() : ValueText.of(type, value, zone);
    }
}
