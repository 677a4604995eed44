package sluice.engine.parquet;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;
import sluice.engine.json.JsonValues;
import sluice.engine.types.ArrayType;
import sluice.engine.types.AtomicType;
import sluice.engine.types.DataType;
import sluice.engine.types.DecimalType;
import sluice.engine.types.Field;
import sluice.engine.types.MapType;
import sluice.engine.types.Schema;
import sluice.engine.types.StructType;

/**
 * Spark's mapping between its types and Parquet's (its {@code SparkToParquetSchemaConverter} with the default,
 * non-legacy layout and INT96 timestamps, and {@code ParquetToSparkSchemaConverter}), and the schema Spark keeps in a
 * file's key-value metadata under {@link #ROW_METADATA_KEY}, as its JSON form. Stateless.
 */
public final class ParquetSchemas {
    /** Where Spark keeps the schema it wrote, which restores types Parquet cannot tell apart on its own. */
    public static final String ROW_METADATA_KEY = "org.apache.spark.sql.parquet.row.metadata";
    /** The Spark version that wrote a file; without it Spark's reader takes old dates for Julian-calendar ones. */
    public static final String SPARK_VERSION_KEY = "org.apache.spark.version";
    /**
     * Jackson's streaming parts only: an ObjectMapper would load some three hundred classes of Jackson's data binding
     * at the start of every run that reads a Parquet schema, which nothing else on that path needs.
     */
    private static final JsonFactory JSON = new JsonFactory();

    private ParquetSchemas() {
    }

    /**
     * The Parquet schema Spark writes for {@code schema}: every column optional (Spark writes a DataFrame as nullable),
     * lists and maps in the three-level layout, TIMESTAMP as INT96, decimals in the smallest integer that holds them.
     */
    public static MessageType toParquet(Schema schema) {
        List<Type> fields = new ArrayList<>();
        for (Field field : schema.fields()) {
            fields.add(toParquet(field.name(), field.type(), Type.Repetition.OPTIONAL));
        }
        return new MessageType("spark_schema", fields);
    }

