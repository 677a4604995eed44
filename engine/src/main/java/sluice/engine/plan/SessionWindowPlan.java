package sluice.engine.plan;

import sluice.engine.diag.ErrorCode;
import sluice.engine.expr.CompiledExpression;
import sluice.engine.expr.ExpressionCompiler;
import sluice.engine.expr.lex.SourceText;
import sluice.engine.expr.parse.Ast;
import sluice.engine.expr.parse.NamedAst;
import sluice.engine.operator.CalendarGap;
import sluice.engine.operator.GroupingKey;
import sluice.engine.pipeline.DurationText;
import sluice.engine.types.AtomicType;
import sluice.engine.types.Schema;

/**
 * Plans Spark's {@code session_window(timeColumn, gapDuration)} in an aggregation's {@code groupBy}: a string literal
 * is a static gap, read once here; any other expression of type STRING or INTERVAL is Spark's dynamic gap, evaluated
 * per row. Stateless.
 */
final class SessionWindowPlan {
    /** A count of months or years in a gap's text, such as '1 month' or '2 years'. */
    private SessionWindowPlan() {
    }

    static GroupingKey plan(NodeContext context, SourceText source, NamedAst named, Ast.Call call, Schema input) {
        if (call.args().size() != 2) {
            throw source.error(ErrorCode.WRONG_ARGUMENTS, call.span(), "[WRONG_NUM_ARGS.WITHOUT_SUGGESTION] "
                    + "function 'session_window' takes 2 arguments but %d were given", call.args().size());
        }
        Ast time = call.args().get(0);
        ExpressionCompiler compiler = new ExpressionCompiler(context.environment().zone());
        CompiledExpression timeColumn = GroupingPlan.timeColumn(compiler, source, time, input, "session_window");
        String column = GroupingPlan.eventTimeColumn(time);
        String name = named.alias() != null ? named.alias() : "session_window";
        Ast gap = call.args().get(1);
        if (gap instanceof Ast.Literal literal && literal.kind() == Ast.LiteralKind.STRING) {
            return staticSession(name, timeColumn, column, source, literal);
        }
        CompiledExpression dynamic = compiler.compile(source, gap, input);
        if (dynamic.type() != AtomicType.STRING && !dynamic.type().isDayTimeInterval()) {
            throw source.error(ErrorCode.TYPE_MISMATCH, gap.span(), "[DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] "
                    + "argument 2 of 'session_window' must be a STRING or an INTERVAL, but '%s' has type %s",
                    dynamic.name(), dynamic.type().sql());
        }
        return new GroupingKey.SessionWindow(name, timeColumn, column, dynamic, 0);
    }

    /**
     * A session window of a literal gap, its months and years apart from the rest: Spark's gap is a calendar interval,
     * whose months it adds on the calendar.
     */
    private static GroupingKey.SessionWindow staticSession(String name, CompiledExpression timeColumn, String column,
                                                           SourceText source, Ast.Literal literal) {
        CalendarGap split = CalendarGap.split(literal.text());
        // Sluice adds the months apart; a gap that is not positive is kept (Spark then drops every row).
        long micros = split.restMicros().orElseThrow(() -> source.error(ErrorCode.BAD_OPTION_VALUE, literal.span(),
                "the gap duration of 'session_window' must be %s, not '%s'", DurationText.requirement(split.rest()),
                split.rest()));
        return new GroupingKey.SessionWindow(name, timeColumn, column, null, split.months(), micros);
    }
}
