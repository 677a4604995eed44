package sluice.engine.expr.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * LIKE patterns of the shapes Spark's optimizer turns into startsWith, endsWith, contains and equals answer as
 * Spark's LIKE does, edge cases included (a prefix and suffix that overlap, runs of '%', the escape character).
 */
class LikeMatcherTest {
    private static final List<String> INPUTS = List.of("", "a", "aa", "aba", "abc", "xabcx", "ab%c", "a_c", "line\nx",
            "symbol=AAPL price=1", "id=1 symbol=AAPL");

    static Stream<Arguments> patterns() {
        return Stream.of(
                Arguments.of("a%", List.of("a", "aa", "aba", "abc", "ab%c", "a_c")),
                Arguments.of("%c", List.of("abc", "ab%c", "a_c")),
                Arguments.of("a%a", List.of("aa", "aba")),
                Arguments.of("%b%", List.of("aba", "abc", "xabcx", "ab%c", "symbol=AAPL price=1", "id=1 symbol=AAPL")),
                Arguments.of("%%b%%", List.of("aba", "abc", "xabcx", "ab%c", "symbol=AAPL price=1",
                        "id=1 symbol=AAPL")),
                Arguments.of("abc", List.of("abc")),
                Arguments.of("", List.of("")),
                Arguments.of("%AAPL%", List.of("symbol=AAPL price=1", "id=1 symbol=AAPL")),
                Arguments.of("line%", List.of("line\nx")),
                Arguments.of("a_c", List.of("abc", "a_c")),
                Arguments.of("ab\\%c", List.of("ab%c")),
                Arguments.of("%\\_%", List.of("a_c")));
    }

    @ParameterizedTest
    @MethodSource("patterns")
    void matchesWhatSparksLikeMatches(String pattern, List<String> expected) {
        List<String> found = INPUTS.stream().filter(LikeMatcher.of(pattern, '\\')).toList();

        assertThat(found).containsExactlyElementsOf(expected);
        Pattern regex = StringKernels.likePattern(pattern, '\\');
        assertThat(found).containsExactlyElementsOf(INPUTS.stream().filter(s -> regex.matcher(s).matches()).toList());
    }
}
