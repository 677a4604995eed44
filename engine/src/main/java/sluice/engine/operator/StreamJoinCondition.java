package sluice.engine.operator;

import static java.util.Objects.requireNonNull;

import java.util.List;
import sluice.engine.expr.CompiledExpression;

/**
 * What a stream-stream join knows of its condition beyond the match itself, as Spark's StreamingSymmetricHashJoinExec
 * splits it: the conjuncts that read one side only (a row failing them can match nothing, so it is never kept), the
 * conjuncts that bound one side's event time by the other's, and which equi-join keys are plain columns (the input
 * column's index at each key, -1 for an expression), where a watermarked column lets state go by key. Immutable.
 */
public record StreamJoinCondition(JoinCondition match, List<CompiledExpression> leftOnly,
                                  List<CompiledExpression> rightOnly, List<TimeInequality> timeBounds,
                                  List<Integer> leftKeyColumns, List<Integer> rightKeyColumns) {
    public StreamJoinCondition {
        requireNonNull(match, "match is null");
        leftOnly = List.copyOf(leftOnly);
        rightOnly = List.copyOf(rightOnly);
        timeBounds = List.copyOf(timeBounds);
        leftKeyColumns = List.copyOf(leftKeyColumns);
        rightKeyColumns = List.copyOf(rightKeyColumns);
        if (leftKeyColumns.size() != match.leftKeys().size() || rightKeyColumns.size() != match.rightKeys().size()) {
            throw new IllegalArgumentException("a key column (or -1) is needed for every key");
        }
    }

    /**
     * The first key whose left column, or else right column, is the side's watermark column (-1 for none): Spark's
     * join key ordinal for the watermark, whose key lets rows of both sides go.
     */
    public int watermarkKey(int leftTimeColumn, int rightTimeColumn) {
        int found = leftTimeColumn < 0 ? -1 : leftKeyColumns.indexOf(leftTimeColumn);
        return found >= 0 || rightTimeColumn < 0 ? found : rightKeyColumns.indexOf(rightTimeColumn);
    }
}
