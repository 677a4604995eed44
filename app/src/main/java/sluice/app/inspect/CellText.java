package sluice.app.inspect;

import java.time.ZoneId;
import sluice.engine.types.DataType;
import sluice.engine.types.ValueText;

/** A cell as the inspector shows and copies it: Spark's cast-to-string text, {@code null} for null. Stateless. */
final class CellText {
    static final String NULL = "null";

    private CellText() {
    }

    static String of(DataType type, Object value, ZoneId zone) {
        return value == null ? NULL : ValueText.of(type, value, zone);
    }
}
