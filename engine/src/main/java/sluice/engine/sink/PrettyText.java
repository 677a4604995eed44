package sluice.engine.sink;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import sluice.engine.types.ArrayType;
import sluice.engine.types.Bytes;
import sluice.engine.types.DataType;
import sluice.engine.types.DecimalType;
import sluice.engine.types.MapType;
import sluice.engine.types.MapValue;
import sluice.engine.types.Row;
import sluice.engine.types.StructType;
import sluice.engine.types.ValueText;

/**
 * A value as Spark 4's {@code ToPrettyString} writes it for {@code show()}: Spark's cast-to-string text, except that
 * nulls at any depth print as {@code NULL}, decimals never use scientific notation and binary prints as hex bytes
 * ({@code [41 42]}). Stateless; any thread.
 */
public final class PrettyText {
    private static final String NULL = "NULL";

    private PrettyText() {
    }

    /** The text of a value of {@code type} in its Java form (see {@code ColumnVector#get}), null included. */
    public static String of(DataType type, Object value, ZoneId zone) {
        if (value == null) {
            return NULL;
        }
        if (type instanceof DecimalType) {
            return ((BigDecimal) value).toPlainString();
        } else if (value instanceof Bytes bytes) {
            // Spark 4's default spark.sql.binaryOutputStyle: upper-case hex bytes, [41 42].
            return bytes.toString();
        } else if (type instanceof ArrayType array) {
            List<?> elements = (List<?>) value;
            StringBuilder text = new StringBuilder("[");
            for (int i = 0; i < elements.size(); i++) {
                text.append(i == 0 ? "" : ", ").append(of(array.elementType(), elements.get(i), zone));
            }
            return text.append(']').toString();
        } else if (type instanceof MapType map) {
            return ValueText.map(map, (MapValue) value, (t, v) -> of(t, v, zone), NULL);
        } else if (type instanceof StructType struct) {
            Row row = (Row) value;
            StringBuilder text = new StringBuilder("{");
            for (int i = 0; i < row.size(); i++) {
                text.append(i == 0 ? "" : ", ").append(of(struct.fields().get(i).type(), row.get(i), zone));
            }
            return text.append('}').toString();
        }
        return ValueText.of(type, value, zone);
    }
}
