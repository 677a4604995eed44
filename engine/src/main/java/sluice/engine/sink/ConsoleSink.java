package sluice.engine.sink;

import java.io.PrintStream;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.Position;
import sluice.engine.diag.Problem;
import sluice.engine.types.Batch;
import sluice.engine.types.PartitionedBatch;

/**
 * Spark's console sink: prints each batch's rows under a {@code Batch: N} banner as {@code show(numRows, truncate)}
 * prints them, in every output mode. Owned by the query thread.
 */
public final class ConsoleSink implements Sink {
    // Spark's console sink passes truncate=true to show() as a 20-character limit.
    private static final int TRUNCATE_WIDTH = 20;
    private static final String RULE = "-------------------------------------------\n";

    private final int numRows;
    private final boolean truncate;
    private SinkContext context;

    public ConsoleSink(int numRows, boolean truncate) {
        this.numRows = numRows;
        this.truncate = truncate;
    }

    @Override
    public void start(SinkContext sinkContext) {
        this.context = sinkContext;
    }

    // No skip by batch id: Spark's console sink keeps no log either, so a batch re-run after a restart prints again.
    @Override
    public void addBatch(long batchId, PartitionedBatch data) {
        // One row more than shown tells show() whether to print its "only showing top N rows" line.
        Batch head = data.head(numRows == Integer.MAX_VALUE ? numRows : numRows + 1);
        String table = ShowTable.render(head, numRows, truncate ? TRUNCATE_WIDTH : 0, context.zone());
        PrintStream console = context.console();
        // One print, so that two console sinks of one query never interleave their lines; the trailing blank line is
        // the one Spark's println(showString) leaves after the table.
        console.print(RULE + "Batch: " + batchId + "\n" + RULE + table + "\n");
        console.flush();
        // A PrintStream swallows write errors: without this check a full disk or a closed pipe would lose every
        // batch and still commit it.
        if (console.checkError()) {
            throw Problem.of(ErrorCode.SINK_FAILED, Position.NOWHERE, "cannot print batch %d: the console's output "
                    + "failed", batchId).toException();
        }
    }

    @Override
    public String toString() {
        return "ConsoleSink[numRows=" + numRows + ", truncate=" + truncate + "]";
    }
}
