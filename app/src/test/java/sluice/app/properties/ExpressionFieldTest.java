package sluice.app.properties;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.IndexRange;
import org.junit.jupiter.api.Test;
import sluice.engine.diag.Position;

class ExpressionFieldTest {
    private static Position at(int column) {
        return new Position("filter-1", "condition", 1, column);
    }

    @Test
    void spanRunsFromTheColumnToTheEndOfTheWord() {
        IndexRange span = ExpressionField.spanOf("value > amout + 1", at(9));

        assertThat(span.getStart()).isEqualTo(8);
        assertThat(span.getEnd()).isEqualTo(13);
    }

    @Test
    void spanCoversAQuotedLiteral() {
        IndexRange span = ExpressionField.spanOf("x = 'a b' AND y", at(5));

        assertThat(span.getStart()).isEqualTo(4);
        assertThat(span.getEnd()).isEqualTo(9);
    }

    @Test
    void spanAtTheEndMarksTheLastCharacter() {
        IndexRange span = ExpressionField.spanOf("value >", at(8));

        assertThat(span.getStart()).isEqualTo(6);
        assertThat(span.getEnd()).isEqualTo(7);
    }

    @Test
    void spanOfAPunctuationMarkIsOneCharacter() {
        IndexRange span = ExpressionField.spanOf("a + ) b", at(5));

        assertThat(span.getStart()).isEqualTo(4);
        assertThat(span.getEnd()).isEqualTo(5);
    }

    @Test
    void listElementNamesGiveTheOptionAndTheRow() {
        assertThat(PropertiesPanel.optionName("expressions #3")).isEqualTo("expressions");
        assertThat(PropertiesPanel.elementOf("expressions #3")).isEqualTo(2);
        assertThat(PropertiesPanel.elementOf("condition")).isZero();
    }

    @Test
    void setOptionSaysWhatItDoes() {
        assertThat(new SetOption("filter-2", "condition", sluice.engine.pipeline.OptionValue.of("x")).description())
                .isEqualTo("Set condition on filter-2");
        assertThat(new SetOption("filter-2", "condition", null).description())
                .isEqualTo("Clear condition on filter-2");
    }
}
