package sluice.engine.types;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * The rows of a batch that a file source's reader found malformed and PERMISSIVE mode kept (as nulls), each with the
 * file and line of its record, in row order. A workbench aid: Spark keeps no such mark, so nothing but the inspector
 * reads it. A batch without malformed rows holds null instead of an empty one, so the hot path pays nothing for it.
 * Made by the file reader's row collector, carried by {@link Batch#select}, {@link Batch#slice} and
 * {@link Batch#concat} (hence by filters, projections and unions), dropped by operators that make new rows
 * (aggregations). Immutable.
 */
public record MalformedRows(List<Mark> marks) {
    /** Row {@code row} of its batch was the malformed record at {@code line} (1-based) of {@code file}. */
    public record Mark(int row, String file, long line) {
        public Mark {
            requireNonNull(file, "file is null");
            if (row < 0) {
                throw new IllegalArgumentException("negative row " + row);
            }
        }

        Mark at(int newRow) {
            return new Mark(newRow, file, line);
        }
    }

    public MalformedRows {
        marks = List.copyOf(marks);
        if (marks.isEmpty()) {
            throw new IllegalArgumentException("no marks: a batch without malformed rows holds null");
        }
        for (int i = 1; i < marks.size(); i++) {
            if (marks.get(i).row() <= marks.get(i - 1).row()) {
                throw new IllegalArgumentException("marks out of row order at " + marks.get(i).row());
            }
        }
    }

    /** The marks in {@code marks}, or null when there are none (a batch's way of saying so). */
    public static MalformedRows ofOrNull(List<Mark> marks) {
        return marks.isEmpty() ? null : new MalformedRows(marks);
    }

    /** The last marked row, so a batch can check the marks fit in it. */
    int lastRow() {
        return marks.get(marks.size() - 1).row();
    }

    /** The mark of row {@code row}, or null if that row was read well. */
    public Mark find(int row) {
        int at = firstAtOrAfter(row);
        return at < marks.size() && marks.get(at).row() == row ? marks.get(at) : null;
    }

    /** The marks of the batch {@link Batch#select} makes: its row {@code i} is row {@code rows[i]} of this one. */
    MalformedRows select(int[] rows, int count) {
        List<Mark> picked = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Mark mark = find(rows[i]);
            if (mark != null) {
                picked.add(mark.at(i));
            }
        }
        return ofOrNull(picked);
    }

    /** The marks of rows {@code [from, to)}, counted from {@code from}. */
    MalformedRows slice(int from, int to) {
        // Found by halving, not by a scan: a per-row evaluation (try_…) slices a batch into single rows.
        List<Mark> picked = new ArrayList<>();
        for (int i = firstAtOrAfter(from); i < marks.size() && marks.get(i).row() < to; i++) {
            picked.add(marks.get(i).at(marks.get(i).row() - from));
        }
        return ofOrNull(picked);
    }

    /** The index of the first mark of a row at or after {@code row}, or the number of marks. */
    private int firstAtOrAfter(int row) {
        int low = 0;
        int high = marks.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (marks.get(middle).row() < row) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** These marks moved down by {@code offset} rows, appended to {@code into}. */
    void addShifted(int offset, List<Mark> into) {
        for (Mark mark : marks) {
            into.add(mark.at(mark.row() + offset));
        }
    }
}
