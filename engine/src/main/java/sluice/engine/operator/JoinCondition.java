package sluice.engine.operator;

import java.util.List;
import sluice.engine.expr.CompiledExpression;

/**
 * What makes a left and a right row a match: equal keys (each left key over the left input, the right key at the same
 * place over the right input; a null key matches nothing, as {@code =} is never true with null), and then, when not
 * null, {@code residual} true over the two rows side by side (the left columns, then the right ones). No keys and no
 * residual matches every pair (a cross join). Immutable.
 */
public record JoinCondition(List<CompiledExpression> leftKeys, List<CompiledExpression> rightKeys,
                            CompiledExpression residual) {
    public JoinCondition {
        leftKeys = List.copyOf(leftKeys);
        rightKeys = List.copyOf(rightKeys);
        if (leftKeys.size() != rightKeys.size()) {
            throw new IllegalArgumentException("a join needs as many left keys as right keys");
        }
    }
}
