package sluice.engine.sink.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import sluice.engine.types.ArrayType;
import sluice.engine.types.AtomicType;
import sluice.engine.types.DataType;
import sluice.engine.types.Schema;
import sluice.engine.types.StructType;

/**
 * Where a Kafka sink finds each part of a record in its input, by Spark's column names (ignoring case, as Spark
 * resolves them): -1 for a column that is not there. {@link #check} gives Spark's reasons when the input cannot be
 * written. Immutable.
 */
public record RecordColumns(int topic, int key, int value, int headers, int partition) {

    public static RecordColumns of(Schema input) {
        return new RecordColumns(index(input, "topic"), index(input, "key"), index(input, "value"),
                index(input, "headers"), index(input, "partition"));
    }

    private static int index(Schema input, String name) {
        for (int i = 0; i < input.size(); i++) {
            if (input.field(i).name().toLowerCase(Locale.ROOT).equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** What is wrong with writing {@code input} (empty when nothing), each with the option or column it is about. */
    public List<String> check(Schema input, boolean hasTopicOption) {
        List<String> problems = new ArrayList<>();
        if (topic < 0 && !hasTopicOption) {
            problems.add("the input has no 'topic' column and the 'topic' option is not set; set the option or "
                    + "add a STRING column 'topic'");
        } else if (topic >= 0 && !hasTopicOption && input.field(topic).type() != AtomicType.STRING) {
            problems.add("column 'topic' must be STRING, not " + input.field(topic).type().sql());
        }
        if (value < 0) {
            problems.add("the input has no 'value' column; add one (STRING or BINARY), such as 'CAST("
                    + quoted(input.field(0).name()) + " AS STRING) AS value'; its columns are " + names(input));
        } else if (!isText(input.field(value).type())) {
            problems.add("column 'value' must be STRING or BINARY, not " + input.field(value).type().sql());
        }
        if (key >= 0 && !isText(input.field(key).type())) {
            problems.add("column 'key' must be STRING or BINARY, not " + input.field(key).type().sql());
        }
        if (headers >= 0 && !isHeaders(input.field(headers).type())) {
            problems.add("column 'headers' must be ARRAY<STRUCT<key: STRING, value: BINARY>>, not "
                    + input.field(headers).type().sql());
        }
        if (partition >= 0 && input.field(partition).type() != AtomicType.INT) {
            problems.add("column 'partition' must be INT, not " + input.field(partition).type().sql());
        }
        return problems;
    }

    private static boolean isText(DataType type) {
        return type == AtomicType.STRING || type == AtomicType.BINARY;
    }

    private static boolean isHeaders(DataType type) {
        if (!(type instanceof ArrayType array) || !(array.elementType() instanceof StructType struct)
                || struct.fields().size() != 2) {
            return false;
        }
        return struct.fields().get(0).type() == AtomicType.STRING && struct.fields().get(1).type() == AtomicType.BINARY;
    }

    /** A column name as an expression would write it: backquoted unless it is a plain name. */
    private static String quoted(String name) {
        return name.matches("[A-Za-z_][A-Za-z0-9_]*") ? name : "`" + name.replace("`", "``") + "`";
    }

    private static String names(Schema input) {
        return String.join(", ", input.names().stream().map(n -> "'" + n + "'").toList());
    }
}
