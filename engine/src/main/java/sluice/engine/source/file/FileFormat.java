package sluice.engine.source.file;

import java.nio.file.Path;
import sluice.engine.source.SourceContext;
import sluice.engine.types.Batch;
import sluice.engine.types.Schema;

/**
 * How the files of a {@link FileSource} are parsed (csv, json, text). Immutable; {@link #read} runs on partition
 * task threads, several at once.
 */
public interface FileFormat {

    /** The schema of every batch read, including a corrupt-record column if the user declared one. */
    Schema schema();

    /**
     * All rows of one file. Throws {@link sluice.engine.diag.SluiceException} (MALFORMED_RECORD in FAILFAST mode,
     * SOURCE_FAILED when the file cannot be read) naming the node from {@code context} and the file.
     */
    Batch read(Path file, SourceContext context);

    /**
     * This format reading only the columns in {@code required} (the others come back null), as Spark's column
     * pruning does; formats that cannot prune return themselves.
     */
    default FileFormat pruned(java.util.BitSet required) {
        return this;
    }
}
