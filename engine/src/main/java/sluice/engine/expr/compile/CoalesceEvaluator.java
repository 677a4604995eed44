package sluice.engine.expr.compile;

import java.util.List;
import sluice.engine.expr.lex.SourceText;
import sluice.engine.expr.lex.Span;
import sluice.engine.types.Batch;
import sluice.engine.types.ColumnVector;
import sluice.engine.types.DataType;
import sluice.engine.types.VectorBuilder;

/**
 * coalesce, nvl and ifnull. Each argument runs only on the rows every earlier one left null, as Spark evaluates them,
 * so {@code nvl(d, CAST(s AS DATE))} fails only where {@code d} is null and {@code s} is no date. Immutable.
 */
final class CoalesceEvaluator extends Evaluator {
    private final List<Evaluator> args;

    CoalesceEvaluator(List<Evaluator> args, DataType type, SourceText source, Span span) {
        super(type, source, span);
        this.args = List.copyOf(args);
    }

    @Override
    ColumnVector compute(Batch batch, Env env) {
        int n = batch.rowCount();
        int[] open = new int[n];
        int[] argumentOf = new int[n];
        int[] positionOf = new int[n];
        for (int i = 0; i < n; i++) {
            open[i] = i;
            argumentOf[i] = -1;
        }
        int openCount = n;
        ColumnVector[] parts = new ColumnVector[args.size()];
        for (int j = 0; j < args.size() && openCount > 0; j++) {
            ColumnVector part = Selection.evaluateOn(args.get(j), batch, open, openCount, env);
            parts[j] = part;
            int still = 0;
            for (int k = 0; k < openCount; k++) {
                if (part.isNull(k)) {
                    open[still++] = open[k];
                } else {
                    argumentOf[open[k]] = j;
                    positionOf[open[k]] = k;
                }
            }
            openCount = still;
            if (j == 0 && openCount == 0) {
                return part;
            }
        }
        VectorBuilder out = new VectorBuilder(type(), n);
        for (int i = 0; i < n; i++) {
            if (argumentOf[i] < 0) {
                out.appendNull();
            } else {
                out.appendFrom(parts[argumentOf[i]], positionOf[i]);
            }
        }
        return out.build();
    }
}
