package sluice.engine.source.file.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import sluice.engine.source.SourceContext;
import sluice.engine.source.file.FileFormat;
import sluice.engine.source.file.FileProblems;
import sluice.engine.source.file.ParseMode;
import sluice.engine.source.file.RowCollector;
import sluice.engine.types.AtomicType;
import sluice.engine.types.Batch;
import sluice.engine.types.Field;
import sluice.engine.types.Schema;

/**
 * Text files as Spark reads them: every line (split at {@code \n}, {@code \r\n} or {@code \r}) is a row, empty
 * lines included, without its line end. Immutable.
 */
public final class TextFormat implements FileFormat {
    public static final Schema SCHEMA = Schema.of(Field.of("value", AtomicType.STRING));

    @Override
    public Schema schema() {
        return SCHEMA;
    }

    @Override
    public Batch read(Path file, SourceContext context) {
        RowCollector rows = new RowCollector(SCHEMA, ParseMode.PERMISSIVE, -1, context.nodeId(), "text",
                file.getFileName().toString(), 1024);
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                rows.setObject(0, line);
                rows.appendRow();
            }
        } catch (IOException e) {
            throw FileProblems.unreadable(context.nodeId(), file, e);
        }
        return rows.toBatch();
    }
}
