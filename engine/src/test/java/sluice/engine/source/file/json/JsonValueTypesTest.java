package sluice.engine.source.file.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sluice.engine.source.SourceContext;
import sluice.engine.types.ArrayType;
import sluice.engine.types.AtomicType;
import sluice.engine.types.Bytes;
import sluice.engine.types.Field;
import sluice.engine.types.Row;
import sluice.engine.types.Schema;

/** TINYINT, SMALLINT and BINARY columns of a JSON file, read as Spark's JacksonParser converts them. */
class JsonValueTypesTest {
    private static final SourceContext CONTEXT = new SourceContext("in", null, Clock.systemUTC(), ZoneOffset.UTC);

    @TempDir
    Path folder;

    private List<Row> read(Schema schema, String text) throws IOException {
        Path file = folder.resolve("a.json");
        Files.writeString(file, text);
        return new JsonFormat(schema, JsonOptions.DEFAULTS).read(file, CONTEXT).rows();
    }

    @Test
    void smallIntegersTakeJacksonsRangesAsSparkDoes() throws IOException {
        Schema schema = Schema.of(Field.of("t", AtomicType.TINYINT), Field.of("s", AtomicType.SMALLINT),
                Field.of("_corrupt_record", AtomicType.STRING));

        List<Row> rows = read(schema, "{\"t\": -128, \"s\": 32767}\n{\"t\": 200, \"s\": 1}\n{\"t\": 256}\n"
                + "{\"s\": 32768}\n{\"t\": 1.5}\n{\"t\": \"7\"}\n");

        // Jackson's getByteValue accepts 128 to 255 as unsigned bytes: 200 reads as -56, as in Spark.
        assertThat(rows).containsExactly(Row.of((byte) -128, (short) 32767, null),
                Row.of((byte) -56, (short) 1, null),
                Row.of(null, null, "{\"t\": 256}"), Row.of(null, null, "{\"s\": 32768}"),
                Row.of(null, null, "{\"t\": 1.5}"), Row.of(null, null, "{\"t\": \"7\"}"));
    }

    @Test
    void binaryIsABase64String() throws IOException {
        Schema schema = Schema.of(Field.of("b", AtomicType.BINARY), Field.of("bs", new ArrayType(AtomicType.BINARY,
                true)), Field.of("_corrupt_record", AtomicType.STRING));

        List<Row> rows = read(schema, "{\"b\": \"QUJD\", \"bs\": [\"/w==\", \"\"]}\n{\"b\": \"\"}\n{\"b\": \"!!\"}\n"
                + "{\"b\": 12}\n{\"b\": \"QUI\"}\n");

        assertThat(rows).containsExactly(
                Row.of(Bytes.utf8("ABC"), List.of(Bytes.of((byte) 0xFF), Bytes.EMPTY), null),
                Row.of(Bytes.EMPTY, null, null),
                Row.of(null, null, "{\"b\": \"!!\"}"), Row.of(null, null, "{\"b\": 12}"),
                Row.of(null, null, "{\"b\": \"QUI\"}"));
    }
}
