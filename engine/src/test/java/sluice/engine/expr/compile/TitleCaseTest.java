package sluice.engine.expr.compile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * initcap as Spark 4.1 gives it with ICU case mappings (values read from Spark). Compared with Spark over every
 * character the JDK defines, one at a time, after a letter and after a capital sigma, the only differences are
 * letters whose capitals came after the JDK's Unicode version (ƛ and ɤ).
 */
class TitleCaseTest {
    @ParameterizedTest(name = "initcap({0}) = {1}")
    @CsvSource(delimiter = '|', value = {
        "hello WORLD       | Hello World",
        "ﬁne               | Fine",
        "straße ßa         | Straße Ssa",
        "ΣΑΣ ΣΑΣ.Σ         | Σας Σασ.ς",
        "İstanbul xİ       | İstanbul Xi̇",
        "ǆemal ŉa ᾲa ᾳ     | ǅemal ʼNa Ὰͅa ᾼ",
        "emoji 😀 x        | Emoji 😀 X",
        "a\tb c            | A\tb C",
    })
    void initcapIsSparksTitleCase(String text, String expected) {
        assertThat(TitleCase.initcap(text.replace("\\t", "\t"))).isEqualTo(expected.replace("\\t", "\t"));
    }
}
