package sluice.spark.translate;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.TimeoutException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.streaming.DataStreamWriter;
import org.apache.spark.sql.streaming.StreamingQuery;

/**
 * One Spark streaming query made from one Sluice sink node: the streaming data that reaches the sink and the
 * configured writer (format, options, output mode, trigger, checkpoint). Not started; {@link #start()} starts it.
 */
public record SinkQuery(String nodeId, String type, Dataset<Row> input, DataStreamWriter<Row> writer) {
    public SinkQuery {
        requireNonNull(nodeId, "nodeId is null");
        requireNonNull(type, "type is null");
        requireNonNull(input, "input is null");
        requireNonNull(writer, "writer is null");
    }

    public StreamingQuery start() {
        try {
            return writer.start();
        } catch (TimeoutException e) {
            throw new IllegalStateException("Spark did not start the query of sink '" + nodeId + "' in time", e);
        }
    }
}
