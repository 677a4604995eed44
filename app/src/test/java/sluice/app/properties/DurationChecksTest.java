package sluice.app.properties;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The as-you-type checks of duration options: a watermark's delay takes months, other durations do not. */
class DurationChecksTest {
    @Test
    void aDelayTakesMonthsWhereADurationDoesNot() {
        assertThat(TextEditor.durationProblem("1 month"))
                .isEqualTo("'1 month' is not a duration; write it like '10 seconds' or '500 ms'");
        assertThat(TextEditor.delayProblem("1 month")).isNull();
        assertThat(TextEditor.delayProblem("10 minutes")).isNull();
        assertThat(TextEditor.delayProblem("soon"))
                .isEqualTo("'soon' is not a delay; write it like '10 minutes' or '1 month'");
    }
}
