package sluice.engine.parquet;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import sluice.engine.types.ArrayType;
import sluice.engine.types.AtomicType;
import sluice.engine.types.Bytes;
import sluice.engine.types.ColumnVector;
import sluice.engine.types.DataType;
import sluice.engine.types.DecimalType;
import sluice.engine.types.Field;
import sluice.engine.types.MapType;
import sluice.engine.types.MapValue;
import sluice.engine.types.Row;
import sluice.engine.types.StructType;

/**
 * Parquet's converters (the push API parquet-mr decodes records into) that turn a file's values into Sluice's: a
 * top-level column straight into the row target in stored form, nested values into the Java objects of
 * {@link sluice.engine.types.ColumnVector#get}. A file type that Spark's reader would not read as the wanted type is
 * an {@link IllegalArgumentException} naming the column. Made per file, on the reading thread.
 */
final class ParquetConverters {
    private ParquetConverters() {
    }

    /** Where a converted value goes: a column of the row, a struct field, a list element, a map key or value. */
    interface Slot {
        void setLong(long value);

        void setDouble(double value);

        void setBoolean(boolean value);

        void setObject(Object value);
    }

    /** A top-level column of the row target, which keeps values in stored form. */
    record ColumnSlot(ParquetFileRows.Target target, int column) implements Slot {
        @Override
        public void setLong(long value) {
            target.setLong(column, value);
        }

        @Override
        public void setDouble(double value) {
            target.setDouble(column, value);
        }

        @Override
        public void setBoolean(boolean value) {
            target.setBoolean(column, value);
        }

        @Override
        public void setObject(Object value) {
            target.setObject(column, value);
        }
    }

    /** Mutable: holds one nested value as its Java object, until its parent takes it. */
    static final class Holder implements Slot {
        private final DataType type;
        Object value;

        Holder(DataType type) {
            this.type = type;
        }

        @Override
        public void setLong(long stored) {
            value = ColumnVector.toExternal(type, stored);
        }

        @Override
        public void setDouble(double stored) {
            value = type == AtomicType.FLOAT ? (Object) (float) stored : (Object) stored;
        }

        @Override
        public void setBoolean(boolean stored) {
            value = stored;
        }

        @Override
        public void setObject(Object object) {
            value = object;
        }

        Object take() {
            Object taken = value;
            value = null;
            return taken;
        }
    }

    /** The converter of a file field read as {@code type}, putting its value into {@code slot}. */
    static Converter of(String column, Type file, DataType type, Slot slot) {
        if (type instanceof StructType struct) {
            if (file.isPrimitive() || file.getLogicalTypeAnnotation() != null) {
                throw mismatch(column, file, type);
            }
            return new StructConverter(column, file.asGroupType(), struct, slot);
        } else if (type instanceof ArrayType array) {
            if (file.isPrimitive()
                    || !(file.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation)) {
                throw mismatch(column, file, type);
            }
            return new ListConverter(column, file.asGroupType(), array, slot);
        } else if (type instanceof MapType map) {
            if (file.isPrimitive() || file.asGroupType().getFieldCount() != 1
                    || file.asGroupType().getType(0).isPrimitive()) {
                throw mismatch(column, file, type);
            }
            return new MapConverter(column, file.asGroupType(), map, slot);
        }
        if (!file.isPrimitive()) {
            throw mismatch(column, file, type);
        }
        return leaf(column, file.asPrimitiveType(), type, slot);
    }

    static IllegalArgumentException mismatch(String column, Type file, DataType type) {
        String parquet = file.isPrimitive() ? file.asPrimitiveType().getPrimitiveTypeName().name()
                + (file.getLogicalTypeAnnotation() == null ? "" : " (" + file.getLogicalTypeAnnotation() + ")")
                : file.getLogicalTypeAnnotation() == null ? "group" : file.getLogicalTypeAnnotation().toString();
        return new IllegalArgumentException(String.format(Locale.ROOT, "[PARQUET_COLUMN_DATA_TYPE_MISMATCH] column "
                + "'%s' is %s in the file, which Spark does not read as %s", column,
                parquet.toLowerCase(Locale.ROOT).replace('_', ' '), type.sql()));
    }

