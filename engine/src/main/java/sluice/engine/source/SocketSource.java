package sluice.engine.source;

import static java.util.Objects.requireNonNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.Position;
import sluice.engine.diag.Problem;
import sluice.engine.types.AtomicType;
import sluice.engine.types.Batch;
import sluice.engine.types.Field;
import sluice.engine.types.Schema;
import sluice.engine.types.VectorBuilder;

/**
 * Spark's socket source: UTF-8 lines from a TCP server, each with the time it arrived when
 * {@code includeTimestamp} is set. A reader thread buffers lines; the offset is the number of lines received. Like
 * Spark's, it cannot replay after a restart, and when the connection ends (the server closes it, or it breaks) it
 * stops reading and the query goes on without new data, with a warning in the log. A refused connection fails the
 * query at start with a message naming the address. Thread-safe: the buffer is shared between the reader thread and
 * the query thread.
 */
public final class SocketSource implements Source {
    private static final System.Logger LOG = System.getLogger(SocketSource.class.getName());
    private static final int CONNECT_TIMEOUT_MS = 10_000;

    private final String host;
    private final int port;
    private final boolean includeTimestamp;
    private final Schema schema;
    private final List<String> lines = new ArrayList<>();
    private final List<Long> arrivals = new ArrayList<>();
    private long firstBufferedOffset;
    private long received;
    /** Set by {@link #close()}: the reader's error is then ours, not the connection's. */
    private volatile boolean closing;
    private Socket socket;
    private Thread reader;
    private SourceContext context;

    public SocketSource(String host, int port, boolean includeTimestamp) {
        this.host = requireNonNull(host, "host is null");
        this.port = port;
        this.includeTimestamp = includeTimestamp;
        this.schema = includeTimestamp
                ? Schema.of(Field.of("value", AtomicType.STRING), Field.of("timestamp", AtomicType.TIMESTAMP))
                : Schema.of(Field.of("value", AtomicType.STRING));
    }

    @Override
    public Schema schema() {
        return schema;
    }

    private String address() {
        return host + ":" + port;
    }

    @Override
    public void start(SourceContext sourceContext) {
        this.context = sourceContext;
        socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MS);
        } catch (IOException e) {
            throw Problem.of(ErrorCode.SOURCE_FAILED, Position.node(sourceContext.nodeId()),
                    "cannot connect to %s: %s; is a server listening there?", address(), reason(e)).toException();
        }
        reader = new Thread(this::readLines, "sluice-socket-" + sourceContext.nodeId());
        reader.setDaemon(true);
        reader.start();
    }

    private static String reason(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName()
                : e.getMessage().toLowerCase(java.util.Locale.ROOT);
    }

    // As Spark's TextSocketMicroBatchStream: the end of the stream or a broken connection ends the reader thread and
    // nothing else; the lines received stay in the buffer for the batches, and the query goes on without new ones.
    // Spark warns only when the server closes the connection and ignores an error; a broken connection is warned
    // about here too, since it also means that no more lines will come.
    private void readLines() {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                long now = context.clock().millis();
                synchronized (this) {
                    lines.add(line);
                    arrivals.add(now);
                    received++;
                }
            }
            LOG.log(System.Logger.Level.WARNING, "{0}: the server at {1} closed the connection; no more lines are "
                    + "read and the query goes on without new data", context.nodeId(), address());
        } catch (IOException e) {
            if (!closing) {
                LOG.log(System.Logger.Level.WARNING, "{0}: the connection to {1} broke ({2}); no more lines are read "
                        + "and the query goes on without new data", context.nodeId(), address(), reason(e));
            }
        }
    }

    @Override
    public synchronized String latestOffset(String start, ReadLimit limit) {
        return received == 0 ? null : Long.toString(received);
    }

    @Override
    public synchronized List<InputPartition> planInputPartitions(String start, String end) {
        long from = start == null ? 0 : Long.parseLong(start);
        long to = Long.parseLong(end);
        int first = (int) (from - firstBufferedOffset);
        int last = (int) (to - firstBufferedOffset);
        List<String> slice = List.copyOf(lines.subList(first, last));
        List<Long> times = List.copyOf(arrivals.subList(first, last));
        return List.of(() -> toBatch(slice, times));
    }

    private Batch toBatch(List<String> values, List<Long> times) {
        VectorBuilder text = new VectorBuilder(AtomicType.STRING, values.size());
        values.forEach(text::appendObject);
        if (!includeTimestamp) {
            return new Batch(schema, List.of(text.build()), values.size());
        }
        VectorBuilder stamps = new VectorBuilder(AtomicType.TIMESTAMP, values.size());
        times.forEach(ms -> stamps.appendLong(ms * 1000));
        return new Batch(schema, List.of(text.build(), stamps.build()), values.size());
    }

    @Override
    public synchronized void commit(String end) {
        long to = Long.parseLong(end);
        int drop = (int) (to - firstBufferedOffset);
        if (drop > 0) {
            lines.subList(0, drop).clear();
            arrivals.subList(0, drop).clear();
            firstBufferedOffset = to;
        }
    }

    @Override
    public void close() {
        closing = true;
        try {
            if (socket != null) {
                socket.close();
            }
        } catch (IOException e) {
            // Closing a socket we are done with; nothing is lost if it fails.
            System.getLogger(SocketSource.class.getName()).log(System.Logger.Level.DEBUG, "socket close failed", e);
        }
    }
}
