package sluice.engine.expr.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StringKernelsTest {
    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "ABC", "Hello World 42!", "straße", "héllo", "ǅ", "i", "ΣΑΣ", "mIxEd-ascii"})
    void asciiCaseLoopsAgreeWithTheJdkInTheRootLocale(String text) {
        assertThat(StringKernels.upper(text)).isEqualTo(text.toUpperCase(Locale.ROOT));
        assertThat(StringKernels.lower(text)).isEqualTo(text.toLowerCase(Locale.ROOT));
    }
}
