package sluice.engine.source.file.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sluice.engine.source.SourceContext;
import sluice.engine.types.AtomicType;
import sluice.engine.types.Bytes;
import sluice.engine.types.Field;
import sluice.engine.types.Row;
import sluice.engine.types.Schema;

/** TINYINT, SMALLINT and BINARY columns of a CSV file, read as Spark's UnivocityParser converts them. */
class CsvValueTypesTest {
    private static final SourceContext CONTEXT = new SourceContext("in", null, Clock.systemUTC(), ZoneOffset.UTC);

    @TempDir
    Path folder;

    private List<Row> read(Schema schema, String text) throws IOException {
        Path file = folder.resolve("a.csv");
        Files.writeString(file, text);
        return new CsvFormat(schema, CsvOptions.DEFAULTS).read(file, CONTEXT).rows();
    }

    @Test
    void smallIntegersInRangeAreReadAsByteAndShort() throws IOException {
        Schema schema = Schema.of(Field.of("t", AtomicType.TINYINT), Field.of("s", AtomicType.SMALLINT));

        List<Row> rows = read(schema, "127,32767\n-128,-32768\n+5,+7\n");

        assertThat(rows).containsExactly(Row.of((byte) 127, (short) 32767), Row.of((byte) -128, (short) -32768),
                Row.of((byte) 5, (short) 7));
    }

    @Test
    void outOfRangeOrMalformedValueIsAMalformedRecordKeepingTheOtherFields() throws IOException {
        Schema schema = Schema.of(Field.of("t", AtomicType.TINYINT), Field.of("s", AtomicType.SMALLINT),
                Field.of("_corrupt_record", AtomicType.STRING));

        List<Row> rows = read(schema, "128,1\n1,-32769\n 2,1.0\n");

        assertThat(rows).containsExactly(Row.of(null, (short) 1, "128,1"), Row.of((byte) 1, null, "1,-32769"),
                Row.of(null, null, " 2,1.0"));
    }

    @Test
    void binaryIsTheUtf8BytesOfTheTextAndEmptyIsNull() throws IOException {
        Schema schema = Schema.of(Field.of("id", AtomicType.INT), Field.of("b", AtomicType.BINARY));

        List<Row> rows = read(schema, "1,AB\n2,\n3,é\n4,\"a,b\"\n");

        assertThat(rows).containsExactly(Row.of(1, Bytes.utf8("AB")), Row.of(2, null), Row.of(3, Bytes.utf8("é")),
                Row.of(4, Bytes.utf8("a,b")));
    }
}
