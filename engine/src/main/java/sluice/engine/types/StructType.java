package sluice.engine.types;

import java.util.List;
import java.util.stream.Collectors;

/** Spark's STRUCT; a value is a {@link Row} with one value per field. */
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

    @Override
    public String sql() {
        return fields.stream().map(f -> f.name() + ": " + f.type().sql())
                .collect(Collectors.joining(", ", "STRUCT<", ">"));
    }

    @Override
    public Storage storage() {
        return Storage.OBJECT;
    }
}
