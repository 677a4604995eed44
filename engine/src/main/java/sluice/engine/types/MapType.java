package sluice.engine.types;

import static java.util.Objects.requireNonNull;

/**
 * Spark's MAP; a value is a {@link MapValue}. Keys are never null and never maps; {@code valueContainsNull} is kept
 * for Spark's schema but every map Sluice makes allows null values.
 */
public record MapType(DataType keyType, DataType valueType, boolean valueContainsNull) implements DataType {
    public MapType {
        requireNonNull(keyType, "keyType is null");
        requireNonNull(valueType, "valueType is null");
    }

    /** A map whose values may be null, as the expressions and DDL make them. */
    public static MapType of(DataType keyType, DataType valueType) {
        return new MapType(keyType, valueType, true);
    }

    @Override
    public String simpleString() {
        return "map<" + keyType.simpleString() + "," + valueType.simpleString() + ">";
    }

    @Override
    public String sql() {
        return "MAP<" + keyType.sql() + ", " + valueType.sql() + ">";
    }

    @Override
    public Storage storage() {
        return Storage.OBJECT;
    }
}