    private static Type toParquet(String name, DataType type, Type.Repetition repetition) {
        if (type instanceof DecimalType decimal) {
            LogicalTypeAnnotation annotation = LogicalTypeAnnotation.decimalType(decimal.scale(), decimal.precision());
            if (decimal.precision() <= 9) {
                return Types.primitive(PrimitiveTypeName.INT32, repetition).as(annotation).named(name);
            } else if (decimal.precision() <= 18) {
                return Types.primitive(PrimitiveTypeName.INT64, repetition).as(annotation).named(name);
            }
            return Types.primitive(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY, repetition)
                    .length(decimalBytes(decimal.precision())).as(annotation).named(name);
        } else if (type instanceof ArrayType array) {
            return Types.buildGroup(repetition).as(LogicalTypeAnnotation.listType())
                    .addField(Types.repeatedGroup()
                            .addField(toParquet("element", array.elementType(), Type.Repetition.OPTIONAL))
                            .named("list"))
                    .named(name);
        } else if (type instanceof MapType map) {
            return Types.buildGroup(repetition).as(LogicalTypeAnnotation.mapType())
                    .addField(Types.repeatedGroup()
                            .addField(toParquet("key", map.keyType(), Type.Repetition.REQUIRED))
                            .addField(toParquet("value", map.valueType(), Type.Repetition.OPTIONAL))
                            .named("key_value"))
                    .named(name);
        } else if (type instanceof StructType struct) {
            Types.GroupBuilder<GroupType> group = Types.buildGroup(repetition);
            for (Field field : struct.fields()) {
                group.addField(toParquet(field.name(), field.type(), Type.Repetition.OPTIONAL));
            }
            return group.named(name);
        }
        AtomicType atomic = (AtomicType) type;
        return switch (atomic) {
            case BOOLEAN -> Types.primitive(PrimitiveTypeName.BOOLEAN, repetition).named(name);
            case TINYINT -> Types.primitive(PrimitiveTypeName.INT32, repetition)
                    .as(LogicalTypeAnnotation.intType(8, true)).named(name);
            case SMALLINT -> Types.primitive(PrimitiveTypeName.INT32, repetition)
                    .as(LogicalTypeAnnotation.intType(16, true)).named(name);
            case INT -> Types.primitive(PrimitiveTypeName.INT32, repetition).named(name);
            case BIGINT -> Types.primitive(PrimitiveTypeName.INT64, repetition).named(name);
            case FLOAT -> Types.primitive(PrimitiveTypeName.FLOAT, repetition).named(name);
            case DOUBLE -> Types.primitive(PrimitiveTypeName.DOUBLE, repetition).named(name);
            case STRING -> Types.primitive(PrimitiveTypeName.BINARY, repetition)
                    .as(LogicalTypeAnnotation.stringType()).named(name);
            case BINARY -> Types.primitive(PrimitiveTypeName.BINARY, repetition).named(name);
            case DATE -> Types.primitive(PrimitiveTypeName.INT32, repetition)
                    .as(LogicalTypeAnnotation.dateType()).named(name);
            case TIMESTAMP -> Types.primitive(PrimitiveTypeName.INT96, repetition).named(name);
            case TIMESTAMP_NTZ -> Types.primitive(PrimitiveTypeName.INT64, repetition)
                    .as(LogicalTypeAnnotation.timestampType(false, LogicalTypeAnnotation.TimeUnit.MICROS))
                    .named(name);
            case NULL, INTERVAL, INTERVAL_DAY, INTERVAL_DAY_HOUR, INTERVAL_DAY_MINUTE, INTERVAL_HOUR,
                    INTERVAL_HOUR_MINUTE, INTERVAL_HOUR_SECOND, INTERVAL_MINUTE, INTERVAL_MINUTE_SECOND,
                    INTERVAL_SECOND,
                    INTERVAL_YEAR_MONTH, INTERVAL_YEAR, INTERVAL_MONTH -> throw new IllegalArgumentException(
                    "Parquet has no type for " + atomic.sql());
        };
    }

    /** Whether Spark's Parquet writer takes {@code type}: not intervals, nor NULL (VOID). */
    public static boolean isWritable(DataType type) {
        if (type instanceof ArrayType array) {
            return isWritable(array.elementType());
        } else if (type instanceof MapType map) {
            return isWritable(map.keyType()) && isWritable(map.valueType());
        } else if (type instanceof StructType struct) {
            return !struct.fields().isEmpty() && struct.fields().stream().allMatch(f -> isWritable(f.type()));
        }
        return !type.isInterval() && type != AtomicType.NULL;
    }

    /** The fewest bytes of a two's complement integer that holds every unscaled value of {@code precision} digits. */
    static int decimalBytes(int precision) {
        int bytes = 1;
        while (Math.pow(2.0, 8 * bytes - 1) < Math.pow(10.0, precision)) {
            bytes++;
        }
        return bytes;
    }

    /** The Spark schema of a file: its row metadata when Spark wrote one that reads, else Parquet's types mapped. */
    public static Schema toSpark(MessageType file, String rowMetadata) {
        if (rowMetadata != null) {
            try {
                return fromJson(rowMetadata);
            } catch (IllegalArgumentException | IOException e) {
                // Spark falls back to the Parquet types too when the metadata does not parse.
            }
        }
        List<Field> fields = new ArrayList<>();
        for (Type field : file.getFields()) {
            fields.add(new Field(field.getName(), toSpark(field), !field.isRepetition(Type.Repetition.REQUIRED)));
        }
        return new Schema(fields);
    }

    /** Spark's type for a Parquet field; IllegalArgumentException for what Spark cannot read either. */
    static DataType toSpark(Type field) {
        if (field.isRepetition(Type.Repetition.REPEATED)) {
            // A repeated field outside a LIST group is a list of its values (Parquet's oldest layout).
            return new ArrayType(toSparkOnce(field), false);
        }
        return toSparkOnce(field);
    }

