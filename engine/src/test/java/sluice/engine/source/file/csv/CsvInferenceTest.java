package sluice.engine.source.file.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvInferenceTest {
    @TempDir
    Path folder;

    @Test
    void infersSparkTypesAndHeaderNames() throws IOException {
        Path file = folder.resolve("a.csv");
        Files.writeString(file, "Date,Open,Volume,Big,Name,Flag,At,Dup,dup\n"
                + "2015-01-02,111.39,53204626,12345678901234567890,AAPL,true,2015-01-02 10:00:00,1,2\n"
                + "2015-01-05,108,1,1,AAPL,false,2015-01-02,x,\n");

        var schema = CsvInference.infer("s", List.of(file), CsvOptions.DEFAULTS.withHeader(true), true, ZoneOffset.UTC);

        assertThat(schema.toDdl()).isEqualTo("Date DATE, Open DOUBLE, Volume INT, Big DECIMAL(20,0), Name STRING, "
                + "Flag BOOLEAN, At TIMESTAMP, Dup7 STRING, dup8 INT");
    }

    @Test
    void withoutHeaderOrTypesColumnsAreNumberedStrings() throws IOException {
        Path file = folder.resolve("a.csv");
        Files.writeString(file, "1,2\n");

        var schema = CsvInference.infer("s", List.of(file), CsvOptions.DEFAULTS, false, ZoneOffset.UTC);

        assertThat(schema.toDdl()).isEqualTo("_c0 STRING, _c1 STRING");
    }
}
