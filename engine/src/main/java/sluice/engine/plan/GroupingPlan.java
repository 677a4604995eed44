package sluice.engine.plan;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.Position;
import sluice.engine.diag.SluiceException;
import sluice.engine.expr.CompiledExpression;
import sluice.engine.expr.ExpressionCompiler;
import sluice.engine.expr.lex.SourceText;
import sluice.engine.expr.parse.Ast;
import sluice.engine.expr.parse.NamedAst;
import sluice.engine.expr.parse.Parser;
import sluice.engine.operator.GroupingKey;
import sluice.engine.pipeline.DurationText;
import sluice.engine.types.AtomicType;
import sluice.engine.types.MapType;
import sluice.engine.types.Schema;
import sluice.engine.types.StructType;

/**
 * Plans one element of an aggregation's {@code groupBy}: an expression, or Spark's {@code window(timeColumn,
 * windowDuration[, slideDuration[, startTime]])} with Spark's checks of its durations (TimeWindow), or Spark's
 * {@code session_window(timeColumn, gapDuration)} (see SessionWindowPlan). Problems go to
 * the node's context, on the element's option ({@code groupBy #2}).
 */
final class GroupingPlan {
    private GroupingPlan() {
    }

    static Optional<GroupingKey> plan(NodeContext context, String option, String text, Schema input) {
        SourceText source = new SourceText(text, context.where(option));
        NamedAst named;
        try {
            named = new Parser(source).parseNamed();
            ExpressionCompiler.refuseMultiAlias(source, named);
        } catch (SluiceException e) {
            context.problem(e);
            return Optional.empty();
        }
        if (named.expression() instanceof Ast.Call call && (call.function().equalsIgnoreCase("window")
                || call.function().equalsIgnoreCase("session_window"))) {
            if (!context.inputsKnown()) {
                return Optional.empty();
            }
            try {
                return Optional.of(call.function().equalsIgnoreCase("window")
                        ? window(context, source, named, call, input)
                        : SessionWindowPlan.plan(context, source, named, call, input));
            } catch (SluiceException e) {
                context.problem(e);
                return Optional.empty();
            }
        }
        Optional<CompiledExpression> key = context.expression(option, text, input);
        if (key.isPresent() && key.get().type() instanceof MapType) {
            // Spark cannot group by a map: map values have no equality it can hash.
            context.problem(option, ErrorCode.TYPE_MISMATCH, "[GROUP_EXPRESSION_TYPE_IS_NOT_ORDERABLE] cannot "
                    + "group by '%s' of type %s: maps cannot be compared", key.get().name(), key.get().type().sql());
            return Optional.empty();
        }
        String column = named.expression() instanceof Ast.ColumnRef ref ? ref.name() : null;
        return key.map(compiled -> new GroupingKey.Expression(compiled, column));
    }

    private static GroupingKey window(NodeContext context, SourceText source, NamedAst named, Ast.Call call,
                                      Schema input) {
        int arity = call.args().size();
        if (arity < 2 || arity > 4) {
            throw source.error(ErrorCode.WRONG_ARGUMENTS, call.span(), "[WRONG_NUM_ARGS.WITHOUT_SUGGESTION] "
                    + "function 'window' takes 2, 3 or 4 arguments but %d were given", arity);
        }
        Ast time = call.args().get(0);
        ExpressionCompiler compiler = new ExpressionCompiler(context.environment().zone());
        if (compiler.compile(source, time, input).type() instanceof StructType) {
            // Spark windows a window column (an earlier aggregation's) by its event time, window_time(window).
            time = new Ast.Call("window_time", List.of(time), time.span(), time.span());
        }
        CompiledExpression timeColumn = timeColumn(compiler, source, time, input, "window");
        String column = eventTimeColumn(time);
        long window = duration(source, call.args().get(1), "window duration", false);
        long slide = arity > 2 ? duration(source, call.args().get(2), "slide duration", false) : window;
        long start = arity > 3 ? duration(source, call.args().get(3), "start time", true) : 0;
        if (window <= 0) {
            throw source.error(ErrorCode.BAD_OPTION_VALUE, call.args().get(1).span(),
                    "The window duration (%d) must be greater than 0.", window);
        } else if (slide <= 0) {
            throw source.error(ErrorCode.BAD_OPTION_VALUE, call.args().get(2).span(),
                    "The slide duration (%d) must be greater than 0.", slide);
        } else if (slide > window) {
            throw source.error(ErrorCode.BAD_OPTION_VALUE, call.args().get(2).span(), "The slide duration (%d) "
                    + "must be less than or equal to the windowDuration (%d).", slide, window);
        } else if (Math.abs(start) >= slide) {
            throw source.error(ErrorCode.BAD_OPTION_VALUE, call.args().get(3).span(), "The absolute value of start "
                    + "time (%d) must be less than the slideDuration (%d).", start, slide);
        }
        String name = named.alias() != null ? named.alias() : "window";
        return new GroupingKey.TimeWindow(name, timeColumn, column, window, slide, start);
    }

