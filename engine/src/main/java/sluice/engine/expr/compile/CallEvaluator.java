package sluice.engine.expr.compile;

import java.util.Arrays;
import java.util.List;
import sluice.engine.expr.lex.SourceText;
import sluice.engine.expr.lex.Span;
import sluice.engine.types.Batch;
import sluice.engine.types.ColumnVector;
import sluice.engine.types.DataType;
import sluice.engine.types.VectorBuilder;

/**
 * A function evaluated row by row over its argument columns. Strings, decimals, dates and JSON are objects anyway,
 * so a loop over a kernel costs little beyond the work itself; numeric hot paths have their own evaluators.
 */
final class CallEvaluator extends Evaluator {
    private final List<Evaluator> args;
    private final Kernel kernel;
    private final boolean nullIntolerant;
    private final boolean stopsAtNull;

    /**
     * {@code nullIntolerant}: a null argument makes the row null without calling the kernel; {@code stopsAtNull}:
     * an argument is evaluated only on the rows where every earlier one has a value, as Spark does.
     */
    CallEvaluator(List<Evaluator> args, Kernel kernel, boolean nullIntolerant, boolean stopsAtNull, DataType type,
            SourceText source, Span span) {
        super(type, source, span);
        this.args = List.copyOf(args);
        this.kernel = kernel;
        this.nullIntolerant = nullIntolerant;
        this.stopsAtNull = stopsAtNull;
    }

    @Override
    ColumnVector compute(Batch batch, Env env) {
        int n = batch.rowCount();
        ColumnVector[] columns = new ColumnVector[args.size()];
        for (int j = 0; j < columns.length; j++) {
            columns[j] = stopsAtNull && j > 0
                    ? Selection.evaluateWhereNotNull(args.get(j), batch, env, Arrays.copyOf(columns, j))
                    : args.get(j).evaluate(batch, env);
        }
        VectorBuilder out = new VectorBuilder(type(), n);
        Object[] row = new Object[columns.length];
        for (int i = 0; i < n; i++) {
            boolean anyNull = false;
            for (int j = 0; j < columns.length; j++) {
                row[j] = Values.get(columns[j], i);
                anyNull |= row[j] == null;
            }
            Values.append(out, anyNull && nullIntolerant ? null : kernel.apply(row, env));
        }
        return out.build();
    }
}
