package sluice.engine.operator;

/**
 * One output column of a join: a column of the left input, of the right input, or (a full outer join's USING column)
 * the left one where it is not null, else the right one, as Spark's {@code coalesce(l, r)}. -1 marks a side it does
 * not take.
 */
public record JoinColumn(int left, int right) {
    public JoinColumn {
        if (left < -1 || right < -1 || left == -1 && right == -1) {
            throw new IllegalArgumentException("a join column takes a column of at least one side: " + left + ", "
                    + right);
        }
    }

    public static JoinColumn ofLeft(int index) {
        return new JoinColumn(index, -1);
    }

    public static JoinColumn ofRight(int index) {
        return new JoinColumn(-1, index);
    }
}
