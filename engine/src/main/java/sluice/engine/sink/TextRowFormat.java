package sluice.engine.sink;

import static java.util.Objects.requireNonNull;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import sluice.engine.types.Batch;
import sluice.engine.types.ColumnVector;

/**
 * Spark's text writer: the one STRING column of each row as it is, then {@code lineSep}; a null is an empty line.
 * The planner checks that the rows have exactly one STRING column, as Spark does before it writes. Immutable.
 */
public record TextRowFormat(String lineSep) implements RowFormat {
    /** Spark writes lines ending in a line feed unless {@code lineSep} says otherwise (its reader takes any). */
    public static final String DEFAULT_LINE_SEP = "\n";

    public TextRowFormat {
        requireNonNull(lineSep, "lineSep is null");
        if (lineSep.isEmpty()) {
            throw new IllegalArgumentException("lineSep is empty");
        }
    }

    public static TextRowFormat defaults() {
        return new TextRowFormat(DEFAULT_LINE_SEP);
    }

    @Override
    public String name() {
        return "text";
    }

    @Override
    public boolean writesEmptyFile() {
        return true;
    }

    @Override
    public void write(Batch rows, ZoneId zone, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        ColumnVector column = rows.column(0);
        for (int r = 0; r < rows.rowCount(); r++) {
            if (!column.isNull(r)) {
                writer.write((String) column.get(r));
            }
            writer.write(lineSep);
        }
        writer.flush();
    }
}