    private static PrimitiveConverter leaf(String column, PrimitiveType file, DataType type, Slot slot) {
        PrimitiveTypeName physical = file.getPrimitiveTypeName();
        LogicalTypeAnnotation annotation = file.getLogicalTypeAnnotation();
        boolean decimalFile = annotation instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
        boolean plainInt = (physical == PrimitiveTypeName.INT32 || physical == PrimitiveTypeName.INT64)
                && (annotation == null || annotation instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation);
        if (type instanceof DecimalType decimal) {
            int fileScale = decimalFile
                    ? ((LogicalTypeAnnotation.DecimalLogicalTypeAnnotation) annotation).getScale() : 0;
            if (!decimalFile && !plainInt) {
                throw mismatch(column, file, type);
            }
            return new DecimalLeaf(fileScale, decimal, slot, column, file);
        }
        if (!(type instanceof AtomicType atomic)) {
            throw mismatch(column, file, type);
        }
        switch (atomic) {
            case BOOLEAN:
                if (physical == PrimitiveTypeName.BOOLEAN) {
                    return new PrimitiveConverter() {
                        @Override
                        public void addBoolean(boolean value) {
                            slot.setBoolean(value);
                        }
                    };
                }
                break;
            case TINYINT:
            case SMALLINT:
            case INT:
            case BIGINT:
                if (plainInt && (physical == PrimitiveTypeName.INT32 || atomic == AtomicType.BIGINT)) {
                    return new IntegerLeaf(slot);
                }
                break;
            case FLOAT:
            case DOUBLE:
                if (physical == PrimitiveTypeName.FLOAT || physical == PrimitiveTypeName.DOUBLE
                        && atomic == AtomicType.DOUBLE || plainInt && physical == PrimitiveTypeName.INT32
                        && atomic == AtomicType.DOUBLE) {
                    return new FloatingLeaf(slot);
                }
                break;
            case STRING:
                if (physical == PrimitiveTypeName.BINARY || physical == PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY) {
                    return new StringLeaf(slot);
                }
                break;
            case BINARY:
                if (physical == PrimitiveTypeName.BINARY || physical == PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY) {
                    return new PrimitiveConverter() {
                        @Override
                        public void addBinary(Binary value) {
                            slot.setObject(Bytes.wrap(value.getBytes()));
                        }
                    };
                }
                break;
            case DATE:
                if (physical == PrimitiveTypeName.INT32
                        && annotation instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
                    return new IntegerLeaf(slot);
                }
                break;
            case TIMESTAMP:
            case TIMESTAMP_NTZ:
                if (physical == PrimitiveTypeName.INT96 && atomic == AtomicType.TIMESTAMP) {
                    return new PrimitiveConverter() {
                        @Override
                        public void addBinary(Binary value) {
                            slot.setLong(Int96.micros(value));
                        }
                    };
                }
                if (physical == PrimitiveTypeName.INT64
                        && annotation instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation timestamp
                        && (atomic == AtomicType.TIMESTAMP || !timestamp.isAdjustedToUTC())) {
                    return new TimestampLeaf(timestamp.getUnit(), slot);
                }
                break;
            default:
                break;
        }
        throw mismatch(column, file, type);
    }

    /**
     * Strings. A dictionary-encoded column chunk (what Spark writes for a column of few distinct values) names each
     * row's value by its number in the chunk's dictionary: each entry is decoded once, when first used, and the rows
     * that name it share the one String, instead of decoding the same bytes again on every row.
     */
    static final class StringLeaf extends PrimitiveConverter {
        private final Slot slot;
        private Dictionary dictionary;
        private String[] decoded;

        StringLeaf(Slot slot) {
            this.slot = slot;
        }

        @Override
        public boolean hasDictionarySupport() {
            return true;
        }

