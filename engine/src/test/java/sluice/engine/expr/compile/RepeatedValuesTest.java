package sluice.engine.expr.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import sluice.engine.diag.Position;
import sluice.engine.expr.CompiledExpression;
import sluice.engine.expr.EvalContext;
import sluice.engine.expr.ExpressionCompiler;
import sluice.engine.expr.SchemaParser;
import sluice.engine.types.Batch;
import sluice.engine.types.ColumnVector;
import sluice.engine.types.Row;
import sluice.engine.types.Schema;

/**
 * Loops that remember the results of values they saw a moment before (RecentResults) give every row what the function
 * gives that row alone: repeated, interleaved, equal-but-distinct and null values, for kernels null on null and
 * kernels that take null; and loops over strings nearly all distinct, which stop remembering part way.
 */
class RepeatedValuesTest {
    private static final ZoneId ZONE = ZoneId.of("Europe/Paris");
    private static final Position WHERE = Position.option("t", "expressions");
    private static final Schema SCHEMA = SchemaParser.parse("s STRING, d DATE, ts TIMESTAMP", WHERE);
    private static final Batch BATCH = batch();
    private static final Schema TEXT = SchemaParser.parse("s STRING", WHERE);

    private static Batch batch() {
        List<Row> rows = new ArrayList<>();
        String[] texts = {"AAPL", "aapl", null, "GOOGL", "", "ß-é", "AAPL"};
        for (int i = 0; i < 600; i++) {
            // new String: equal texts are distinct objects, as a reader gives them
            String text = texts[i % texts.length] == null ? null : new String(texts[i % texts.length]);
            LocalDate date = i % 11 == 0 ? null : LocalDate.of(2024, 3, 31).plusDays(i / 7 - 40);
            rows.add(Row.of(text, date, date == null ? null : date.atTime(i % 24, 30).atZone(ZONE).toInstant()));
        }
        return Batch.ofRows(SCHEMA, rows);
    }

    @ParameterizedTest
    @ValueSource(strings = {"upper(s)", "lower(s)", "trim(s)", "substring(s, 2, 2)", "length(s)",
            "replace(s, 'A', 'x')", "md5(s)", "concat_ws('-', s, 'x')", "concat_ws('-', s, NULL)", "concat(s, "
                    + "'!')", "coalesce(s, 'none')",
            "nvl(s, 'none')", "format_string('%s|%d', s, 3)", "elt(2, 'a', s)", "year(d)", "month(d)", "dayofweek(d)",
            "date_format(d, 'yyyy-MM-dd HH:mm')", "date_format(ts, 'yyyy-MM-dd HH:mm XXX')", "hour(ts)",
            "datediff(d, DATE '2024-01-01')", "date_add(d, 3)", "unix_timestamp(ts)", "trunc(d, 'MM')",
            "trunc(d, 'week')", "trunc(d, 'QUARTER')", "trunc(d, 'yy')"})
    void everyRowGetsWhatItGivesAlone(String expression) {
        CompiledExpression compiled = new ExpressionCompiler(ZONE).compile(expression, SCHEMA, WHERE);
        EvalContext context = new EvalContext(0L, ZONE);
        ColumnVector whole = compiled.evaluate(BATCH, context);
        for (int i = 0; i < BATCH.rowCount(); i++) {
            Object alone = compiled.evaluate(BATCH.slice(i, i + 1), context).get(0);
            assertThat(whole.get(i)).as("row %d", i).isEqualTo(alone);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"MM", "MON", "week", "quarter", "year"})
    void truncOfDatesOutOfOrderAndAcrossYearsGivesWhatEachGivesAlone(String unit) {
        // trunc remembers the period of the last date it truncated; dates before it, after it or far away are new.
        Schema dates = SchemaParser.parse("d DATE", WHERE);
        List<Row> rows = new ArrayList<>();
        for (String date : new String[] {"2023-12-31", "2024-01-01", "2023-12-30", "2024-12-31", "2025-01-01", null,
                "2024-04-01", "2024-03-31", "1969-12-31", "1970-01-01", "2024-02-29", "2024-02-26", "2024-02-25",
                "0001-01-01", "9999-12-31", "2024-03-04"}) {
            rows.add(new Row(java.util.Arrays.asList(date == null ? null : LocalDate.parse(date))));
        }
        Batch batch = Batch.ofRows(dates, rows);
        CompiledExpression compiled = new ExpressionCompiler(ZONE).compile("trunc(d, '" + unit + "')", dates, WHERE);
        EvalContext context = new EvalContext(0L, ZONE);
        ColumnVector whole = compiled.evaluate(batch, context);
        for (int i = 0; i < batch.rowCount(); i++) {
            Object alone = compiled.evaluate(batch.slice(i, i + 1), context).get(0);
            assertThat(whole.get(i)).as("row %d", i).isEqualTo(alone);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"upper(s)", "instr(s, 'symbol=A')", "concat_ws('-', s, 'x')", "length(s)"})
    void distinctStringsThenRepeatedOnesGetWhatTheyGiveAlone(String expression) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 2 * RecentResults.PROBE; i++) {
            rows.add(Row.of(i % 97 == 0 ? null : "id=" + i + " symbol=" + (i % 3 == 0 ? "AAPL" : "MSFT")));
        }
        for (int i = 0; i < 300; i++) {
            rows.add(Row.of(new String(i % 2 == 0 ? "symbol=AAPL" : "x")));
        }
        Batch batch = Batch.ofRows(TEXT, rows);
        CompiledExpression compiled = new ExpressionCompiler(ZONE).compile(expression, TEXT, WHERE);
        EvalContext context = new EvalContext(0L, ZONE);
        ColumnVector whole = compiled.evaluate(batch, context);
        for (int i = 0; i < batch.rowCount(); i++) {
            Object alone = compiled.evaluate(batch.slice(i, i + 1), context).get(0);
            assertThat(whole.get(i)).as("row %d", i).isEqualTo(alone);
        }
    }
}
