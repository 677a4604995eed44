package sluice.engine.expr.compile;

import java.util.ArrayList;
import java.util.List;
import java.time.ZoneId;
import sluice.engine.expr.analyze.NullPropagation;
import sluice.engine.expr.analyze.Typed;
import sluice.engine.expr.lex.SourceText;
import sluice.engine.types.Batch;
import sluice.engine.types.ColumnVector;
import sluice.engine.types.Schema;

/**
 * Builds the evaluator tree of a typed expression. Casts of constants are folded here, so {@code Close > 100}
 * compares against a DOUBLE constant instead of casting 100 for every row. Stateless apart from its source text.
 */
public final class Compiler {
    private final SourceText source;
    private final ZoneId zone;

    public Compiler(SourceText source, ZoneId zone) {
        this.source = source;
        this.zone = zone;
    }

    public Evaluator compile(Typed typed) {
        if (typed instanceof Typed.Constant constant) {
            return new Leaves.ConstantEvaluator(constant.value(), constant.type(), source, constant.span());
        } else if (typed instanceof Typed.Column column) {
            return new Leaves.ColumnEvaluator(column.index(), column.type(), source, column.span());
        } else if (typed instanceof Typed.Cast cast) {
            return foldIfConstant(new CastEvaluator(compile(WideningCasts.operandOf(cast)), cast.type(), cast.isTry(),
                    source, cast.span()));
        } else if (typed instanceof Typed.Arithmetic arithmetic) {
            return new ArithmeticEvaluator(arithmetic.op(), arithmetic.isTry(), compile(arithmetic.left()),
                    compile(arithmetic.right()), arithmetic.type(), source, arithmetic.span());
        } else if (typed instanceof Typed.Negate negate) {
            return new NegateEvaluator(compile(negate.operand()), negate.type(), source, negate.span());
        } else if (typed instanceof Typed.Comparison comparison) {
            return new ComparisonEvaluator(comparison.op(), compile(comparison.left()), compile(comparison.right()),
                    source, comparison.span());
        } else if (typed instanceof Typed.Logical logical) {
            return new LogicEvaluators.Logical(logical.isAnd(), compile(logical.left()), compile(logical.right()),
                    source, logical.span());
        } else if (typed instanceof Typed.Not not) {
            return new LogicEvaluators.Not(compile(not.operand()), source, not.span());
        } else if (typed instanceof Typed.IsNull isNull) {
            Typed.Constant folded = NullPropagation.folded(isNull);
            if (folded != null) {
                return compile(folded);
            }
            return new LogicEvaluators.IsNull(compile(isNull.operand()), isNull.negated(), source, isNull.span());
        } else if (typed instanceof Typed.In in) {
            return new LogicEvaluators.In(compile(in.value()), compileAll(in.list()), source, in.span());
        } else if (typed instanceof Typed.CaseWhen caseWhen) {
            return new CaseEvaluator(compileAll(caseWhen.conditions()), compileAll(caseWhen.results()),
                    compile(caseWhen.otherwise()), caseWhen.type(), source, caseWhen.span());
        } else if (typed instanceof Typed.Call call) {
            if (call.function().equals("positive")) {
                return compile(call.args().get(0));
            }
            Evaluator lambda = LambdaEvaluators.of(call, this, source);
            if (lambda != null) {
                return lambda;
            }
            List<Evaluator> args = compileAll(call.args());
            if (call.function().equals("coalesce")) {
                return new CoalesceEvaluator(args, call.type(), source, call.span());
            }
            Evaluator positional = RandomFunctions.of(call, args, source);
            if (positional != null) {
                return positional;
            }
            Evaluator inputFile = InputFileEvaluator.of(call.function(), call.type(), source, call.span());
            if (inputFile != null) {
                return inputFile;
            }
            Evaluator fast = FastPaths.of(call, args, source);
            if (fast != null) {
                return fast;
            }
            Kernels.Choice choice = Kernels.of(call);
            Evaluator column = FastPaths.overStrings(call, args, choice, source);
            if (column == null) {
                column = FastPaths.overTimes(call, args, choice, source);
            }
            if (column == null) {
                column = FastPaths.oneString(call, args, choice, source);
            }
            if (column != null) {
                return column;
            }
            return new CallEvaluator(args, choice.kernel(), choice.nullIntolerant(), choice.stopsAtNull(),
                    call.type(), source, call.span());
        } else if (typed instanceof Typed.LambdaVariable variable) {
            return new Leaves.ColumnEvaluator(variable.index(), variable.type(), source, variable.span());
        } else if (typed instanceof Typed.TryEval tryEval) {
            return new TryEvaluator(compile(tryEval.operand()), source, tryEval.span());
        }
        throw new AssertionError(typed);
    }

    private List<Evaluator> compileAll(List<Typed> typed) {
        List<Evaluator> evaluators = new ArrayList<>(typed.size());
        for (Typed t : typed) {
            evaluators.add(compile(t));
        }
        return evaluators;
    }

    // A cast that fails (CAST('abc' AS INT)) stays unfolded, so the error surfaces when the query runs, as in Spark.
    private Evaluator foldIfConstant(CastEvaluator cast) {
        Evaluator operand = cast;
        if (operandIsConstant(cast)) {
            try {
                Batch one = new Batch(Schema.EMPTY, List.of(), 1);
                ColumnVector value = cast.compute(one, new Env(0L, zone));
                return new Leaves.ConstantEvaluator(Values.get(value, 0), cast.type(), source, cast.span());
            } catch (RowFailure | sluice.engine.diag.SluiceException failure) {
                return operand;
            }
        }
        return operand;
    }

    private static boolean operandIsConstant(CastEvaluator cast) {
        return cast.operandConstant();
    }
}
