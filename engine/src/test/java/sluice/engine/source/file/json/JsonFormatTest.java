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
import sluice.engine.types.DecimalType;
import sluice.engine.types.Field;
import sluice.engine.types.MapType;
import sluice.engine.types.MapValue;
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
        List<Row> rows = read(SCHEMA, JsonOptions.DEFAULTS,
                "{\"msg\":\"hi\",\"id\":1,\"other\":[1,2]}\n\n{\"id\":2}\n");

        assertThat(rows).containsExactly(Row.of(1, "hi", null), Row.of(2, null, null));
    }

    @Test
    void invalidLineIsCorruptAndTheNextLinesStillRead() throws IOException {
        List<Row> rows = read(SCHEMA, JsonOptions.DEFAULTS, "{\"id\":1}\n{\"id\":2,\n{\"id\":3}\nnot "
                + "json\n{\"id\":4}\n");

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
    void nonNumericNumbersAreFloatsAndDoublesByDefaultAndTheirTextInStrings() throws IOException {
        Schema schema = Schema.of(Field.of("f", AtomicType.FLOAT), Field.of("d", AtomicType.DOUBLE),
                Field.of("s", AtomicType.STRING));

        List<Row> rows = read(schema, JsonOptions.DEFAULTS, """
                {"f": NaN, "d": -Infinity, "s": +INF}
                {"f": +Infinity, "d": -INF, "s": NaN}
                {"f": "Infinity", "d": "-INF", "s": "NaN"}
                """);

        assertThat(rows).containsExactly(Row.of(Float.NaN, Double.NEGATIVE_INFINITY, "+INF"),
                Row.of(Float.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, "NaN"),
                Row.of(Float.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, "NaN"));
    }

    @Test
    void aNonNumericNumberFailsItsFieldInIntegerAndDecimalColumns() throws IOException {
        Schema schema = Schema.of(Field.of("i", AtomicType.INT), Field.of("m", new DecimalType(10, 2)),
                Field.of("n", AtomicType.BIGINT), Field.of("_corrupt_record", AtomicType.STRING));

        List<Row> rows = read(schema, JsonOptions.DEFAULTS, "{\"i\": NaN, \"n\": 1}\n{\"m\": -Infinity, \"n\": 2}\n");

        assertThat(rows).containsExactly(Row.of(null, null, 1L, "{\"i\": NaN, \"n\": 1}"),
                Row.of(null, null, 2L, "{\"m\": -Infinity, \"n\": 2}"));
    }

    @Test
    void aStringThatIsNoNumberFailsItsFieldInFloatAndDoubleColumns() throws IOException {
        Schema schema = Schema.of(Field.of("f", AtomicType.FLOAT), Field.of("d", AtomicType.DOUBLE),
                Field.of("_corrupt_record", AtomicType.STRING));

        List<Row> rows = read(schema, JsonOptions.DEFAULTS, "{\"f\": \"INF\", \"d\": 1}\n{\"f\": 2, \"d\": \"x\"}\n");

        assertThat(rows).containsExactly(Row.of(null, 1.0, "{\"f\": \"INF\", \"d\": 1}"),
                Row.of(2.0f, null, "{\"f\": 2, \"d\": \"x\"}"));
    }

    @Test
    void withoutAllowNonNumericNumbersTheTokenBreaksTheLineAndItsTextIsNoDouble() throws IOException {
        Schema schema = Schema.of(Field.of("d", AtomicType.DOUBLE), Field.of("_corrupt_record", AtomicType.STRING));
        JsonOptions strict = JsonOptions.DEFAULTS.withSyntax(new JsonSyntax(false, false, true, false, false, false,
                false));

        List<Row> rows = read(schema, strict, "{\"d\": NaN}\n{\"d\": \"NaN\"}\n{\"d\": 1.5}\n");

        assertThat(rows).containsExactly(Row.of(null, "{\"d\": NaN}"), Row.of(null, "{\"d\": \"NaN\"}"),
                Row.of(1.5, null));
    }

    @Test
    void singleQuotesAreStringsAndNamesByDefaultAndMalformedWithoutThem() throws IOException {
        String text = "{'id': 1, 'msg': 'say \"hi\"'}\n{\"id\": 2, \"msg\": 'it\\'s'}\n";
        JsonOptions strict = JsonOptions.DEFAULTS.withSyntax(new JsonSyntax(false, false, false, false, true, false,
                false));

        List<Row> spark = read(SCHEMA, JsonOptions.DEFAULTS, text);
        List<Row> noSingleQuotes = read(SCHEMA, strict, text);

        assertThat(spark).containsExactly(Row.of(1, "say \"hi\"", null), Row.of(2, "it's", null));
        assertThat(noSingleQuotes).containsExactly(Row.of(null, null, "{'id': 1, 'msg': 'say \"hi\"'}"),
                Row.of(null, null, "{\"id\": 2, \"msg\": 'it\\'s'}"));
    }

    @Test
    void theOtherSyntaxOptionsAcceptWhatTheyNameAndSparksDefaultsRefuseIt() throws IOException {
        Schema schema = Schema.of(Field.of("n", AtomicType.BIGINT), Field.of("s", AtomicType.STRING));
        String text = "{n: 1}\n{\"n\": 007}\n{\"s\": \"a\\qb\"}\n{\"s\": \"tab\tin\"}\n{\"n\": 5 /* five */}\n";
        JsonOptions lenient = JsonOptions.DEFAULTS.withSyntax(new JsonSyntax(true, true, true, true, true, true,
                true));

        List<Row> accepted = read(schema, lenient, text);
        List<Row> spark = read(schema, JsonOptions.DEFAULTS, text);

        assertThat(accepted).containsExactly(Row.of(1L, null), Row.of(7L, null), Row.of(null, "aqb"),
                Row.of(null, "tab\tin"), Row.of(5L, null));
        assertThat(spark).containsOnly(Row.of(null, null));
    }

    @Test
    void aStringColumnTakesOtherValuesExactlyAsTheFileHasThem() throws IOException {
        List<Row> rows = read(SCHEMA, JsonOptions.DEFAULTS,
                "{\"id\": 1, \"msg\": 1.50}\n{\"id\": 2, \"msg\": { 'a' : [1e2, true] } }\n");

        assertThat(rows).containsExactly(Row.of(1, "1.50", null), Row.of(2, "{ 'a' : [1e2, true] }", null));
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

    @Test
    void objectsReadIntoMapsInTheirOrderWithEveryKey() throws IOException {
        Schema schema = Schema.of(Field.of("m", MapType.of(AtomicType.STRING, new ArrayType(AtomicType.INT, true))));

        List<Row> rows = read(schema, JsonOptions.DEFAULTS,
                "{\"m\":{\"z\":[1],\"a\":null,\"z\":[]}}\n{\"m\":{}}\n{\"m\":null}\n");

        assertThat(rows).containsExactly(
                Row.of(new MapValue(List.of("z", "a", "z"), java.util.Arrays.asList(List.of(1), null, List.of()))),
                Row.of(MapValue.EMPTY), Row.of((Object) null));
    }

    @Test
    void aMapValueOfTheWrongTypeMakesTheRecordMalformed() throws IOException {
        Schema schema = Schema.of(Field.of("m", MapType.of(AtomicType.STRING, AtomicType.INT)),
                Field.of("_corrupt_record", AtomicType.STRING));

        List<Row> rows = read(schema, JsonOptions.DEFAULTS, "{\"m\":{\"a\":\"x\"}}\n");

        assertThat(rows).containsExactly(Row.of(null, "{\"m\":{\"a\":\"x\"}}"));
    }
}
