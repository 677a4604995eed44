package sluice.app.problems;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import sluice.engine.diag.Position;

class ProblemCellTest {
    @Test
    void locationNamesNodeOptionAndColumn() {
        assertThat(ProblemCell.location(new Position("filter-2", "condition", 1, 14)))
                .isEqualTo("filter-2 · condition · 1:14");
    }

    @Test
    void locationEscapesControlCharactersSoTheCellStaysOneLine() {
        assertThat(ProblemCell.location(Position.option("a\nb", "x\ty"))).isEqualTo("a\\nb · x\\ty");
    }

    @Test
    void aProblemWithoutNodeBelongsToThePipeline() {
        assertThat(ProblemCell.location(Position.NOWHERE)).isEqualTo("pipeline");
    }

    @Test
    void runReasonCountsTheProblemsToFix() {
        assertThat(ProblemsPanel.runBlockedReason(0)).isEmpty();
        assertThat(ProblemsPanel.runBlockedReason(1)).isEqualTo("Fix 1 problem to run (see Problems)");
        assertThat(ProblemsPanel.runBlockedReason(2)).isEqualTo("Fix 2 problems to run (see Problems)");
    }
}
