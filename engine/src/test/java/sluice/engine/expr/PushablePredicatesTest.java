package sluice.engine.expr;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import sluice.engine.diag.Position;
import sluice.engine.types.AtomicType;
import sluice.engine.types.Field;
import sluice.engine.types.Schema;

class PushablePredicatesTest {
    private static final Schema INPUT = Schema.of(Field.of("n", AtomicType.INT), Field.of("s", AtomicType.STRING),
            Field.of("x", AtomicType.DOUBLE), Field.of("big", AtomicType.BIGINT));

    private static List<ColumnPredicate> pushable(String condition) {
        return new ExpressionCompiler(ZoneOffset.UTC).pushablePredicates(condition, INPUT,
                Position.option("filter", "condition"));
    }

    @Test
    void comparisonsOfAColumnAndALiteralJoinedByAndArePushedWithTheLiteralOnTheRight() {
        assertThat(pushable("n < 10 AND 'a' <= s AND big IS NOT NULL")).containsExactly(
                new ColumnPredicate(0, AtomicType.INT, ColumnPredicate.Op.LT, 10L),
                new ColumnPredicate(1, AtomicType.STRING, ColumnPredicate.Op.GE, "a"),
                new ColumnPredicate(3, AtomicType.BIGINT, ColumnPredicate.Op.IS_NOT_NULL, null));
    }

    @Test
    void orDoublesExpressionsAndNullLiteralsAreNotPushed() {
        assertThat(pushable("n < 10 OR s = 'a'")).isEmpty();
        assertThat(pushable("x > 1.0 AND n + 1 = 3 AND n = NULL AND n <=> 2")).isEmpty();
    }
}
