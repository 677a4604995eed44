package sluice.engine.expr.compile;

import java.time.DateTimeException;
import java.time.LocalDate;
import sluice.engine.expr.lex.SourceText;
import sluice.engine.expr.lex.Span;
import sluice.engine.types.Batch;
import sluice.engine.types.ColumnVector;
import sluice.engine.types.DataType;
import sluice.engine.types.LongVector;
import sluice.engine.types.NullMask;

/**
 * {@code trunc(date, unit)} of a DATE column with a constant unit it knows (week, month, quarter, year), in one loop
 * over the column's days: the kernel truncates a date, and every date up to the end of that week, month, quarter or
 * year takes the same result without calling it again. Dates come sorted and in runs, so a month of a stock file is
 * one call, where a call per distinct date made two LocalDates and two Longs each (a third of what benchmark (e)'s
 * aggregation allocated). Immutable; any thread.
 */
final class DateTruncEvaluator extends Evaluator {
    private final Evaluator operand;
    private final Kernel kernel;
    private final Object[] constants;
    /** The unit's length in months (3 a quarter, 12 a year), or 0 for a week. */
    private final int months;

    /** {@code upperUnit}: one of trunc's units, upper-cased; {@code constants}: the unit as the kernel takes it. */
    DateTruncEvaluator(Evaluator operand, Kernel kernel, Object[] constants, String upperUnit, DataType type,
            SourceText source, Span span) {
        super(type, source, span);
        this.operand = operand;
        this.kernel = kernel;
        this.constants = constants.clone();
        this.months = switch (upperUnit) {
            case "WEEK" -> 0;
            case "MON", "MONTH", "MM" -> 1;
            case "QUARTER" -> 3;
            case "YEAR", "YYYY", "YY" -> 12;
            default -> throw new IllegalArgumentException("not a unit of trunc: " + upperUnit);
        };
    }

    @Override
    ColumnVector compute(Batch batch, Env env) {
        LongVector a = (LongVector) operand.evaluate(batch, env);
        int n = batch.rowCount();
        long[] in = a.values();
        long[] out = new long[n];
        Object[] row = new Object[constants.length + 1];
        System.arraycopy(constants, 0, row, 1, constants.length);
        // The period [start, end) of the last date truncated: its dates all truncate to start.
        long start = 0;
        long end = 0;
        long[] nulls = a.nullWords();
        for (int i = 0; i < n; i++) {
            if (nulls != null && NullMask.get(nulls, i)) {
                continue;
            }
            long days = in[i];
            if (days < start || days >= end) {
                row[0] = days;
                start = (Long) kernel.apply(row, env);
                end = periodEnd(start);
            }
            out[i] = start;
        }
        return new LongVector(type(), out, n, a.nullWords());
    }

    /** The first day after the period that starts on {@code start}; past the last date, beyond every date. */
    private long periodEnd(long start) {
        try {
            LocalDate first = LocalDate.ofEpochDay(start);
            return (months == 0 ? first.plusWeeks(1) : first.plusMonths(months)).toEpochDay();
        } catch (DateTimeException e) {
            return Long.MAX_VALUE;
        }
    }
}
