package sluice.engine.parquet;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.values.bitpacking.ByteBitPackingLE;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.format.Util;
import org.apache.parquet.format.converter.ParquetMetadataConverter;
import org.apache.parquet.hadoop.metadata.FileMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.xerial.snappy.Snappy;

/**
 * Loads and initializes parquet-mr's reading classes on a daemon thread while the command line parses its arguments
 * and plans the pipeline on one core, so that the first Parquet read finds them ready. A fresh process otherwise did
 * it on the reading threads, after the plan: {@code ParquetMetadata}, which every footer read makes, builds a shaded
 * Jackson ObjectMapper when its class is initialized (some 370 classes, for a {@code toJSON} the engine never
 * calls), the footer's Thrift structures and schema classes (a footer of a few columns written and read back in
 * memory), the read options (Hadoop's input format class), the value encodings, the bit unpackers and snappy-java's
 * native library: over 1,000 classes and a quarter of a second of a core. Nothing here reads or writes a file or
 * changes a setting. Stateless.
 */
public final class ParquetWarmUp {
    private ParquetWarmUp() {
    }

    /**
     * Whether a pipeline file's text names the Parquet format: a guess, before the file is parsed, so a wrong one
     * costs only the warm-up or its absence.
     */
    public static boolean wantedBy(String pipelineText) {
        return pipelineText.contains("\"parquet\"");
    }

    /** Starts the warm-up on a daemon thread. */
    public static void start() {
        Thread thread = new Thread(ParquetWarmUp::initialize, "sluice-parquet-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    private static void initialize() {
        try {
            ParquetReadOptions.builder(new PlainParquetConfiguration()).withCodecFactory(new ReadCodecs()).build();
            // A footer written and read back in memory: the Thrift structures, their protocol and the schema
            // classes that every footer read goes through.
            MessageType schema = Types.buildMessage()
                    .optional(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.dateType()).named("day")
                    .optional(PrimitiveTypeName.DOUBLE).named("price")
                    .optional(PrimitiveTypeName.INT64).named("count")
                    .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("name")
                    .named("warm_up");
            ParquetMetadataConverter converter = new ParquetMetadataConverter();
            ByteArrayOutputStream footer = new ByteArrayOutputStream();
            Util.writeFileMetaData(converter.toParquetMetadata(1,
                    new ParquetMetadata(new FileMetaData(schema, Map.of(), "sluice"), List.of())), footer);
            converter.readParquetMetadata(new ByteArrayInputStream(footer.toByteArray()),
                    ParquetMetadataConverter.NO_FILTER);
            Encoding.RLE_DICTIONARY.usesDictionary();
            ByteBitPackingLE.factory.newBytePacker(1);
            Snappy.getNativeLibraryVersion();
        } catch (IOException | RuntimeException | LinkageError e) {
            // Only time is at stake: the read meets the same failure where it can report it.
        }
    }
}
