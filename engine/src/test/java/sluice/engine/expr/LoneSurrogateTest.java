package sluice.engine.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static sluice.engine.expr.ExpressionFixture.first;

import org.junit.jupiter.api.Test;

/**
 * A regex's empty match falls between the two halves of a character beyond U+FFFF, in Java's regex as in Spark's;
 * Spark's strings are UTF-8, so each lone half it cuts out reads '?' (checked against Spark 4.1).
 */
class LoneSurrogateTest {
    private static final String SMILE = "\uD83D\uDE00";

    @Test
    void regexpReplaceWithAnEmptyMatchGivesQuestionMarksForTheHalves() {
        assertThat(first("regexp_replace('a" + SMILE + "b', 'x*', '-')")).isEqualTo("-a-?-?-b-");
        assertThat(first("regexp_replace('a" + SMILE + "b', 'b', '-')")).isEqualTo("a" + SMILE + "-");
    }

    @Test
    void splitByAPatternThatMatchesEmptyGivesQuestionMarksForTheHalves() {
        assertThat(first("split('a" + SMILE + "b', 'x*')")).isEqualTo("[a, ?, ?, b, ]");
        assertThat(first("split('a" + SMILE + "b', '')")).isEqualTo("[a, " + SMILE + ", b]");
    }
}
