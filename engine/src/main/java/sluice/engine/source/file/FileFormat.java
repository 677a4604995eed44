package sluice.engine.source.file;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import sluice.engine.source.InputFigures;
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
     * Whether a file may be read in several splits (Spark's {@code isSplitable}): true for formats read line by line,
     * false when a record may span lines (CSV with {@code multiLine}).
     */
    boolean isSplittable();

    /**
     * The rows of one split, handed to {@code out} in batches of at most {@link RowCollector#BATCH_ROWS} rows, in file
     * order, as they are read. Throws {@link sluice.engine.diag.SluiceException} (MALFORMED_RECORD in FAILFAST mode,
     * SOURCE_FAILED when the file cannot be read) naming the node from {@code context} and the file. Malformed records
     * kept as rows are counted in {@code figures}.
     */
    void read(FileSplit split, SourceContext context, InputFigures figures, Consumer<Batch> out);

    /** All rows of one file in one batch. */
    default Batch read(Path file, SourceContext context) {
        long length;
        try {
            length = Files.size(file);
        } catch (IOException e) {
            throw FileProblems.unreadable(context.nodeId(), file, e);
        }
        List<Batch> batches = new ArrayList<>();
        read(FileSplit.whole(file, length), context, new InputFigures(1, length), batches::add);
        return batches.isEmpty() ? Batch.empty(schema()) : Batch.concat(schema(), batches);
    }

    /**
     * This format reading only the columns in {@code required} (the others come back null), as Spark's column
     * pruning does; formats that cannot prune return themselves.
     */
    default FileFormat pruned(java.util.BitSet required) {
        return this;
    }

    /**
     * This format skipping data it can prove no row of passes all of {@code predicates} (the filter after the source
     * still runs, so skipping is never required); formats that cannot skip return themselves.
     */
    default FileFormat filtered(java.util.List<sluice.engine.expr.ColumnPredicate> predicates) {
        return this;
    }
}
