package sluice.engine.plan;

import java.time.Duration;
import java.util.Optional;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.SluiceException;
import sluice.engine.expr.CompiledExpression;
import sluice.engine.expr.lex.SourceText;
import sluice.engine.expr.parse.Ast;
import sluice.engine.expr.parse.Parser;
import sluice.engine.operator.WatermarkOperator;
import sluice.engine.types.AtomicType;
import sluice.engine.types.Schema;

/**
 * Plans {@code transform.watermark} as Spark's {@code withWatermark(eventTime, delayThreshold)}: the event time is a
 * TIMESTAMP column of the input, the delay a Spark interval such as {@code 10 minutes}.
 */
final class WatermarkPlan {
    private WatermarkPlan() {
    }

    static Optional<PlannedNode> plan(NodeContext context) {
        Schema input = context.inputSchema();
        Optional<Duration> delay = context.delay("delayThreshold");
        Optional<String> eventTime = context.string("eventTime");
        if (eventTime.isEmpty()) {
            return Optional.empty();
        }
        try {
            Ast parsed = new Parser(new SourceText(eventTime.get(), context.where("eventTime"))).parseExpression();
            if (!(parsed instanceof Ast.ColumnRef)) {
                context.problem("eventTime", ErrorCode.BAD_OPTION_VALUE,
                        "'eventTime' must name a TIMESTAMP column, not an expression: '%s'", eventTime.get());
                return Optional.empty();
            }
        } catch (SluiceException e) {
            context.problem(e);
            return Optional.empty();
        }
        Optional<CompiledExpression> column = context.expression("eventTime", eventTime.get(), input);
        if (column.isEmpty() || delay.isEmpty()) {
            return Optional.empty();
        }
        if (column.get().type() != AtomicType.TIMESTAMP) {
            context.problem("eventTime", ErrorCode.TYPE_MISMATCH, "[EVENT_TIME_IS_NOT_ON_TIMESTAMP_TYPE] The event "
                    + "time '%s' has the invalid type %s, but expected \"TIMESTAMP\"; cast it first, as in "
                    + "'CAST(%s AS TIMESTAMP) AS %s' in a select", column.get().name(), column.get().type().sql(),
                    column.get().name(), column.get().name());
            return Optional.empty();
        }
        int index = column.get().referencedColumns().nextSetBit(0);
        return Optional.of(new PlannedNode.TransformNode(new WatermarkOperator(input, index, delay.get().toMillis())));
    }
}