    private static DataType toSparkOnce(Type field) {
        if (field.isPrimitive()) {
            return primitive(field.asPrimitiveType());
        }
        GroupType group = field.asGroupType();
        LogicalTypeAnnotation annotation = group.getLogicalTypeAnnotation();
        if (annotation instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation) {
            Type repeated = group.getType(0);
            Type element = ParquetLists.elementOf(group.getName(), repeated);
            return new ArrayType(toSparkOnce(element), !element.isRepetition(Type.Repetition.REQUIRED));
        } else if (annotation instanceof LogicalTypeAnnotation.MapLogicalTypeAnnotation
                || annotation instanceof LogicalTypeAnnotation.MapKeyValueTypeAnnotation) {
            GroupType keyValue = group.getType(0).asGroupType();
            Type value = keyValue.getFieldCount() > 1 ? keyValue.getType(1) : null;
            return new MapType(toSparkOnce(keyValue.getType(0)),
                    value == null ? AtomicType.NULL : toSparkOnce(value),
                    value == null || !value.isRepetition(Type.Repetition.REQUIRED));
        }
        List<Field> fields = new ArrayList<>();
        for (Type child : group.getFields()) {
            fields.add(new Field(child.getName(), toSpark(child), !child.isRepetition(Type.Repetition.REQUIRED)));
        }
        return new StructType(fields);
    }

    private static DataType primitive(PrimitiveType type) {
        LogicalTypeAnnotation annotation = type.getLogicalTypeAnnotation();
        if (annotation instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation decimal) {
            return new DecimalType(decimal.getPrecision(), decimal.getScale());
        }
        switch (type.getPrimitiveTypeName()) {
            case BOOLEAN:
                return AtomicType.BOOLEAN;
            case INT32:
                if (annotation instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
                    return AtomicType.DATE;
                } else if (annotation instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation ints) {
                    if (!ints.isSigned()) {
                        return ints.getBitWidth() <= 16 ? AtomicType.INT : AtomicType.BIGINT;
                    }
                    return ints.getBitWidth() == 8 ? AtomicType.TINYINT
                            : ints.getBitWidth() == 16 ? AtomicType.SMALLINT : AtomicType.INT;
                }
                return AtomicType.INT;
            case INT64:
                if (annotation instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation timestamp) {
                    if (timestamp.getUnit() == LogicalTypeAnnotation.TimeUnit.NANOS) {
                        break;
                    }
                    return timestamp.isAdjustedToUTC() ? AtomicType.TIMESTAMP : AtomicType.TIMESTAMP_NTZ;
                } else if (annotation instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation ints
                        && !ints.isSigned()) {
                    return new DecimalType(20, 0);
                }
                return AtomicType.BIGINT;
            case INT96:
                return AtomicType.TIMESTAMP;
            case FLOAT:
                return AtomicType.FLOAT;
            case DOUBLE:
                return AtomicType.DOUBLE;
            case BINARY:
            case FIXED_LEN_BYTE_ARRAY:
                if (annotation instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
                        || annotation instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation
                        || annotation instanceof LogicalTypeAnnotation.JsonLogicalTypeAnnotation) {
                    return AtomicType.STRING;
                }
                return AtomicType.BINARY;
            default:
                break;
        }
        throw new IllegalArgumentException("Parquet type not supported: " + type);
    }

