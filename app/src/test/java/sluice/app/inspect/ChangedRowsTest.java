package sluice.app.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import sluice.app.inspect.ChangedRows.Change;
import sluice.engine.types.Row;

class ChangedRowsTest {
    private static final int[] BY_FIRST_COLUMN = {0};
    private static final int[] WHOLE_ROW = {};

    @Test
    void completeModeMarksNewAndChangedGroupsAndListsTheRemovedOnes() {
        Row a = Row.of("A", 4L);
        Row b = Row.of("B", 2L);
        Row c = Row.of("C", 1L);
        Row oldA = Row.of("A", 1L);
        Row gone = Row.of("D", 9L);

        ChangedRows changes = ChangedRows.of(List.of(a, b, c), List.of(List.of(oldA, Row.of("B", 2L), gone)),
                BY_FIRST_COLUMN, true);

        assertThat(changes.marks()).containsEntry(a, Change.CHANGED).containsEntry(c, Change.NEW)
                .containsEntry(gone, Change.REMOVED).doesNotContainKey(b);
        assertThat(changes.removed()).containsExactly(gone);
    }

    @Test
    void updateModeCallsAGroupSeenInAnyEarlierBatchChanged() {
        Row a = Row.of("A", 5L);
        Row d = Row.of("D", 1L);

        ChangedRows changes = ChangedRows.of(List.of(a, d),
                List.of(List.of(Row.of("A", 1L)), List.of(Row.of("C", 1L))), BY_FIRST_COLUMN, false);

        assertThat(changes.count(Change.CHANGED)).isEqualTo(1);
        assertThat(changes.marks()).containsEntry(a, Change.CHANGED).containsEntry(d, Change.NEW);
        assertThat(changes.removed()).isEmpty();
    }

    @Test
    void withoutAKeyARowWithOtherValuesIsNewAndItsOldValuesRemoved() {
        Row now = Row.of("A", 4L);
        Row before = Row.of("A", 1L);

        ChangedRows changes = ChangedRows.of(List.of(now), List.of(List.of(before)), WHOLE_ROW, true);

        assertThat(changes.marks()).containsEntry(now, Change.NEW).containsEntry(before, Change.REMOVED);
    }

    @Test
    void theFirstBatchHasNothingToCompareWith() {
        assertThat(ChangedRows.of(List.of(Row.of("A", 1L)), List.of(), BY_FIRST_COLUMN, true))
                .isSameAs(ChangedRows.NONE);
    }
}
