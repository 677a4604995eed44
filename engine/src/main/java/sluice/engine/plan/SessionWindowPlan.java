package sluice.engine.plan;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import sluice.engine.diag.ErrorCode;
import sluice.engine.expr.CompiledExpression;
import sluice.engine.expr.ExpressionCompiler;
import sluice.engine.expr.lex.SourceText;
import sluice.engine.expr.parse.Ast;
import sluice.engine.expr.parse.NamedAst;
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
        String column = time instanceof Ast.ColumnRef ref ? ref.name() : null;
        String name = named.alias() != null ? named.alias() : "session_window";
        Ast gap = call.args().get(1);
        if (gap instanceof Ast.Literal literal && literal.kind() == Ast.LiteralKind.STRING) {
            return new GroupingKey.SessionWindow(name, timeColumn, column, null, staticGap(source, literal));
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
     * The microseconds of a literal gap. One that is not positive is kept: Spark then drops every row, as a session
     * must end after it starts.
     */
    private static long staticGap(SourceText source, Ast.Literal literal) {
        String text = literal.text().trim();
        if (text.toLowerCase(Locale.ROOT).matches(".*\\b(month|months|year|years|mon|mons)\\b.*")) {
            throw source.error(ErrorCode.BAD_OPTION_VALUE, literal.span(),
                    "the gap duration of 'session_window' cannot be in months or years yet (%s)", text);
        }
        Optional<Duration> parsed = DurationText.parse(text);
        if (parsed.isEmpty()) {
            throw source.error(ErrorCode.BAD_OPTION_VALUE, literal.span(), "the gap duration of 'session_window' must "
                    + "be %s, not '%s'", DurationText.requirement(text), text);
        }
        return micros(parsed.get());
    }

    static long micros(Duration duration) {
        return Math.addExact(Math.multiplyExact(duration.getSeconds(), 1_000_000L), duration.getNano() / 1000);
    }
}
