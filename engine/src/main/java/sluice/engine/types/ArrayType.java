package sluice.engine.types;

import static java.util.Objects.requireNonNull;

/**
 * Spark's ARRAY; a value is an unmodifiable {@link java.util.List} of element values in the Java form of
 * {@link ColumnVector#get}, nulls included.
 */
public record ArrayType(DataType elementType, boolean containsNull) implements DataType {
    public ArrayType {
        requireNonNull(elementType, "elementType is null");
    }

    @Override
    public String simpleString() {
        return "array<" + elementType.simpleString() + ">";
    }

    @Override
    public String sql() {
        return "ARRAY<" + elementType.sql() + ">";
    }

    @Override
    public Storage storage() {
        return Storage.OBJECT;
    }
}
