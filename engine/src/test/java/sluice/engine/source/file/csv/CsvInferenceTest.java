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

    @Test
    void aHeaderRepeatedInsideAFileIsNotDataAsInSpark() throws IOException {
        // Files joined with cat keep the second file's header in the middle.
        Files.writeString(folder.resolve("a.csv"), "x,y\n1,2\nx,y\n3,4\n");
        Files.writeString(folder.resolve("b.csv"), "x,y\n5,6\n");

        var schema = CsvInference.infer("s", List.of(folder.resolve("a.csv"), folder.resolve("b.csv")),
                CsvOptions.DEFAULTS.withHeader(true), true, ZoneOffset.UTC);

        assertThat(schema.toDdl()).isEqualTo("x INT, y INT");
    }

    @Test
    void theLargestFileGivesTheHeaderAndAnotherFilesOtherFirstLineIsData() throws IOException {
        Files.writeString(folder.resolve("a.csv"), "p,q\n1,2\n");
        Files.writeString(folder.resolve("b.csv"), "x,y\n1,2\n3,4\n5,6\n");

        var schema = CsvInference.infer("s", List.of(folder.resolve("a.csv"), folder.resolve("b.csv")),
                CsvOptions.DEFAULTS.withHeader(true), true, ZoneOffset.UTC);

        assertThat(schema.toDdl()).isEqualTo("x STRING, y STRING");
    }

    @Test
    void withMultiLineEachFilesFirstRecordIsItsHeader() throws IOException {
        Files.writeString(folder.resolve("a.csv"), "p,q\n1,2\n");
        Files.writeString(folder.resolve("b.csv"), "x,y\n1,2\n3,4\n5,6\n");
        CsvOptions options = CsvOptions.DEFAULTS.withHeader(true)
                .withQuoting(CsvOptions.DEFAULTS.quoting().withMultiLine(true));

        var schema = CsvInference.infer("s", List.of(folder.resolve("a.csv"), folder.resolve("b.csv")), options,
                true, ZoneOffset.UTC);

        assertThat(schema.toDdl()).isEqualTo("p INT, q INT");
    }
}
