package sluice.engine.types;

import static java.util.Objects.requireNonNull;

/**
 * The file block a batch's rows were read from, Spark's {@code InputFileBlockHolder}: the file's URI as Spark prints
 * it ({@code file:///…}), and the start and length in bytes of the split read. The file source puts it on each batch
 * it reads (a batch is read from one split), and the batch's projections and selections keep it, so
 * input_file_name() costs nothing per row. Immutable.
 */
public record InputFileBlock(String path, long start, long length) {
    public InputFileBlock {
        requireNonNull(path, "path is null");
    }
}
