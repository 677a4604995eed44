package sluice.engine.orc;

import java.util.ArrayList;
import java.util.List;
import org.apache.orc.TypeDescription;
import sluice.engine.types.ArrayType;
import sluice.engine.types.AtomicType;
import sluice.engine.types.DataType;
import sluice.engine.types.DecimalType;
import sluice.engine.types.Field;
import sluice.engine.types.MapType;
import sluice.engine.types.Schema;
import sluice.engine.types.StructType;

/**
 * Spark's mapping between its types and ORC's (Spark's {@code OrcUtils}): most types have an ORC type of the same
 * name; TIMESTAMP_NTZ and the day-time interval are ORC longs, the year-month interval an ORC int, each marked with
 * the attribute {@value #CATALYST_TYPE} naming the Spark type, which the reader follows. Stateless.
 */
public final class OrcTypes {
    /** The ORC type attribute in which Spark writes the Spark type that an ORC long or int stands for. */
    public static final String CATALYST_TYPE = "spark.sql.catalyst.type";

    private OrcTypes() {
    }

    /** The ORC struct Spark writes for rows of {@code schema}. */
    public static TypeDescription toOrc(Schema schema) {
        TypeDescription struct = TypeDescription.createStruct();
        for (Field field : schema.fields()) {
            struct.addField(field.name(), toOrc(field.type()));
        }
        return struct;
    }

    /** The ORC type Spark writes for {@code type}; throws IllegalArgumentException for types ORC cannot hold. */
    public static TypeDescription toOrc(DataType type) {
        if (type instanceof DecimalType decimal) {
            return TypeDescription.createDecimal().withPrecision(decimal.precision()).withScale(decimal.scale());
        } else if (type instanceof ArrayType array) {
            return TypeDescription.createList(toOrc(array.elementType()));
        } else if (type instanceof MapType map) {
            return TypeDescription.createMap(toOrc(map.keyType()), toOrc(map.valueType()));
        } else if (type instanceof StructType struct) {
            return toOrc(struct.toSchema());
        }
        AtomicType atomic = (AtomicType) type;
        return switch (atomic) {
            case BOOLEAN -> TypeDescription.createBoolean();
            case TINYINT -> TypeDescription.createByte();
            case SMALLINT -> TypeDescription.createShort();
            case INT -> TypeDescription.createInt();
            case BIGINT -> TypeDescription.createLong();
            case FLOAT -> TypeDescription.createFloat();
            case DOUBLE -> TypeDescription.createDouble();
            case STRING -> TypeDescription.createString();
            case BINARY -> TypeDescription.createBinary();
            case DATE -> TypeDescription.createDate();
            case TIMESTAMP -> TypeDescription.createTimestamp();
            case TIMESTAMP_NTZ, INTERVAL, INTERVAL_DAY, INTERVAL_DAY_HOUR, INTERVAL_DAY_MINUTE, INTERVAL_HOUR,
                    INTERVAL_HOUR_MINUTE, INTERVAL_HOUR_SECOND, INTERVAL_MINUTE, INTERVAL_MINUTE_SECOND,
                    INTERVAL_SECOND -> TypeDescription.createLong().setAttribute(CATALYST_TYPE, atomic.simpleString());
            case INTERVAL_YEAR_MONTH, INTERVAL_YEAR, INTERVAL_MONTH -> TypeDescription.createInt()
                    .setAttribute(CATALYST_TYPE, atomic.simpleString());
            case NULL -> throw new IllegalArgumentException("ORC cannot hold a column of type VOID");
        };
    }

    /** The Spark schema of an ORC file's struct, as Spark reads it; throws IllegalArgumentException for a union. */
    public static Schema toSchema(TypeDescription struct) {
        List<Field> fields = new ArrayList<>();
        List<String> names = struct.getFieldNames();
        List<TypeDescription> children = struct.getChildren();
        for (int i = 0; i < names.size(); i++) {
            fields.add(Field.of(names.get(i), toSluice(children.get(i))));
        }
        return new Schema(fields);
    }

    /** The Spark type of an ORC type, as Spark's reader maps it (CHAR and VARCHAR read as STRING). */
    public static DataType toSluice(TypeDescription orc) {
        String marked = orc.getAttributeValue(CATALYST_TYPE);
        if (marked != null) {
            for (AtomicType atomic : AtomicType.values()) {
                boolean markable = atomic.isInterval() || atomic == AtomicType.TIMESTAMP_NTZ
                        || atomic == AtomicType.TIMESTAMP || atomic == AtomicType.STRING;
                if (markable && atomic.simpleString().equals(marked)) {
                    return atomic;
                }
            }
        }
        return switch (orc.getCategory()) {
            case BOOLEAN -> AtomicType.BOOLEAN;
            case BYTE -> AtomicType.TINYINT;
            case SHORT -> AtomicType.SMALLINT;
            case INT -> AtomicType.INT;
            case LONG -> AtomicType.BIGINT;
            case FLOAT -> AtomicType.FLOAT;
            case DOUBLE -> AtomicType.DOUBLE;
            case STRING, CHAR, VARCHAR -> AtomicType.STRING;
            case BINARY -> AtomicType.BINARY;
            case DATE -> AtomicType.DATE;
            case TIMESTAMP, TIMESTAMP_INSTANT -> AtomicType.TIMESTAMP;
            case DECIMAL -> new DecimalType(orc.getPrecision(), orc.getScale());
            case LIST -> new ArrayType(toSluice(orc.getChildren().get(0)), true);
            case MAP -> new MapType(toSluice(orc.getChildren().get(0)), toSluice(orc.getChildren().get(1)), true);
            case STRUCT -> toSchema(orc).toStructType();
            default -> throw new IllegalArgumentException("ORC type " + orc + " has no Spark type");
        };
    }
}
