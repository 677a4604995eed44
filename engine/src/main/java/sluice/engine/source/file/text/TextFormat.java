package sluice.engine.source.file.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.function.Consumer;
import java.util.function.LongUnaryOperator;
import sluice.engine.source.InputFigures;
import sluice.engine.source.SourceContext;
import sluice.engine.source.file.FileFormat;
import sluice.engine.source.file.FileProblems;
import sluice.engine.source.file.DelimitedRecords;
import sluice.engine.source.file.FileSplit;
import sluice.engine.source.file.LineBlocks;
import sluice.engine.source.file.ParseMode;
import sluice.engine.source.file.RowCollector;
import sluice.engine.types.AtomicType;
import sluice.engine.types.Batch;
import sluice.engine.types.Field;
import sluice.engine.types.Schema;

/**
 * Text files as Spark reads them: every line (split at {@code \n}, {@code \r\n} or {@code \r}) is a row, empty
 * lines included, without its line end; with {@code lineSep}, records end at that text only. Bytes that are not
 * UTF-8 become U+FFFD, as when Spark shows the line's
 * bytes as a string. Immutable.
 */
public final class TextFormat implements FileFormat {
    public static final Schema SCHEMA = Schema.of(Field.of("value", AtomicType.STRING));

    /** The bytes of {@code lineSep}, or null for Spark's default line ends. */
    private final byte[] lineSep;

    /** Lines ending at {@code \n}, {@code \r\n} or {@code \r}. */
    public TextFormat() {
        this(null);
    }

    /**
     * Lines ending only at {@code lineSep} (Spark's text option, as UTF-8 bytes), or at the usual line ends when it
     * is null. With a separator a file is read whole by one task, so each record is read once wherever it ends.
     */
    public TextFormat(String lineSep) {
        this.lineSep = lineSep == null ? null : lineSep.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Schema schema() {
        return SCHEMA;
    }

    @Override
    public boolean isSplittable() {
        return lineSep == null;
    }

    @Override
    public void read(FileSplit split, SourceContext context, InputFigures figures, Consumer<Batch> out) {
        RowCollector rows = new RowCollector(SCHEMA, ParseMode.PERMISSIVE, -1,
                new RowCollector.Origin(context.nodeId(), "text", split.fileName(), LongUnaryOperator.identity()),
                (int) Math.min(split.length() / 32 + 16, RowCollector.BATCH_ROWS), new BitSet(), figures, out);
        if (lineSep != null) {
            try {
                DelimitedRecords.read(split.file(), lineSep, (bytes, from, to) -> {
                    rows.setObject(0, new String(bytes, from, to - from, StandardCharsets.UTF_8));
                    rows.appendRow();
                });
            } catch (IOException e) {
                throw FileProblems.unreadable(context.nodeId(), split.file(), e);
            }
            rows.finish();
            return;
        }
        try (LineBlocks blocks = LineBlocks.open(split)) {
            while (blocks.next()) {
                byte[] bytes = blocks.bytes();
                int end = blocks.length();
                for (int start = 0; start < end; ) {
                    int lineEnd = LineBlocks.lineEnd(bytes, start, end);
                    // A String made from bytes replaces what is not UTF-8 with U+FFFD.
                    rows.setObject(0, new String(bytes, start, lineEnd - start, StandardCharsets.UTF_8));
                    rows.appendRow();
                    start = LineBlocks.nextLineStart(bytes, lineEnd, end);
                }
            }
        } catch (IOException e) {
            throw FileProblems.unreadable(context.nodeId(), split.file(), e);
        } catch (UncheckedIOException e) {
            throw FileProblems.unreadable(context.nodeId(), split.file(), e.getCause());
        }
        rows.finish();
    }
}