        @Override
        public void setDictionary(Dictionary dictionary) {
            this.dictionary = dictionary;
            decoded = new String[dictionary.getMaxId() + 1];
        }

        @Override
        public void addValueFromDictionary(int dictionaryId) {
            String value = decoded[dictionaryId];
            if (value == null) {
                value = dictionary.decodeToBinary(dictionaryId).toStringUsingUTF8();
                decoded[dictionaryId] = value;
            }
            slot.setObject(value);
        }

        @Override
        public void addBinary(Binary value) {
            slot.setObject(value.toStringUsingUTF8());
        }
    }

    /** INT32 and INT64 values into a LONG-stored column. */
    static final class IntegerLeaf extends PrimitiveConverter {
        private final Slot slot;

        IntegerLeaf(Slot slot) {
            this.slot = slot;
        }

        @Override
        public void addInt(int value) {
            slot.setLong(value);
        }

        @Override
        public void addLong(long value) {
            slot.setLong(value);
        }
    }

    static final class FloatingLeaf extends PrimitiveConverter {
        private final Slot slot;

        FloatingLeaf(Slot slot) {
            this.slot = slot;
        }

        @Override
        public void addFloat(float value) {
            slot.setDouble(value);
        }

        @Override
        public void addDouble(double value) {
            slot.setDouble(value);
        }

        @Override
        public void addInt(int value) {
            slot.setDouble(value);
        }
    }

    private static final class TimestampLeaf extends PrimitiveConverter {
        private final LogicalTypeAnnotation.TimeUnit unit;
        private final Slot slot;

        TimestampLeaf(LogicalTypeAnnotation.TimeUnit unit, Slot slot) {
            this.unit = unit;
            this.slot = slot;
        }

        @Override
        public void addLong(long value) {
            slot.setLong(switch (unit) {
                case MILLIS -> Math.multiplyExact(value, 1000L);
                case MICROS -> value;
                case NANOS -> Math.floorDiv(value, 1000L);
            });
        }
    }

    /** Decimals from INT32, INT64 or bytes, at the wanted scale (a wider one, as Spark's type widening allows). */
    private static final class DecimalLeaf extends PrimitiveConverter {
        private final int fileScale;
        private final DecimalType type;
        private final Slot slot;
        private final String column;
        private final Type file;

        DecimalLeaf(int fileScale, DecimalType type, Slot slot, String column, Type file) {
            this.fileScale = fileScale;
            this.type = type;
            this.slot = slot;
            this.column = column;
            this.file = file;
        }

        @Override
        public void addInt(int value) {
            put(BigDecimal.valueOf(value, fileScale));
        }

        @Override
        public void addLong(long value) {
            put(BigDecimal.valueOf(value, fileScale));
        }

        @Override
        public void addBinary(Binary value) {
            put(new BigDecimal(new BigInteger(value.getBytes()), fileScale));
        }

        private void put(BigDecimal value) {
            BigDecimal scaled = value.scale() == type.scale() ? value
                    : value.setScale(type.scale(), RoundingMode.UNNECESSARY);
            if (scaled.precision() > type.precision()) {
                throw mismatch(column, file, type);
            }
            slot.setObject(scaled);
        }
    }

    /** Ignores a file field that the wanted struct does not have. */
    private static final class Skipping extends GroupConverter {
        private final GroupType group;

        Skipping(GroupType group) {
            this.group = group;
        }

        @Override
        public Converter getConverter(int index) {
            Type child = group.getType(index);
            return child.isPrimitive() ? new PrimitiveConverter() { } : new Skipping(child.asGroupType());
        }

        @Override
        public void start() {
        }

        @Override
        public void end() {
        }
    }

    private static final class StructConverter extends GroupConverter {
        private final Converter[] children;
        private final Holder[] fields;
        private final Slot slot;

