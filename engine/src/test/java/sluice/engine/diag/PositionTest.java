package sluice.engine.diag;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PositionTest {
    @Test
    void elementsOfAListOptionAreNamedFromOneAndReadBack() {
        String third = Position.elementOption("expressions", 2);

        assertThat(third).isEqualTo("expressions #3");
        assertThat(Position.baseOption(third)).isEqualTo("expressions");
        assertThat(Position.elementIndex(third)).isEqualTo(2);
        assertThat(Position.baseOption("condition")).isEqualTo("condition");
        assertThat(Position.elementIndex("condition")).isZero();
    }

    @Test
    void rendersNodeOptionAndPlace() {
        assertThat(Position.option("filter-2", "condition").at(1, 14).render()).isEqualTo("filter-2 / condition, 1:14");
    }
}
