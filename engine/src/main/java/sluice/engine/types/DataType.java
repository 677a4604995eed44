package sluice.engine.types;

/** A Spark SQL data type. Closed family: atomic types, decimals, arrays, maps and structs. */
public sealed interface DataType permits AtomicType, DecimalType, ArrayType, MapType, StructType {

    /** Spark's {@code simpleString}: {@code int}, {@code decimal(10,2)}, {@code array<string>}. */
    String simpleString();

    /**
     * Spark's {@code sql} form, used in its error messages and DDL: {@code INT}, {@code DECIMAL(10,2)},
     * {@code ARRAY<INT>}, {@code MAP<STRING, INT>}, {@code STRUCT<a: INT, `b c`: STRING>}.
     */
    String sql();

    /** How a column of this type is stored in a {@link ColumnVector}. */
    Storage storage();

    /** The physical layout of a column. */
    enum Storage { LONG, DOUBLE, BOOLEAN, OBJECT }

    default boolean isNumeric() {
        return isIntegral() || this == AtomicType.FLOAT || this == AtomicType.DOUBLE || this instanceof DecimalType;
    }

    /** TINYINT, SMALLINT, INT or BIGINT: Spark's IntegralType. */
    default boolean isIntegral() {
        return this == AtomicType.TINYINT || this == AtomicType.SMALLINT || this == AtomicType.INT
                || this == AtomicType.BIGINT;
    }

    /** One of Spark's ANSI intervals: day-time or year-month. */
    default boolean isInterval() {
        return this instanceof AtomicType atomic && atomic.startField() != null;
    }

    /** A day-time interval of any fields: Spark's DayTimeIntervalType. */
    default boolean isDayTimeInterval() {
        return isInterval() && !((AtomicType) this).startField().isYearMonth();
    }

    /** A year-month interval of any fields: Spark's YearMonthIntervalType. */
    default boolean isYearMonthInterval() {
        return isInterval() && ((AtomicType) this).startField().isYearMonth();
    }

    /** ARRAY, MAP or STRUCT. */
    default boolean isComplex() {
        return this instanceof ArrayType || this instanceof MapType || this instanceof StructType;
    }

    /** Whether this type, or one nested in it, is of {@code kind} ({@code MapType.class} finds any map). */
    default boolean contains(Class<? extends DataType> kind) {
        if (kind.isInstance(this)) {
            return true;
        }
        if (this instanceof ArrayType array) {
            return array.elementType().contains(kind);
        } else if (this instanceof MapType map) {
            return map.keyType().contains(kind) || map.valueType().contains(kind);
        } else if (this instanceof StructType struct) {
            return struct.fields().stream().anyMatch(f -> f.type().contains(kind));
        }
        return false;
    }
}
