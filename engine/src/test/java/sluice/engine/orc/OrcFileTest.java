package sluice.engine.orc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import org.apache.orc.CompressionKind;
import org.apache.orc.OrcFile;
import org.apache.orc.Reader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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

class OrcFileTest {
    private static final StructType POINT = new StructType(List.of(Field.of("x", AtomicType.DOUBLE),
            Field.of("label", AtomicType.STRING)));
    private static final Schema EVERY_TYPE = Schema.of(Field.of("b", AtomicType.BOOLEAN),
            Field.of("t", AtomicType.TINYINT), Field.of("s", AtomicType.SMALLINT), Field.of("i", AtomicType.INT),
            Field.of("l", AtomicType.BIGINT), Field.of("f", AtomicType.FLOAT), Field.of("d", AtomicType.DOUBLE),
            Field.of("dec", new DecimalType(12, 3)), Field.of("str", AtomicType.STRING),
            Field.of("bin", AtomicType.BINARY), Field.of("day", AtomicType.DATE),
            Field.of("ts", AtomicType.TIMESTAMP), Field.of("ntz", AtomicType.TIMESTAMP_NTZ),
            Field.of("point", POINT), Field.of("tags", new ArrayType(AtomicType.STRING, true)),
            Field.of("counts", new MapType(AtomicType.STRING, AtomicType.INT, true)),
            Field.of("days", new ArrayType(AtomicType.DATE, true)));

    @TempDir
    Path dir;

