package sluice.engine.source.file.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonInferenceTest {
    @TempDir
    Path folder;

    @Test
    void infersSortedFieldsWidenedNumbersNestedTypesAndCorruptColumn() throws IOException {
        Path file = folder.resolve("a.json");
        Files.writeString(file, "{\"b\":1,\"a\":\"x\",\"n\":null,\"p\":{\"y\":1}}\n{\"b\":2.5,\"t\":[true]}\nbroken\n");

        var schema = JsonInference.infer("s", List.of(file), JsonOptions.DEFAULTS);

        assertThat(schema.simpleString()).isEqualTo(
                "struct<_corrupt_record:string,a:string,b:double,n:string,p:struct<y:bigint>,t:array<boolean>>");
    }
}
