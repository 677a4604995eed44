package sluice.engine.diag;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ControlCharactersTest {
    @Test
    void sparksMetaCharactersGetSparksEscapesAndOtherControlsTheirCodePoint() {
        String text = "a\nb\rc\td\fe\bf\u000Bg\u0007h\u001B[1Ai\u007Fj\u0085k\u2028l";

        assertThat(ControlCharacters.escape(text))
                .isEqualTo("a\\nb\\rc\\td\\fe\\bf\\vg\\ah\\u001B[1Ai\\u007Fj\\u0085k\\u2028l");
    }

    @Test
    void printableTextIsLeftAlone() {
        String text = "filter-2 / Close - Open AS change, 'é', 日本, \\n";

        assertThat(ControlCharacters.escape(text)).isSameAs(text);
        assertThat(ControlCharacters.contains(text)).isFalse();
        assertThat(ControlCharacters.contains("a\u0000b")).isTrue();
    }

    @Test
    void aProblemsMessageAndPositionPrintOnOneLine() {
        Problem problem = Problem.of(ErrorCode.UNKNOWN_INPUT, Position.option("a\nb", "in\rputs"),
                "input '%s' is not a node", "x\ny");

        assertThat(problem.render()).isEqualTo("a\\nb / in\\rputs: input 'x\\ny' is not a node");
        assertThat(problem.where().nodeId()).isEqualTo("a\nb");
    }
}
