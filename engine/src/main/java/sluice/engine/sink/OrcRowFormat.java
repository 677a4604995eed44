package sluice.engine.sink;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneId;
import sluice.engine.orc.OrcCodec;
import sluice.engine.orc.OrcFileWriter;
import sluice.engine.types.Batch;

/**
 * Spark's ORC writer: each partition's rows as one ORC file compressed with {@code codec} (Spark's default zstd),
 * named {@code ...c000.zstd.orc} as Spark names it. Immutable; any thread.
 */
public record OrcRowFormat(OrcCodec codec) implements RowFormat {
    public OrcRowFormat {
        requireNonNull(codec, "codec is null");
    }

    @Override
    public String name() {
        return "orc";
    }

    @Override
    public String extension() {
        // Spark's name without its leading dot, which the sink's file name puts before the extension.
        return codec.extension().isEmpty() ? "orc" : codec.extension().substring(1) + ".orc";
    }

    /** Spark's ORC writer makes its file when the task starts: a batch without rows commits one without rows. */
    @Override
    public boolean writesEmptyFile() {
        return true;
    }

    @Override
    public void write(Batch rows, ZoneId zone, OutputStream out) throws IOException {
        // Timestamps go to ORC as instants; ORC records the writer's zone itself, as under Spark.
        OrcFileWriter.write(rows, codec, out);
    }
}
