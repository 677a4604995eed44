package sluice.engine.types;

/** A Spark SQL data type. Closed family: atomic types, decimals, arrays and structs. */
public sealed interface DataType permits AtomicType, DecimalType, ArrayType, StructType {

    /** Spark's {@code simpleString}: {@code int}, {@code decimal(10,2)}, {@code array<string>}. */
    String simpleString();

    /** Spark's {@code sql} form, used in its error messages: {@code INT}, {@code DECIMAL(10,2)}. */
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
}
