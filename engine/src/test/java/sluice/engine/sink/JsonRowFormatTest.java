package sluice.engine.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import sluice.engine.types.ArrayType;
import sluice.engine.types.AtomicType;
import sluice.engine.types.Batch;
import sluice.engine.types.Bytes;
import sluice.engine.types.DecimalType;
import sluice.engine.types.Field;
import sluice.engine.types.MapType;
import sluice.engine.types.MapValue;
import sluice.engine.types.Row;
import sluice.engine.types.Schema;
import sluice.engine.types.StructType;

class JsonRowFormatTest {
    private static final Schema SCHEMA = Schema.of(Field.of("name", AtomicType.STRING),
            Field.of("x", AtomicType.DOUBLE), Field.of("f", AtomicType.FLOAT), Field.of("ts", AtomicType.TIMESTAMP),
            Field.of("d", AtomicType.DATE), Field.of("dec", new DecimalType(10, 2)),
            Field.of("tags", new ArrayType(AtomicType.STRING, true)),
            Field.of("pos", new StructType(List.of(Field.of("a", AtomicType.INT), Field.of("b", AtomicType.INT)))));

    private static String written(JsonRowFormat format, Batch rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        format.write(rows, ZoneId.of("UTC"), out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void writesOneObjectPerLineWithNullFieldsLeftOut() throws IOException {
        Batch rows = Batch.ofRows(SCHEMA, List.of(
                Row.of("é \"q\"", 1.0E10, 0.1f, Instant.parse("2024-03-01T12:00:00Z"), LocalDate.of(2024, 3, 1),
                        new BigDecimal("3.10"), Arrays.asList("a", null), Row.of(1, null)),
                Row.of(null, null, null, null, null, null, null, null)));

        String text = written(JsonRowFormat.defaults(), rows);

        assertThat(text).isEqualTo("{\"name\":\"é \\\"q\\\"\",\"x\":1.0E10,\"f\":0.1,"
                + "\"ts\":\"2024-03-01T12:00:00.000Z\",\"d\":\"2024-03-01\",\"dec\":3.10,\"tags\":[\"a\",null],"
                + "\"pos\":{\"a\":1}}\n{}\n");
    }

    @Test
    void writesTimestampNtzByTimestampNtzFormat() throws IOException {
        Batch rows = Batch.ofRows(Schema.of(Field.of("t", AtomicType.TIMESTAMP_NTZ)),
                List.of(Row.of(LocalDateTime.of(2024, 2, 29, 10, 30))));
        JsonRowFormat formatted = new JsonRowFormat(true, CsvRowFormat.DEFAULT_DATE_FORMAT, "yyyy", "dd/MM/yyyy HH:mm");

        assertThat(written(JsonRowFormat.defaults(), rows)).isEqualTo("{\"t\":\"2024-02-29T10:30:00.000\"}\n");
        assertThat(written(formatted, rows)).isEqualTo("{\"t\":\"29/02/2024 10:30\"}\n");
    }

    @Test
    void keepsNullFieldsWhenAsked() throws IOException {
        Batch rows = Batch.ofRows(Schema.of(Field.of("a", AtomicType.INT)), List.of(Row.of((Object) null)));
        JsonRowFormat keepNulls = new JsonRowFormat(false, CsvRowFormat.DEFAULT_DATE_FORMAT,
                CsvRowFormat.DEFAULT_TIMESTAMP_FORMAT, CsvRowFormat.DEFAULT_TIMESTAMP_NTZ_FORMAT);

        assertThat(written(keepNulls, rows)).isEqualTo("{\"a\":null}\n");
    }

    @Test
    void lineSepEndsEveryObjectInTheCharsetOfEncoding() throws IOException {
        Batch rows = Batch.ofRows(Schema.of(Field.of("a", AtomicType.INT)), List.of(Row.of(1), Row.of(2)));
        JsonRowFormat crlf = new JsonRowFormat(true, CsvRowFormat.DEFAULT_DATE_FORMAT,
                CsvRowFormat.DEFAULT_TIMESTAMP_FORMAT, CsvRowFormat.DEFAULT_TIMESTAMP_NTZ_FORMAT, "\r\n",
                StandardCharsets.UTF_16LE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        crlf.write(rows, ZoneId.of("UTC"), out);

        assertThat(out.toString(StandardCharsets.UTF_16LE)).isEqualTo("{\"a\":1}\r\n{\"a\":2}\r\n");
    }

    @Test
    void smallIntegersAsNumbersAndBinaryAsBase64() throws IOException {
        Schema schema = Schema.of(Field.of("t", AtomicType.TINYINT), Field.of("s", AtomicType.SMALLINT),
                Field.of("b", AtomicType.BINARY), Field.of("bs", new ArrayType(AtomicType.BINARY, true)));
        Batch rows = Batch.ofRows(schema, List.of(Row.of((byte) -128, (short) 32767, Bytes.of((byte) 0x41,
                (byte) 0x42, (byte) 0x43), List.of(Bytes.of((byte) 0xFF), Bytes.EMPTY))));

        String text = written(JsonRowFormat.defaults(), rows);

        assertThat(text).isEqualTo("{\"t\":-128,\"s\":32767,\"b\":\"QUJD\",\"bs\":[\"/w==\",\"\"]}\n");
    }

    @Test
    void mapsAreObjectsWithTheirNullValuesAndKeysAsSparkNamesThem() throws IOException {
        Schema schema = Schema.of(Field.of("m", MapType.of(AtomicType.STRING, AtomicType.INT)),
                Field.of("byDay", MapType.of(AtomicType.DATE, AtomicType.STRING)));
        Batch rows = Batch.ofRows(schema, List.of(Row.of(new MapValue(List.of("b", "a"), Arrays.asList(2, null)),
                new MapValue(List.of(LocalDate.of(1970, 1, 3)), List.of("x")))));

        String text = written(JsonRowFormat.defaults(), rows);

        assertThat(text).isEqualTo("{\"m\":{\"b\":2,\"a\":null},\"byDay\":{\"2\":\"x\"}}\n");
    }
}
