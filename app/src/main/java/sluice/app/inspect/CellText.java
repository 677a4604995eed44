package sluice.app.inspect;

import java.time.ZoneId;
import sluice.engine.sink.PrettyText;
import sluice.engine.types.Bytes;
import sluice.engine.types.DataType;
import sluice.engine.types.ValueText;

/**
 * A cell as the inspector shows and copies it: Spark's cast-to-string text, {@code null} for null, and binary as
 * Spark's {@code show()} prints it ({@code [41 42]}), since its bytes are seldom readable text. Arrays, maps and
 * structs read as in {@code show()} too ({@code [1, NULL]}, {@code {a -> 1}}, {@code {1, x}}): nulls inside them
 * are NULL, binary inside them hex. Stateless.
 */
final class CellText {
    static final String NULL = "null";

    private CellText() {
    }

    static String of(DataType type, Object value, ZoneId zone) {
        if (value == null) {
            return NULL;
        }
        if (type.isComplex()) {
            return PrettyText.of(type, value, zone);
        }
        return value instanceof Bytes bytes ? bytes.toString() : ValueText.of(type, value, zone);
    }
}