    /** Spark's JSON form of a schema ({@code StructType.json}), written in every file as its row metadata. */
    public static String toJson(Schema schema) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(text)) {
            writeType(json, schema.toStructType());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static void writeType(JsonGenerator json, DataType type) throws IOException {
        if (type instanceof StructType struct) {
            json.writeStartObject();
            json.writeStringField("type", "struct");
            json.writeArrayFieldStart("fields");
            for (Field field : struct.fields()) {
                json.writeStartObject();
                json.writeStringField("name", field.name());
                json.writeFieldName("type");
                writeType(json, field.type());
                // Spark writes a DataFrame as nullable.
                json.writeBooleanField("nullable", true);
                json.writeObjectFieldStart("metadata");
                json.writeEndObject();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } else if (type instanceof ArrayType array) {
            json.writeStartObject();
            json.writeStringField("type", "array");
            json.writeFieldName("elementType");
            writeType(json, array.elementType());
            json.writeBooleanField("containsNull", true);
            json.writeEndObject();
        } else if (type instanceof MapType map) {
            json.writeStartObject();
            json.writeStringField("type", "map");
            json.writeFieldName("keyType");
            writeType(json, map.keyType());
            json.writeFieldName("valueType");
            writeType(json, map.valueType());
            json.writeBooleanField("valueContainsNull", true);
            json.writeEndObject();
        } else if (type instanceof DecimalType decimal) {
            json.writeString("decimal(" + decimal.precision() + "," + decimal.scale() + ")");
        } else {
            json.writeString(jsonName((AtomicType) type));
        }
    }

    private static String jsonName(AtomicType type) {
        return switch (type) {
            case TINYINT -> "byte";
            case SMALLINT -> "short";
            case INT -> "integer";
            case BIGINT -> "long";
            case NULL -> "void";
            default -> type.simpleString();
        };
    }

    static Schema fromJson(String text) throws IOException {
        DataType type = readType(JsonValues.parse(text));
        if (!(type instanceof StructType struct)) {
            throw new IllegalArgumentException("not a struct: " + text);
        }
        return struct.toSchema();
    }

    /** A type of Spark's JSON form, from the plain values of {@link JsonValues#parse}. */
    private static DataType readType(Object node) {
        if (node instanceof String text) {
            String name = text.toLowerCase(Locale.ROOT);
            if (name.startsWith("decimal(")) {
                String[] parts = name.substring(8, name.length() - 1).split(",");
                return new DecimalType(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
            } else if (name.equals("decimal")) {
                return DecimalType.USER_DEFAULT;
            }
            for (AtomicType atomic : AtomicType.values()) {
                if (jsonName(atomic).equals(name)) {
                    return atomic;
                }
            }
            throw new IllegalArgumentException("unknown type " + name);
        }
        Map<String, Object> object = node instanceof Map<?, ?> ? JsonValues.object(node) : Map.of();
        switch (text(object.get("type"))) {
            case "struct": {
                List<Field> fields = new ArrayList<>();
                if (object.get("fields") instanceof List<?> list) {
                    for (Object entry : list) {
                        Map<String, Object> field = entry instanceof Map<?, ?> ? JsonValues.object(entry) : Map.of();
                        fields.add(new Field(text(field.get("name")), readType(field.get("type")),
                                bool(field.get("nullable"))));
                    }
                }
                return new StructType(fields);
            }
            case "array":
                return new ArrayType(readType(object.get("elementType")), bool(object.get("containsNull")));
            case "map":
                return new MapType(readType(object.get("keyType")), readType(object.get("valueType")),
                        bool(object.get("valueContainsNull")));
            default:
                throw new IllegalArgumentException("unknown type " + node);
        }
    }

    /** A value's text, "" for none or a list or object (as Jackson's {@code asText}). */
    private static String text(Object value) {
        return value instanceof Map<?, ?> || value instanceof List<?> || value == null ? "" : value.toString();
    }

    /** A flag that is true unless it says false (as Jackson's {@code asBoolean(true)}). */
    private static boolean bool(Object value) {
        if (value instanceof Boolean flag) {
            return flag;
        } else if (value instanceof String text) {
            return !text.trim().equals("false");
        } else if (value instanceof Number number) {
            return number.longValue() != 0;
        }
        return true;
    }
}
