package sluice.engine.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.format.PageHeader;
import org.apache.parquet.format.Util;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.SeekableInputStream;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import sluice.engine.diag.SluiceException;
import sluice.engine.source.SourceContext;
import sluice.engine.source.file.parquet.ParquetFormat;
import sluice.engine.source.file.parquet.ParquetInference;
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

/** Parquet files written and read back with every Spark type, each codec, column pruning and broken files. */
class ParquetFilesTest {
    private static final Schema ALL = Schema.of(Field.of("b", AtomicType.BOOLEAN), Field.of("t", AtomicType.TINYINT),
            Field.of("s", AtomicType.SMALLINT), Field.of("i", AtomicType.INT), Field.of("l", AtomicType.BIGINT),
            Field.of("f", AtomicType.FLOAT), Field.of("d", AtomicType.DOUBLE),
            Field.of("d1", new DecimalType(5, 2)), Field.of("d2", new DecimalType(15, 3)),
            Field.of("d3", new DecimalType(30, 4)), Field.of("str", AtomicType.STRING),
            Field.of("bin", AtomicType.BINARY), Field.of("day", AtomicType.DATE), Field.of("ts", AtomicType.TIMESTAMP),
            Field.of("ntz", AtomicType.TIMESTAMP_NTZ),
            Field.of("arr", new ArrayType(AtomicType.INT, true)),
            Field.of("m", new MapType(AtomicType.STRING, AtomicType.DOUBLE, true)),
            Field.of("st", new StructType(List.of(Field.of("x", AtomicType.INT),
                    Field.of("tags", new ArrayType(AtomicType.STRING, true))))));
    private static final SourceContext CONTEXT = new SourceContext("files", null, Clock.systemUTC(), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        rows.add(Row.of(true, (byte) -3, (short) 300, 70_000, 5_000_000_000L, 1.5f, 2.25, new BigDecimal("-123.45"),
                new BigDecimal("123456789012.345"), new BigDecimal("-12345678901234567890123456.7890"), "héllo",
                Bytes.of((byte) 0, (byte) 255), LocalDate.of(1500, 2, 28), Instant.parse("2024-03-01T12:34:56.123456Z"),
                LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_000), Arrays.asList(1, null, 3),
                new MapValue(List.of("a", "b"), Arrays.asList(1.0, null)), Row.of(7, Arrays.asList("p", null))));
        rows.add(Row.of(new Object[ALL.size()]));
        rows.add(Row.of(false, null, null, null, null, null, null, null, null, null, "", Bytes.EMPTY, null,
                Instant.parse("1900-01-01T00:00:00Z"), null, List.of(), MapValue.EMPTY, Row.of(null, null)));
        return rows;
    }

    private Path write(Schema schema, List<Row> rows, ParquetCodec codec) throws IOException {
        Path file = dir.resolve("part-0" + codec.extension() + ".parquet");
        try (OutputStream out = Files.newOutputStream(file)) {
            ParquetBatchWriter.of(codec).write(Batch.ofRows(schema, rows), out);
        }
        return file;
    }

    @Test
    void everyTypeAndNullComesBackAsWritten() throws IOException {
        Path file = write(ALL, rows(), ParquetCodec.SNAPPY);

        assertThat(new ParquetFormat(ALL).read(file, CONTEXT).rows()).containsExactlyElementsOf(rows());
    }

    @Test
    void theFooterHoldsSparksSchemaAndTheParquetTypesSparkWrites() throws IOException {
        Path file = write(ALL, rows(), ParquetCodec.SNAPPY);

        ParquetFileRows.Footer footer = ParquetFileRows.footer(file);
        assertThat(footer.schema()).isEqualTo(ALL);
        assertThat(footer.rows()).isEqualTo(3);
        assertThat(footer.parquet().getType("ts").asPrimitiveType().getPrimitiveTypeName().name()).isEqualTo("INT96");
        assertThat(footer.parquet().getType("d3").asPrimitiveType().getTypeLength()).isEqualTo(13);
        // Without Spark's row metadata the Parquet types alone give the same schema.
        assertThat(ParquetSchemas.toSpark(footer.parquet(), null)).isEqualTo(ALL);
    }

    @ParameterizedTest
    @EnumSource(value = ParquetCodec.class, names = {"LZO", "BROTLI"}, mode = EnumSource.Mode.EXCLUDE)
    void everyCodecSparkWritesWritesAFileThatReadsBack(ParquetCodec codec) throws IOException {
        Path file = write(ALL, rows(), codec);

        assertThat(new ParquetFormat(ALL).read(file, CONTEXT).rows()).containsExactlyElementsOf(rows());
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
            assertThat(reader.getFooter().getBlocks().get(0).getColumns().get(0).getCodec())
                    .isEqualTo(codec.codec());
        }
    }

    @Test
    void onlyTheCodecsWhoseLibrarySparkLacksAreUnavailable() {
        assertThat(ParquetCodec.values()).filteredOn(codec -> !codec.isAvailable())
                .containsExactly(ParquetCodec.LZO, ParquetCodec.BROTLI);
        assertThat(ParquetCodec.availableNames()).isEqualTo("none, uncompressed, snappy, gzip, lz4, lz4_raw, zstd");
        assertThatThrownBy(() -> ParquetBatchWriter.of(ParquetCodec.LZO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void lz4PagesAreFramedAsHadoopsLz4CodecFramesThem() throws IOException {
        // Spark's lz4 is Hadoop's Lz4Codec: a page is a block of its big-endian uncompressed length, then chunks of
        // a big-endian compressed length and raw LZ4 bytes (lz4_raw is the raw bytes alone). One small page is one
        // block of one chunk.
        Schema schema = Schema.of(Field.of("n", AtomicType.INT));
        Path file = write(schema, List.of(Row.of(1), Row.of(2), Row.of(3)), ParquetCodec.LZ4);

        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file));
             SeekableInputStream in = new LocalInputFile(file).newStream()) {
            in.seek(reader.getFooter().getBlocks().get(0).getColumns().get(0).getStartingPos());
            PageHeader page = Util.readPageHeader(in);
            DataInputStream data = new DataInputStream(in);

            assertThat(data.readInt()).isEqualTo(page.getUncompressed_page_size());
            assertThat(data.readInt()).isEqualTo(page.getCompressed_page_size() - 8);
        }
    }

    @Test
    void stringsReadTheSameFromDictionaryAndPlainPages() throws IOException {
        // Over a megabyte of distinct strings: the writer's dictionary overflows and later pages fall back to plain
        // encoding; repeated values and nulls on both sides of that.
        Schema schema = Schema.of(Field.of("s", AtomicType.STRING));
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 40_000; i++) {
            rows.add(Row.of(i % 5 == 0 ? null : i % 3 == 0 ? "symbol-" + i % 7 : "a distinct string, number " + i));
        }
        Path file = write(schema, rows, ParquetCodec.SNAPPY);

        assertThat(new ParquetFormat(schema).read(file, CONTEXT).rows()).containsExactlyElementsOf(rows);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void numbersReadTheSameFromDictionaryAndPlainPagesWithNulls(boolean fewDistinct) throws IOException {
        // More rows than a batch, each column filled into vectors page by page: few distinct values are written as
        // dictionary pages, distinct ones as plain pages (the dictionary would not be smaller); nulls among them, and
        // one column without nulls, whose plain pages are copied in one go.
        Schema schema = Schema.of(Field.of("i", AtomicType.INT), Field.of("l", AtomicType.BIGINT),
                Field.of("f", AtomicType.FLOAT), Field.of("d", AtomicType.DOUBLE), Field.of("day", AtomicType.DATE),
                Field.of("full", AtomicType.DOUBLE));
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            boolean few = fewDistinct;
            rows.add(Row.of(i % 7 == 0 ? null : few ? i % 11 : i * 7919, i % 5 == 0 ? null : few ? i % 13L : i * 3L,
                    i % 3 == 0 ? null : few ? i % 4 + 0.5f : i + 0.25f, i % 9 == 0 ? null : few ? i % 6 * 1.5 : i * 0.5,
                    i % 4 == 0 ? null : LocalDate.ofEpochDay(few ? i % 17 : i), few ? i % 3 * 0.125 : i * 0.125));
        }
        Path file = write(schema, rows, ParquetCodec.SNAPPY);

        assertThat(new ParquetFormat(schema).read(file, CONTEXT).rows()).containsExactlyElementsOf(rows);
    }

    @Test
    void theHybridEncodingReadsAsParquetsOwnDecoderReadsIt() throws IOException {
        java.util.SplittableRandom random = new java.util.SplittableRandom(14);
        for (int bitWidth = 0; bitWidth <= 20; bitWidth++) {
            for (int count : new int[] {1, 7, 8, 9, 100, 1000, 4099}) {
                int[] values = new int[count];
                for (int n = 0; n < count; n++) {
                    // Runs of one value (RLE) among values that change (bit-packed).
                    values[n] = bitWidth == 0 ? 0 : n > 0 && random.nextInt(3) == 0 ? values[n - 1]
                            : random.nextInt(1 << Math.min(bitWidth, 30));
                }
                var encoder = new org.apache.parquet.column.values.rle.RunLengthBitPackingHybridEncoder(bitWidth,
                        64, 1 << 20, new org.apache.parquet.bytes.HeapByteBufferAllocator());
                for (int value : values) {
                    encoder.writeInt(value);
                }
                byte[] bytes = encoder.toBytes().toByteArray();
                int[] expected = new int[count];
                var decoder = new org.apache.parquet.column.values.rle.RunLengthBitPackingHybridDecoder(bitWidth,
                        new java.io.ByteArrayInputStream(bytes));
                for (int n = 0; n < count; n++) {
                    expected[n] = decoder.readInt();
                }
                int[] read = new int[count];
                FlatColumnFeed.hybrid(bytes, 0, bytes.length, bitWidth, read, count);

                assertThat(read).as("width %d, %d values", bitWidth, count).isEqualTo(expected).isEqualTo(values);
            }
        }
    }

    @Test
    void onlyFlatColumnsReadTheSameValuesAsWithNestedOnes() throws IOException {
        // Without a nested column each column is read straight from its reader, not through record assembly.
        Path file = write(ALL, rows(), ParquetCodec.SNAPPY);
        BitSet flat = new BitSet();
        for (int c = 0; c < ALL.size(); c++) {
            if (ALL.field(c).type() instanceof AtomicType || ALL.field(c).type() instanceof DecimalType) {
                flat.set(c);
            }
        }

        List<Row> read = new ParquetFormat(ALL).pruned(flat).read(file, CONTEXT).rows();

        List<Row> expected = new ArrayList<>();
        for (Row row : rows()) {
            Object[] values = new Object[ALL.size()];
            for (int c = flat.nextSetBit(0); c >= 0; c = flat.nextSetBit(c + 1)) {
                values[c] = row.get(c);
            }
            expected.add(Row.of(values));
        }
        assertThat(read).containsExactlyElementsOf(expected);
    }

    @Test
    void pagesOfVersionTwoAndDeltaEncodingsReadThroughParquetsOwnReader() throws IOException {
        // Parquet's second writer version: version 2 data pages and delta encodings, which the page-at-a-time feed
        // hands to Parquet's column reader.
        Path file = dir.resolve("v2.parquet");
        MessageType parquet = MessageTypeParser.parseMessageType(
                "message m { optional int64 n; optional binary s (STRING); optional double d; }");
        SimpleGroupFactory groups = new SimpleGroupFactory(parquet);
        List<Row> expected = new ArrayList<>();
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file)).withType(parquet)
                .withWriterVersion(ParquetProperties.WriterVersion.PARQUET_2_0).withPageRowCountLimit(700).build()) {
            for (int i = 0; i < 3000; i++) {
                Group group = groups.newGroup();
                Long n = i % 7 == 0 ? null : i * 1_000_003L;
                String text = i % 5 == 0 ? null : i % 2 == 0 ? "even" : "odd " + i;
                Double d = i % 3 == 0 ? null : i / 4.0;
                if (n != null) {
                    group.append("n", n);
                }
                if (text != null) {
                    group.append("s", text);
                }
                if (d != null) {
                    group.append("d", d);
                }
                writer.write(group);
                expected.add(Row.of(n, text, d));
            }
        }
        Schema schema = Schema.of(Field.of("n", AtomicType.BIGINT), Field.of("s", AtomicType.STRING),
                Field.of("d", AtomicType.DOUBLE));

        assertThat(new ParquetFormat(schema).read(file, CONTEXT).rows()).containsExactlyElementsOf(expected);
    }

    @Test
    void aPrunedReadDecodesOnlyTheColumnsAskedFor() throws IOException {
        Path file = write(ALL, rows(), ParquetCodec.SNAPPY);
        BitSet required = new BitSet();
        required.set(ALL.indexOf("i"));
        required.set(ALL.indexOf("st"));

        List<Row> read = new ParquetFormat(ALL).pruned(required).read(file, CONTEXT).rows();

        assertThat(read).hasSize(3);
        assertThat(read.get(0).get(ALL.indexOf("i"))).isEqualTo(70_000);
        assertThat(read.get(0).get(ALL.indexOf("st"))).isEqualTo(Row.of(7, Arrays.asList("p", null)));
        assertThat(read.get(0).get(ALL.indexOf("str"))).isNull();
    }

    @Test
    void columnsAreFoundByNameIgnoringCaseAndAMissingOneIsNull() throws IOException {
        Path file = write(ALL, rows(), ParquetCodec.SNAPPY);
        Schema wanted = Schema.of(Field.of("STR", AtomicType.STRING), Field.of("nothere", AtomicType.INT),
                Field.of("i", AtomicType.BIGINT));

        assertThat(new ParquetFormat(wanted).read(file, CONTEXT).rows().get(0))
                .isEqualTo(Row.of("héllo", null, 70_000L));
    }

    @Test
    void aColumnOfAnotherTypeIsAOneLineProblemNamingTheFile() throws IOException {
        Path file = write(ALL, rows(), ParquetCodec.SNAPPY);
        Schema wanted = Schema.of(Field.of("str", AtomicType.INT));

        assertThatThrownBy(() -> new ParquetFormat(wanted).read(file, CONTEXT))
                .isInstanceOf(SluiceException.class)
                .hasMessageContaining("cannot read file 'part-0.snappy.parquet': [PARQUET_COLUMN_DATA_TYPE_MISMATCH] "
                        + "column 'str' is binary (string) in the file, which Spark does not read as INT");
    }

    @Test
    void aFileThatIsNotParquetIsAOneLineProblemNamingTheFile() throws IOException {
        Path file = Files.writeString(dir.resolve("broken.parquet"), "not parquet at all");

        assertThatThrownBy(() -> new ParquetFormat(ALL).read(file, CONTEXT))
                .isInstanceOf(SluiceException.class)
                .hasMessageContaining("cannot read file 'broken.parquet': not a readable Parquet file")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void mergeSchemaUnitesTheColumnsOfEveryFile() throws IOException {
        Schema first = Schema.of(Field.of("a", AtomicType.INT), Field.of("b", AtomicType.STRING));
        Schema second = Schema.of(Field.of("c", AtomicType.DOUBLE), Field.of("a", AtomicType.INT));
        Path one = write(first, List.of(Row.of(1, "x")), ParquetCodec.SNAPPY);
        Path two = Files.move(write(second, List.of(Row.of(2.0, 3)), ParquetCodec.GZIP), dir.resolve("part-1.parquet"));

        assertThat(ParquetInference.infer("files", List.of(one, two), false)).isEqualTo(first);
        assertThat(ParquetInference.infer("files", List.of(one, two), true))
                .isEqualTo(Schema.of(Field.of("a", AtomicType.INT), Field.of("b", AtomicType.STRING),
                        Field.of("c", AtomicType.DOUBLE)));
    }
}