        StructConverter(String column, GroupType file, StructType type, Slot slot) {
            this.slot = slot;
            fields = new Holder[type.fields().size()];
            children = new Converter[file.getFieldCount()];
            for (int f = 0; f < type.fields().size(); f++) {
                fields[f] = new Holder(type.fields().get(f).type());
            }
            for (int c = 0; c < file.getFieldCount(); c++) {
                Type child = file.getType(c);
                int index = ParquetFileRows.fieldIndex(type.fields().stream().map(Field::name).toList(),
                        child.getName());
                children[c] = index < 0 ? child.isPrimitive() ? new PrimitiveConverter() { }
                        : new Skipping(child.asGroupType())
                        : of(column + "." + child.getName(), child, type.fields().get(index).type(), fields[index]);
            }
        }

        @Override
        public Converter getConverter(int index) {
            return children[index];
        }

        @Override
        public void start() {
            for (Holder field : fields) {
                field.value = null;
            }
        }

        @Override
        public void end() {
            Object[] values = new Object[fields.length];
            for (int f = 0; f < fields.length; f++) {
                values[f] = fields[f].take();
            }
            slot.setObject(new Row(Arrays.asList(values)));
        }
    }

    private static final class ListConverter extends GroupConverter {
        private final Converter repeated;
        private final Slot slot;
        private List<Object> elements;

        ListConverter(String column, GroupType file, ArrayType type, Slot slot) {
            this.slot = slot;
            Type repeatedType = file.getType(0);
            Holder element = new Holder(type.elementType());
            if (ParquetLists.isTwoLevel(file.getName(), repeatedType)) {
                // Each repetition of the repeated field is one element.
                Converter inner = of(column, repeatedType, type.elementType(), new Slot() {
                    @Override
                    public void setLong(long value) {
                        element.setLong(value);
                        elements.add(element.take());
                    }

                    @Override
                    public void setDouble(double value) {
                        element.setDouble(value);
                        elements.add(element.take());
                    }

                    @Override
                    public void setBoolean(boolean value) {
                        elements.add(value);
                    }

                    @Override
                    public void setObject(Object value) {
                        elements.add(value);
                    }
                });
                repeated = inner;
            } else {
                Converter inner = of(column, repeatedType.asGroupType().getType(0), type.elementType(), element);
                repeated = new GroupConverter() {
                    @Override
                    public Converter getConverter(int index) {
                        return inner;
                    }

                    @Override
                    public void start() {
                        element.value = null;
                    }

                    @Override
                    public void end() {
                        elements.add(element.take());
                    }
                };
            }
        }

        @Override
        public Converter getConverter(int index) {
            return repeated;
        }

        @Override
        public void start() {
            elements = new ArrayList<>();
        }

        @Override
        public void end() {
            slot.setObject(elements);
            elements = null;
        }
    }

    private static final class MapConverter extends GroupConverter {
        private final GroupConverter entry;
        private final Slot slot;
        private List<Object> keys;
        private List<Object> values;

        MapConverter(String column, GroupType file, MapType type, Slot slot) {
            this.slot = slot;
            GroupType keyValue = file.getType(0).asGroupType();
            Holder key = new Holder(type.keyType());
            Holder value = new Holder(type.valueType());
            Converter keyConverter = of(column + ".key", keyValue.getType(0), type.keyType(), key);
            Converter valueConverter = keyValue.getFieldCount() > 1
                    ? of(column + ".value", keyValue.getType(1), type.valueType(), value) : null;
            entry = new GroupConverter() {
                @Override
                public Converter getConverter(int index) {
                    return index == 0 ? keyConverter : valueConverter;
                }

                @Override
                public void start() {
                    key.value = null;
                    value.value = null;
                }

                @Override
                public void end() {
                    keys.add(key.take());
                    values.add(value.take());
                }
            };
        }

        @Override
        public Converter getConverter(int index) {
            return entry;
        }

        @Override
        public void start() {
            keys = new ArrayList<>();
            values = new ArrayList<>();
        }

        @Override
        public void end() {
            slot.setObject(new MapValue(keys, values));
            keys = null;
            values = null;
        }
    }
}
