package sluice.engine.sink;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneId;
import sluice.engine.parquet.ParquetBatchWriter;
import sluice.engine.types.Batch;

/**
 * Spark's Parquet writer: each partition's rows as one {@code .snappy.parquet} file (or another codec's extension),
 * laid out as Spark writes it. Immutable.
 */
public record ParquetRowFormat(ParquetBatchWriter writer) implements RowFormat {
    public ParquetRowFormat {
        requireNonNull(writer, "writer is null");
    }

    @Override
    public String name() {
        return "parquet";
    }

    /**
     * Spark names a part file {@code part-…c000.<codec>.parquet} with parquet-mr's extension for the codec
     * ({@code gz}, {@code lz4hadoop}, {@code lz4raw}); without compression, {@code part-…c000.parquet}.
     */
    @Override
    public String extension() {
        String codec = writer.codec().extension();
        return codec.isEmpty() ? "parquet" : codec.substring(1) + ".parquet";
    }

    /** Spark's Parquet writer makes its file when the write task starts: an empty batch still gets one. */
    @Override
    public boolean writesEmptyFile() {
        return true;
    }

    @Override
    public void write(Batch rows, ZoneId zone, OutputStream out) throws IOException {
        writer.write(rows, out);
    }
}