    /**
     * The input column a window's time argument is the event time of: the column itself, or the window column of
     * {@code window_time(window)}, which Spark gives the window's watermark metadata; null for any other expression.
     */
    static String eventTimeColumn(Ast time) {
        if (time instanceof Ast.ColumnRef ref) {
            return ref.name();
        } else if (time instanceof Ast.Call call && call.function().equalsIgnoreCase("window_time")
                && call.args().size() == 1 && call.args().get(0) instanceof Ast.ColumnRef ref) {
            return ref.name();
        }
        return null;
    }

    /** The time argument of {@code function}: a TIMESTAMP, or a DATE cast to one as Spark casts it implicitly. */
    static CompiledExpression timeColumn(ExpressionCompiler compiler, SourceText source, Ast time, Schema input,
                                         String function) {
        CompiledExpression timeColumn = compiler.compile(source, time, input);
        if (timeColumn.type() == AtomicType.DATE) {
            return compiler.compile(source, new Ast.Cast(time, AtomicType.TIMESTAMP, false, time.span()), input);
        } else if (timeColumn.type() != AtomicType.TIMESTAMP) {
            throw source.error(ErrorCode.TYPE_MISMATCH, time.span(), "[DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] "
                    + "argument 1 of '%s' must be a TIMESTAMP, but '%s' has type %s", function, timeColumn.name(),
                    timeColumn.type().sql());
        }
        return timeColumn;
    }

    /** A duration argument, a string such as '10 minutes', in microseconds; {@code signed} allows a leading '-'. */
    private static long duration(SourceText source, Ast arg, String what, boolean signed) {
        if (!(arg instanceof Ast.Literal literal && literal.kind() == Ast.LiteralKind.STRING)) {
            throw source.error(ErrorCode.TYPE_MISMATCH, arg.span(), "the %s of 'window' must be a string such as "
                    + "'10 minutes'", what);
        }
        String text = literal.text().trim();
        boolean negative = signed && text.startsWith("-");
        String magnitude = negative ? text.substring(1) : text;
        if (magnitude.toLowerCase(Locale.ROOT).matches(".*\\b(month|months|year|years|mon|mons)\\b.*")) {
            throw source.error(ErrorCode.BAD_OPTION_VALUE, arg.span(),
                    "Intervals greater than a month is not supported (%s).", text);
        }
        Optional<Duration> parsed = DurationText.parse(magnitude);
        if (parsed.isEmpty()) {
            throw source.error(ErrorCode.BAD_OPTION_VALUE, arg.span(), "the %s of 'window' must be %s, not '%s'",
                    what, DurationText.requirement(magnitude), text);
        }
        long micros = Math.addExact(Math.multiplyExact(parsed.get().getSeconds(), 1_000_000L),
                parsed.get().getNano() / 1000);
        return negative ? -micros : micros;
    }

    /** The position of element {@code index} of {@code groupBy}, for callers that report on it. */
    static String option(int index) {
        return Position.elementOption("groupBy", index);
    }
}
