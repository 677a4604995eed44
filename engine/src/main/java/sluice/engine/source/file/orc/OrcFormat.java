package sluice.engine.source.file.orc;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.BitSet;
import java.util.function.Consumer;
import sluice.engine.orc.OrcFileReader;
import sluice.engine.source.InputFigures;
import sluice.engine.source.SourceContext;
import sluice.engine.source.file.FileFormat;
import sluice.engine.source.file.FileProblems;
import sluice.engine.source.file.FileSplit;
import sluice.engine.source.file.RowCollector;
import sluice.engine.types.Batch;
import sluice.engine.types.Schema;

/**
 * ORC files as Spark reads them: the columns of the schema found by name in each file (a column a file lacks reads
 * as nulls), only the columns the query uses decoded. Each file is one split. Immutable.
 */
public final class OrcFormat implements FileFormat {
    private final Schema schema;
    private final BitSet required;

    public OrcFormat(Schema schema) {
        this(schema, null);
    }

    private OrcFormat(Schema schema, BitSet required) {
        this.schema = requireNonNull(schema, "schema is null");
        this.required = required;
    }

    @Override
    public Schema schema() {
        return schema;
    }

    /** As Spark's: a split reads the stripes that start in it. */
    @Override
    public boolean isSplittable() {
        return true;
    }

    @Override
    public void read(FileSplit split, SourceContext context, InputFigures figures, Consumer<Batch> out) {
        try {
            OrcFileReader.read(split.file(), split.start(), split.length(), schema, required, RowCollector.BATCH_ROWS,
                    out);
        } catch (IOException e) {
            throw FileProblems.unreadable(context.nodeId(), split.file(), e);
        }
    }

    @Override
    public FileFormat pruned(BitSet columns) {
        return new OrcFormat(schema, (BitSet) columns.clone());
    }
}
