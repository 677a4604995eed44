package sluice.engine.types;

import java.util.List;
import java.util.stream.Collectors;

/** Spark's STRUCT; a value is a {@link Row} with one value per field, in the Java form of {@link ColumnVector#get}. */
public record StructType(List<Field> fields) implements DataType {
    public StructType {
        fields = List.copyOf(fields);
    }

    public Schema toSchema() {
        return new Schema(fields);
    }

    @Override
    public String simpleString() {
        return fields.stream().map(f -> f.name() + ":" + f.type().simpleString())
                .collect(Collectors.joining(",", "struct<", ">"));
    }

    /** Spark's form: names quoted when they are not plain identifiers, and NOT NULL on non-nullable fields. */
    @Override
    public String sql() {
        return fields.stream().map(f -> Schema.quoteIfNeeded(f.name()) + ": " + f.type().sql()
                        + (f.nullable() ? "" : " NOT NULL"))
                .collect(Collectors.joining(", ", "STRUCT<", ">"));
    }

    @Override
    public Storage storage() {
        return Storage.OBJECT;
    }
}
