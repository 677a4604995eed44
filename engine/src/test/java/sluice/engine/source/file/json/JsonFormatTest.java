package sluice.engine.source.file.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sluice.engine.diag.SluiceException;
import sluice.engine.source.SourceContext;
import sluice.engine.source.file.ParseMode;
import sluice.engine.types.ArrayType;
import sluice.engine.types.AtomicType;
import sluice.engine.types.Field;
import sluice.engine.types.Row;
import sluice.engine.types.Schema;
import sluice.engine.types.StructType;

class JsonFormatTest {
    private static final Schema SCHEMA = Schema.of(Field.of("id", AtomicType.INT), Field.of("msg", AtomicType.STRING),
            Field.of("_corrupt_record", AtomicType.STRING));
    private static final SourceContext CONTEXT = new SourceContext("events", null, Clock.systemUTC(), ZoneOffset.UTC);

    @TempDir
    Path folder;

    private List<Row> read(Schema schema, JsonOptions options, String text) throws IOException {
        Path file = folder.resolve("events.json");
        Files.writeString(file, text);
        return new JsonFormat(schema, options).read(file, CONTEXT).rows();
    }

    private List<Row> read(Schema schema, JsonOptions options, byte[] text) throws IOException {
        Path file = folder.resolve("events.json");
        Files.write(file, text);
        return new JsonFormat(schema, options).read(file, CONTEXT).rows();
    }

    /** Strings as UTF-8 and integers as single bytes, in order. */
    private static byte[] bytes(Object... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof Integer b) {
                out.write(b);
            } else {
                out.writeBytes(part.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }

    @Test
    void fieldsMatchByNameAndMissingOnesAreNull() throws IOException {
        List<Row> rows = read(SCHEMA, JsonOptions.DEFAULTS, "{\"msg\":\"hi\",\"id\":1,\"other\":[1,2]}\n\n{\"id\":2}\n");

        assertThat(rows).containsExactly(Row.of(1, "hi", null), Row.of(2, null, null));
    }

    @Test
    void invalidLineIsCorruptAndTheNextLinesStillRead() throws IOException {
        List<Row> rows = read(SCHEMA, JsonOptions.DEFAULTS, "{\"id\":1}\n{\"id\":2,\n{\"id\":3}\nnot json\n{\"id\":4}\n");

        assertThat(rows).containsExactly(Row.of(1, null, null), Row.of(null, null, "{\"id\":2,"),
                Row.of(3, null, null), Row.of(null, null, "not json"), Row.of(4, null, null));
    }

    @Test
    void valueOfTheWrongTypeNullsOnlyThatFieldAsSpark4sPartialResults() throws IOException {
        List<Row> rows = read(SCHEMA, JsonOptions.DEFAULTS, "{\"id\":\"12\",\"msg\":\"x\"}\n{\"id\":5,\"msg\":7}\n");

        assertThat(rows).containsExactly(Row.of(null, "x", "{\"id\":\"12\",\"msg\":\"x\"}"), Row.of(5, "7", null));
    }

    @Test
    void bytesThatAreNotUtf8FailTheirFieldAndTheParserGoesOnWhereJacksonStopped() throws IOException {
        // Line 1: the string's 3-byte sequence swallows its closing quote, then ',"id":4}' reads on, as in Spark.
        // Line 2: Jackson stops after 0xFF, then 'd' is no comma: nothing of the object is kept.
        byte[] text = bytes("{\"msg\":\"", 0xE2, 0x82, "\",\"id\":4}\n", "{\"msg\":\"b", 0xFF, "d\",\"id\":2}\n",
                "{\"id\":3}\n");

        List<Row> rows = read(SCHEMA, JsonOptions.DEFAULTS, text);

        assertThat(rows).containsExactly(Row.of(4, null, "{\"msg\":\"\uFFFD\",\"id\":4}"),
                Row.of(null, null, "{\"msg\":\"b\uFFFDd\",\"id\":2}"), Row.of(3, null, null));
    }

    @Test
    void dropMalformedKeepsTheOtherRows() throws IOException {
        List<Row> rows = read(SCHEMA, JsonOptions.DEFAULTS.withMode(ParseMode.DROPMALFORMED),
                "{\"id\":1}\n{oops\n{\"id\":3}\n");

        assertThat(rows).extracting(r -> r.get(0)).containsExactly(1, 3);
    }

    @Test
    void failFastNamesFileAndLine() {
        assertThatThrownBy(() -> read(SCHEMA, JsonOptions.DEFAULTS.withMode(ParseMode.FAILFAST),
                "{\"id\":1}\n{\"id\":true}\n"))
                .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.getMessage()).isEqualTo(
                        "events: malformed JSON record in 'events.json' line 2: cannot parse 'true' as INT for "
                                + "column 'id'"));
    }

    @Test
    void nestedObjectsArraysAndDatesConvert() throws IOException {
        StructType point = new StructType(List.of(Field.of("x", AtomicType.DOUBLE), Field.of("y", AtomicType.DOUBLE)));
        Schema schema = Schema.of(Field.of("p", point), Field.of("tags", new ArrayType(AtomicType.STRING, true)),
                Field.of("day", AtomicType.DATE));

        List<Row> rows = read(schema, JsonOptions.DEFAULTS,
                "{\"p\":{\"x\":1,\"y\":2.5},\"tags\":[\"a\",null],\"day\":\"2015-01-02\"}\n");

        assertThat(rows).containsExactly(Row.of(Row.of(1.0, 2.5), java.util.Arrays.asList("a", null),
                LocalDate.of(2015, 1, 2)));
    }
}
