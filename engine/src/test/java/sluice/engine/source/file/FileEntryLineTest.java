package sluice.engine.source.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The file log's lines read without a JSON parser when they have the shape Sluice and Spark write, and only then. */
class FileEntryLineTest {
    @Test
    void theLineSparkWritesIsReadAsIs() {
        assertThat(parse("{\"path\":\"file:///in/a%20b.csv\",\"timestamp\":1733000000123,\"batchId\":9}"))
                .isEqualTo(new FileEntry("file:///in/a%20b.csv", 1733000000123L, 9));
        assertThat(parse("{\"path\":\"file:///x\",\"timestamp\":-5,\"batchId\":0}"))
                .isEqualTo(new FileEntry("file:///x", -5, 0));
    }

    @Test
    void anyOtherShapeIsLeftToTheJsonParser() {
        for (String line : new String[] {
            "{\"path\": \"file:///x\",\"timestamp\":1,\"batchId\":0}",
            "{\"path\":\"file:///x\\u00e9\",\"timestamp\":1,\"batchId\":0}",
            "{\"path\":\"file:///x\",\"batchId\":0,\"timestamp\":1}",
            "{\"path\":\"file:///x\",\"timestamp\":1.5,\"batchId\":0}",
            "{\"path\":\"file:///x\",\"timestamp\":01,\"batchId\":0}",
            "{\"path\":\"file:///x\",\"timestamp\":12345678901234567890,\"batchId\":0}",
            "{\"path\":\"file:///x\",\"timestamp\":1,\"batchId\":0} ",
            "{\"path\":\"file:///x\",\"timestamp\":1,\"batchId\":0,\"extra\":1}",
            "{\"path\":\"file:///x\",\"timestamp\":,\"batchId\":0}",
            "{\"path\":\"file:///x",
            "{\"path\":\"a\tb\",\"timestamp\":1,\"batchId\":0}",
            "{\"path\":\"file:///caf\u00e9\",\"timestamp\":1,\"batchId\":0}",
            "{\"path\":\"file:///x\",\"timestamp\":1,\"batchId\":0}\r",
            "{\"path\":\"file:///x\",\"timestamp\":-,\"batchId\":0}",
            "",
        }) {
            assertThat(parse(line)).as(line).isNull();
        }
    }

    /** A line as the log file holds it: its UTF-8 bytes, between other bytes. */
    private static FileEntry parse(String line) {
        byte[] bytes = ("x" + line + "\n").getBytes(StandardCharsets.UTF_8);
        return FileEntryLine.parse(bytes, 1, bytes.length - 1);
    }
}
