package sluice.engine.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import sluice.engine.types.AtomicType;
import sluice.engine.types.Batch;
import sluice.engine.types.Field;
import sluice.engine.types.Row;
import sluice.engine.types.Schema;

class TextRowFormatTest {
    private static final Schema LINES = Schema.of(Field.of("value", AtomicType.STRING));

    private static String written(TextRowFormat format, String... values) throws IOException {
        List<Row> rows = Arrays.stream(values).map(value -> Row.of((Object) value)).toList();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        format.write(Batch.ofRows(LINES, rows), ZoneId.of("UTC"), out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void eachValueIsWrittenAsItIsOnItsOwnLine() throws IOException {
        String text = written(TextRowFormat.defaults(), "plain", "  spaced, \"quoted\"  ", "ünïcödé 語");

        assertThat(text).isEqualTo("plain\n  spaced, \"quoted\"  \nünïcödé 語\n");
    }

    @Test
    void nullAndEmptyValuesAreEmptyLines() throws IOException {
        String text = written(TextRowFormat.defaults(), "a", null, "", "b");

        assertThat(text).isEqualTo("a\n\n\nb\n");
    }

    @Test
    void lineSepEndsEveryLine() throws IOException {
        String text = written(new TextRowFormat("\r\n"), "a", "b");

        assertThat(text).isEqualTo("a\r\nb\r\n");
    }
}
