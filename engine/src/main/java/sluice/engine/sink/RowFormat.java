package sluice.engine.sink;

import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneId;
import sluice.engine.types.Batch;

/** How the file sink turns a partition's rows into a file: Spark's CSV or JSON writer. Immutable; any thread. */
public sealed interface RowFormat permits CsvRowFormat, JsonRowFormat {

    /** The data source name and file extension: {@code csv}, {@code json}. */
    String name();

    /**
     * Whether an empty first partition still gets a file. Spark's writers open a file on the first row, except that
     * its CSV writer opens it at once when it has a header to write.
     */
    boolean writesEmptyFile();

    /** Writes every row of {@code rows} (and a header, if any) to {@code out} as UTF-8. */
    void write(Batch rows, ZoneId zone, OutputStream out) throws IOException;
}
