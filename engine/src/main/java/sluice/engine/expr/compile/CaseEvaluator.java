package sluice.engine.expr.compile;

import java.util.List;
import sluice.engine.expr.lex.SourceText;
import sluice.engine.expr.lex.Span;
import sluice.engine.types.Batch;
import sluice.engine.types.BooleanVector;
import sluice.engine.types.ColumnVector;
import sluice.engine.types.DataType;
import sluice.engine.types.VectorBuilder;

/**
 * Searched CASE. Each condition runs only on the rows no earlier branch took, and each result only on the rows
 * its condition chose, so a branch's errors (1 / 0) happen only where Spark would evaluate it.
 */
final class CaseEvaluator extends Evaluator {
    private final List<Evaluator> conditions;
    private final List<Evaluator> results;
    private final Evaluator otherwise;

    CaseEvaluator(List<Evaluator> conditions, List<Evaluator> results, Evaluator otherwise, DataType type,
            SourceText source, Span span) {
        super(type, source, span);
        this.conditions = List.copyOf(conditions);
        this.results = List.copyOf(results);
        this.otherwise = otherwise;
    }

    @Override
    ColumnVector compute(Batch batch, Env env) {
        int n = batch.rowCount();
        int[] branchOf = new int[n];
        int[] open = new int[n];
        int openCount = n;
        for (int i = 0; i < n; i++) {
            open[i] = i;
            branchOf[i] = conditions.size();
        }
        for (int b = 0; b < conditions.size() && openCount > 0; b++) {
            BooleanVector chosen = (BooleanVector) Selection.evaluateOn(conditions.get(b), batch, open, openCount, env);
            int still = 0;
            for (int k = 0; k < openCount; k++) {
                if (!chosen.isNull(k) && chosen.getBoolean(k)) {
                    branchOf[open[k]] = b;
                } else {
                    open[still++] = open[k];
                }
            }
            openCount = still;
        }
        ColumnVector[] parts = new ColumnVector[conditions.size() + 1];
        int[] cursor = new int[parts.length];
        for (int b = 0; b < parts.length; b++) {
            int[] rows = new int[n];
            int count = 0;
            for (int i = 0; i < n; i++) {
                if (branchOf[i] == b) {
                    rows[count++] = i;
                }
            }
            Evaluator branch = b < results.size() ? results.get(b) : otherwise;
            parts[b] = count == 0 ? null : Selection.evaluateOn(branch, batch, rows, count, env);
        }
        VectorBuilder out = new VectorBuilder(type(), n);
        for (int i = 0; i < n; i++) {
            int b = branchOf[i];
            out.appendFrom(parts[b], cursor[b]++);
        }
        return out.build();
    }
}
