package sluice.engine.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.SluiceException;

class SocketSourceTest {
    private static final SourceContext CONTEXT =
            new SourceContext("lines", null, Clock.systemUTC(), ZoneOffset.UTC);

    private static String awaitOffset(SocketSource source, String start, String wanted) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        String offset = source.latestOffset(start, Source.ReadLimit.SOURCE_DEFAULT);
        while (!wanted.equals(offset) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            offset = source.latestOffset(start, Source.ReadLimit.SOURCE_DEFAULT);
        }
        return offset;
    }

    private static List<Object> values(SocketSource source, String start, String end) {
        List<Object> values = new ArrayList<>();
        source.planInputPartitions(start, end).forEach(p -> p.read().rows().forEach(r -> values.add(r.get(0))));
        return values;
    }

    @Test
    void linesBecomeRowsBetweenOffsets() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            SocketSource source = new SocketSource("127.0.0.1", server.getLocalPort(), true);
            source.start(CONTEXT);
            try (Socket client = server.accept(); OutputStream out = client.getOutputStream()) {
                out.write("hello\nwörld\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
                assertThat(awaitOffset(source, null, "2")).isEqualTo("2");
                out.write("third\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
                assertThat(awaitOffset(source, "2", "3")).isEqualTo("3");

                assertThat(values(source, null, "2")).containsExactly("hello", "wörld");
                source.commit("2");
                assertThat(values(source, "2", "3")).containsExactly("third");
                assertThat(source.schema().toDdl()).isEqualTo("value STRING, timestamp TIMESTAMP");
            } finally {
                source.close();
            }
        }
    }

    @Test
    void aRefusedConnectionNamesTheNodeAndAddress() throws IOException {
        int port;
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = server.getLocalPort();
        }
        SocketSource source = new SocketSource("127.0.0.1", port, false);

        assertThatThrownBy(() -> source.start(CONTEXT)).isInstanceOf(SluiceException.class)
                .hasMessage("lines: cannot connect to 127.0.0.1:" + port
                        + ": connection refused; is a server listening there?")
                .extracting(e -> ((SluiceException) e).problem().code()).isEqualTo(ErrorCode.SOURCE_FAILED);
    }

    @Test
    void aClosedConnectionEndsTheReadingWithAWarningAndTheSourceGoesOnWithoutNewLines() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             LogCapture log = new LogCapture(SocketSource.class)) {
            SocketSource source = new SocketSource("127.0.0.1", server.getLocalPort(), false);
            source.start(CONTEXT);
            try (Socket client = server.accept()) {
                client.getOutputStream().write("last words\n".getBytes(StandardCharsets.UTF_8));
            }

            String warning = log.awaitLine();
            String offset = source.latestOffset("1", Source.ReadLimit.SOURCE_DEFAULT);
            List<Object> lines = values(source, null, "1");
            source.close();

            assertThat(warning).isEqualTo("WARNING: lines: the server at 127.0.0.1:" + server.getLocalPort()
                    + " closed the connection; no more lines are read and the query goes on without new data");
            assertThat(offset).isEqualTo("1");
            assertThat(lines).containsExactly("last words");
        }
    }

    @Test
    void aResetConnectionEndsTheReadingAndTheSourceGoesOnWithoutNewLines() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             LogCapture log = new LogCapture(SocketSource.class)) {
            SocketSource source = new SocketSource("127.0.0.1", server.getLocalPort(), false);
            source.start(CONTEXT);
            try (Socket client = server.accept()) {
                client.getOutputStream().write("before the reset\n".getBytes(StandardCharsets.UTF_8));
                assertThat(awaitOffset(source, null, "1")).isEqualTo("1");
                // Closing with a zero linger time sends a reset instead of the orderly end of the stream.
                client.setSoLinger(true, 0);
            }

            String warning = log.awaitLine();
            String offset = source.latestOffset("1", Source.ReadLimit.SOURCE_DEFAULT);
            source.close();

            assertThat(warning).startsWith("WARNING: lines: the connection to 127.0.0.1:" + server.getLocalPort()
                    + " broke (connection reset").endsWith("); no more lines are read and the query goes on without "
                    + "new data");
            assertThat(offset).isEqualTo("1");
        }
    }
}
