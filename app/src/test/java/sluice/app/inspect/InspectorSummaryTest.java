package sluice.app.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The inspector's summary line above its table: which batch, among which, and how many rows. */
class InspectorSummaryTest {
    @Test
    void oneRowIsARowNotRows() {
        assertThat(BatchInspector.summaryText(false, 15, 0, 17, 1, 1))
                .isEqualTo("batch 15 of 0–17 · 1 row (showing 1)");
    }

    @Test
    void otherCountsArePluralAndGrouped() {
        assertThat(BatchInspector.summaryText(false, 0, 0, 0, 0, 0)).isEqualTo("batch 0 · 0 rows (showing 0)");
        assertThat(BatchInspector.summaryText(true, 3, 1, 3, 12_000, 2_000))
                .isEqualTo("state after batch 3 of 1–3 · 12,000 rows (showing 2,000)");
    }
}
