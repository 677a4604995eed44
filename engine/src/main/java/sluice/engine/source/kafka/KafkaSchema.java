package sluice.engine.source.kafka;

import java.util.ArrayList;
import java.util.List;
import sluice.engine.types.ArrayType;
import sluice.engine.types.AtomicType;
import sluice.engine.types.Field;
import sluice.engine.types.Schema;
import sluice.engine.types.StructType;

/** Spark's Kafka source columns, in Spark's order and types; {@code headers} only with {@code includeHeaders}. */
public final class KafkaSchema {
    public static final int KEY = 0;
    public static final int VALUE = 1;
    public static final int TOPIC = 2;
    public static final int PARTITION = 3;
    public static final int OFFSET = 4;
    public static final int TIMESTAMP = 5;
    public static final int TIMESTAMP_TYPE = 6;
    public static final int HEADERS = 7;
    /** A header as Spark reads it: {@code struct<key:string,value:binary>}. */
    public static final StructType HEADER = new StructType(List.of(Field.of("key", AtomicType.STRING),
            Field.of("value", AtomicType.BINARY)));
    public static final ArrayType HEADERS_TYPE = new ArrayType(HEADER, true);

    private KafkaSchema() {
    }

    public static Schema of(boolean includeHeaders) {
        List<Field> fields = new ArrayList<>(List.of(Field.of("key", AtomicType.BINARY),
                Field.of("value", AtomicType.BINARY), Field.of("topic", AtomicType.STRING),
                Field.of("partition", AtomicType.INT), Field.of("offset", AtomicType.BIGINT),
                Field.of("timestamp", AtomicType.TIMESTAMP), Field.of("timestampType", AtomicType.INT)));
        if (includeHeaders) {
            fields.add(Field.of("headers", HEADERS_TYPE));
        }
        return new Schema(fields);
    }
}
