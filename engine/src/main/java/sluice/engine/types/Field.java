package sluice.engine.types;

import static java.util.Objects.requireNonNull;

/** A named, typed column of a {@link Schema}. */
public record Field(String name, DataType type, boolean nullable) {
    public Field {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
    }

    public static Field of(String name, DataType type) {
        return new Field(name, type, true);
    }

    public Field withName(String newName) {
        return new Field(newName, type, nullable);
    }
}
