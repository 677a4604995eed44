package sluice.spark.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Dataset;
import sluice.engine.diag.Position;
import sluice.engine.diag.SluiceException;
import sluice.engine.expr.CompiledExpression;
import sluice.engine.expr.EvalContext;
import sluice.engine.expr.ExpressionCompiler;
import sluice.engine.expr.SelectItem;
import sluice.engine.expr.compile.GeneratedRows;
import sluice.engine.types.Batch;
import sluice.engine.types.Field;
import sluice.engine.types.Row;
import sluice.engine.types.Schema;

/**
 * One expression without input columns ({@code SELECT expr} with no FROM), evaluated by each engine: the column's
 * name, type and value as {@link RowText}, or why the engine stopped. Both run in UTC.
 */
final class ExpressionRun {
    private static final Pattern SPARK_CLASS = Pattern.compile("\\[([A-Z0-9_.]+)] ");
    private static final ZoneId UTC = ZoneId.of("UTC");

    /** What one engine made of one expression: a value, or the reason it stopped. */
    record Result(String name, String type, String value, Outcome.Stop stop) {
        @Override
        public String toString() {
            return stop != null ? "stopped: " + stop : name + " " + type + " = " + value;
        }
    }

    private ExpressionRun() {
    }

    static Result spark(String expression) {
        return spark(expression, "");
    }

    /** {@code expression} over {@code from}, a FROM clause of one row (or "" for none). */
    static Result spark(String expression, String from) {
        try {
            Dataset<org.apache.spark.sql.Row> result = TestSpark.session().sql("SELECT " + expression + from);
            List<org.apache.spark.sql.Row> rows = result.collectAsList();
            org.apache.spark.sql.types.StructField field = result.schema().fields()[0];
            return new Result(field.name(), field.dataType().simpleString(), RowText.of(rows.get(0)), null);
        } catch (Exception e) {
            // Spark's AnalysisException is a checked exception to Java.
            return new Result(null, null, null, SparkErrors.reason(e, "evaluating " + expression));
        }
    }

    static Result sluice(String expression) {
        return sluice(expression, new Batch(Schema.EMPTY, List.of(), 1));
    }

    /** {@code expression} over {@code one}, a batch of one row. */
    static Result sluice(String expression, Batch one) {
        try {
            SelectItem item = new ExpressionCompiler(UTC).compileSelectItem(expression, one.schema(),
                    Position.NOWHERE);
            if (item instanceof SelectItem.Generator generator) {
                // A generator's first row, all its columns, named and typed by the first as Spark's schema is read.
                GeneratedRows rows = generator.generator().generate(one, new EvalContext(0L, UTC));
                Field first = generator.generator().output().get(0);
                List<Object> values = new ArrayList<>();
                rows.columns().forEach(column -> values.add(column.get(0)));
                return new Result(first.name(), first.type().simpleString(), RowText.of(new Row(values)), null);
            }
            CompiledExpression compiled = ((SelectItem.Scalar) item).expression();
            Object value = compiled.evaluate(one, new EvalContext(0L, UTC)).get(0);
            return new Result(compiled.name(), compiled.type().simpleString(), RowText.of(Row.of(value)), null);
        } catch (SluiceException e) {
            Matcher named = SPARK_CLASS.matcher(e.problem().message());
            String code = e.problem().code().name();
            List<String> classes = named.lookingAt() ? List.of(code, named.group(1)) : List.of(code);
            return new Result(null, null, null, new Outcome.Stop(classes, e.problem().message()));
        }
    }

    /** Both engines give the same name, type and value, or stop for the same reason. */
    static void assertSame(String where, Result sluice, Result spark) {
        if (spark.stop() != null || sluice.stop() != null) {
            assertThat(sluice.stop()).as("%s: Sluice stops as Spark does (Spark: %s; Sluice: %s)", where, spark,
                    sluice).isNotNull();
            assertThat(spark.stop()).as("%s: Spark stops as Sluice does (Sluice: %s)", where, sluice).isNotNull();
            ErrorClasses.assertSameReason(where, sluice.stop(), spark.stop());
            return;
        }
        assertThat(sluice.toString()).as(where).isEqualTo(spark.toString());
    }
}