    private static List<Row> everyTypeRows() {
        List<Row> rows = new ArrayList<>();
        rows.add(Row.of(true, (byte) -7, (short) 300, 70_000, 5_000_000_000L, 1.5f, -2.25,
                new BigDecimal("123456789.125"), "zürich", Bytes.of((byte) 0, (byte) 255),
                LocalDate.of(2024, 2, 29), Instant.parse("2024-03-01T12:34:56.123456Z"),
                LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_000), new Row(Arrays.asList(1.0, "p")),
                Arrays.asList("a", null, "c"), new MapValue(List.of("k", "m"), Arrays.asList(1, null)),
                Arrays.asList(LocalDate.of(1900, 1, 1), null)));
        Object[] nulls = new Object[EVERY_TYPE.size()];
        rows.add(new Row(Arrays.asList(nulls)));
        rows.add(Row.of(false, (byte) 0, (short) 0, 0, 0L, 0f, 0.0, new BigDecimal("0.000"), "", Bytes.EMPTY,
                LocalDate.of(1970, 1, 1), Instant.parse("1960-01-01T00:00:00.000001Z"),
                LocalDateTime.of(2024, 1, 1, 0, 0), new Row(Arrays.asList(null, null)), List.of(), MapValue.EMPTY,
                List.of()));
        return rows;
    }

    private Path write(String name, Batch rows, OrcCodec codec) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            OrcFileWriter.write(rows, codec, out);
        }
        return file;
    }

    private static List<Row> read(Path file, Schema schema, BitSet required) throws IOException {
        List<Row> rows = new ArrayList<>();
        OrcFileReader.read(file, schema, required, 2, batch -> rows.addAll(batch.rows()));
        return rows;
    }

    @Test
    void everyTypeAndNullsComeBackAsWritten() throws IOException {
        Path file = write("all.orc", Batch.ofRows(EVERY_TYPE, everyTypeRows()), OrcCodec.DEFAULT);

        assertThat(OrcFileReader.schema(file)).isEqualTo(EVERY_TYPE);
        assertThat(read(file, EVERY_TYPE, null)).isEqualTo(everyTypeRows());
    }

    @Test
    void theOrcTypesAreSparks() throws IOException {
        Path file = write("all.orc", Batch.ofRows(EVERY_TYPE, everyTypeRows()), OrcCodec.DEFAULT);

        try (Reader reader = OrcFile.createReader(OrcFiles.path(file), OrcFile.readerOptions(OrcFiles.conf())
                .filesystem(OrcFiles.local()))) {
            assertThat(reader.getSchema().toString()).isEqualTo("struct<b:boolean,t:tinyint,s:smallint,i:int,"
                    + "l:bigint,f:float,d:double,dec:decimal(12,3),str:string,bin:binary,day:date,ts:timestamp,"
                    + "ntz:bigint,point:struct<x:double,label:string>,tags:array<string>,counts:map<string,int>,"
                    + "days:array<date>>");
            assertThat(reader.getSchema().findSubtype("ntz").getAttributeValue(OrcTypes.CATALYST_TYPE))
                    .isEqualTo("timestamp_ntz");
            assertThat(reader.getCompressionKind()).isEqualTo(CompressionKind.ZSTD);
        }
    }

    @Test
    void eachCodecSparkNamesWritesAFileThatReadsBack() throws IOException {
        for (OrcCodec codec : OrcCodec.values()) {
            if (!codec.isAvailable()) {
                continue;
            }
            Path file = write(codec + ".orc", Batch.ofRows(EVERY_TYPE, everyTypeRows()), codec);

            assertThat(read(file, EVERY_TYPE, null)).as(codec.name()).isEqualTo(everyTypeRows());
        }
    }

    @Test
    void onlyTheRequiredColumnsAreReadTheOthersAreNull() throws IOException {
        Path file = write("all.orc", Batch.ofRows(EVERY_TYPE, everyTypeRows()), OrcCodec.SNAPPY);
        BitSet required = new BitSet();
        required.set(3);
        required.set(8);

        List<Row> rows = read(file, EVERY_TYPE, required);

        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).get(3)).isEqualTo(70_000);
        assertThat(rows.get(0).get(8)).isEqualTo("zürich");
        assertThat(rows.get(0).values().stream().filter(v -> v != null)).hasSize(2);
    }

    @Test
    void noRequiredColumnStillCountsTheRows() throws IOException {
        Path file = write("all.orc", Batch.ofRows(EVERY_TYPE, everyTypeRows()), OrcCodec.ZLIB);

        assertThat(read(file, EVERY_TYPE, new BitSet())).hasSize(3);
    }

    @Test
    void columnsAreFoundByNameIgnoringCaseAndMissingOnesReadAsNull() throws IOException {
        Path file = write("all.orc", Batch.ofRows(EVERY_TYPE, everyTypeRows()), OrcCodec.LZ4);
        Schema wanted = Schema.of(Field.of("STR", AtomicType.STRING), Field.of("absent", AtomicType.INT),
                Field.of("i", AtomicType.INT));

        assertThat(read(file, wanted, null).get(0)).isEqualTo(Row.of("zürich", null, 70_000));
    }

    @Test
    void anEmptyBatchIsAFileWithTheSchemaAndNoRows() throws IOException {
        Path file = write("empty.orc", Batch.empty(EVERY_TYPE), OrcCodec.DEFAULT);

        assertThat(OrcFileReader.schema(file)).isEqualTo(EVERY_TYPE);
        assertThat(read(file, EVERY_TYPE, null)).isEmpty();
    }

    @Test
    void manyRowsCrossOrcsBatchesOfAThousand() throws IOException {
        Schema schema = Schema.of(Field.of("n", AtomicType.BIGINT), Field.of("tags",
                new ArrayType(AtomicType.INT, true)));
        List<Row> rows = new ArrayList<>();
        for (long n = 0; n < 2500; n++) {
            rows.add(Row.of(n % 7 == 0 ? null : n, List.of((int) n, (int) n + 1)));
        }
        Path file = write("many.orc", Batch.ofRows(schema, rows), OrcCodec.DEFAULT);

        List<Row> back = new ArrayList<>();
        OrcFileReader.read(file, schema, null, 4096, batch -> back.addAll(batch.rows()));
        assertThat(back).isEqualTo(rows);
    }

    @Test
    void stringsReadTheSameFromDictionaryAndDirectEncoding() throws IOException {
        // A column of few distinct values (ORC writes a dictionary) and one of distinct values (direct encoding, a
        // buffer ORC reuses from batch to batch), with nulls and empty strings, read in batches of 1000.
        Schema schema = Schema.of(Field.of("few", AtomicType.STRING), Field.of("distinct", AtomicType.STRING));
        List<Row> rows = new ArrayList<>();
        for (int n = 0; n < 5000; n++) {
            rows.add(Row.of(n % 11 == 0 ? null : n % 13 == 0 ? "" : "symbol-" + n % 8,
                    n % 9 == 0 ? null : "value ünïcode " + n));
        }
        Path file = write("strings.orc", Batch.ofRows(schema, rows), OrcCodec.DEFAULT);

        List<Row> back = new ArrayList<>();
        OrcFileReader.read(file, schema, null, 1000, batch -> back.addAll(batch.rows()));
        assertThat(back).isEqualTo(rows);
    }

    @Test
    void aFileThatIsNotOrcIsAOneLineError() throws IOException {
        Path file = dir.resolve("bad.orc");
        Files.writeString(file, "this is not an ORC file at all, just some text\n");

        assertThatThrownBy(() -> OrcFileReader.schema(file)).isInstanceOf(IOException.class)
                .hasMessageStartingWith("not an ORC file, or a damaged one").hasMessageNotContaining("\n");
    }

    @Test
    void aTruncatedFileIsAnError() throws IOException {
        Path file = write("all.orc", Batch.ofRows(EVERY_TYPE, everyTypeRows()), OrcCodec.DEFAULT);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));

        assertThatThrownBy(() -> read(file, EVERY_TYPE, null)).isInstanceOf(IOException.class);
    }

    @Test
    void aTimestampColumnDoesNotReadAsTimestampNtz() throws IOException {
        Path file = write("all.orc", Batch.ofRows(EVERY_TYPE, everyTypeRows()), OrcCodec.DEFAULT);

        assertThatThrownBy(() -> read(file, Schema.of(Field.of("ts", AtomicType.TIMESTAMP_NTZ)), null))
                .isInstanceOf(IOException.class)
                .hasMessage("[UNSUPPORTED_FEATURE.ORC_TYPE_CAST] Unable to convert \"TIMESTAMP\" of Orc to data "
                        + "type \"TIMESTAMP_NTZ\" (column 'ts')");
    }
}
