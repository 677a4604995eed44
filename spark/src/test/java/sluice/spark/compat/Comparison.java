package sluice.spark.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

/** Asserts that Sluice's outcome of a pipeline is Spark's, batch by batch. */
final class Comparison {
    /** Sluice's error codes whose Spark error class has another name. */
    private static final Map<String, String> SPARK_CONDITION = Map.of(
            "MALFORMED_RECORD", "MALFORMED_RECORD_IN_PARSING", "SOURCE_FAILED", "FAILED_READ_FILE");

    private Comparison() {
    }

    static void assertSame(String name, Outcome sluice, Outcome spark) {
        if (sluice.rejected() != null || spark.rejected() != null) {
            assertThat(sluice.rejected()).as("%s: Sluice rejects the pipeline as Spark does (Spark: %s)", name,
                    spark.rejected()).isNotNull();
            assertThat(spark.rejected()).as("%s: Spark rejects the pipeline as Sluice does (Sluice: %s)", name,
                    sluice.rejected()).isNotNull();
            return;
        }
        if (sluice.failure() != null || spark.failure() != null) {
            assertThat(sluice.failure()).as("%s: Sluice fails as Spark does (Spark: %s)", name, spark.failure())
                    .isNotNull();
            assertThat(spark.failure()).as("%s: Spark fails as Sluice does (Sluice: %s)", name, sluice.failure())
                    .isNotNull();
            assertThat(spark.failure()).as("%s: error class (Sluice: %s)", name, sluice.failure())
                    .contains(sparkCondition(sluice.failure()));
            return;
        }
        assertThat(sluice.batches().keySet()).as("%s: sinks", name).isEqualTo(spark.batches().keySet());
        for (String sink : spark.batches().keySet()) {
            assertBatches(name + " / " + sink, sluice.batches().get(sink), spark.batches().get(sink));
        }
        for (String sink : spark.console().keySet()) {
            assertThat(ConsoleText.batches(sluice.console().get(sink))).as("%s / %s: console text", name, sink)
                    .containsExactlyElementsOf(ConsoleText.batches(spark.console().get(sink)));
        }
        for (String table : spark.memory().keySet()) {
            assertThat(RowText.sorted(sluice.memory().getOrDefault(table, List.of())))
                    .as("%s: memory table '%s'", name, table)
                    .containsExactlyElementsOf(RowText.sorted(spark.memory().get(table)));
        }
    }

    /** Sluice's messages name Spark's error class in brackets where they have one: [CAST_OVERFLOW] ... */
    private static String sparkCondition(String failure) {
        java.util.regex.Matcher bracketed = java.util.regex.Pattern.compile(": \\[([A-Z_.]+)]").matcher(failure);
        if (bracketed.find()) {
            return bracketed.group(1);
        }
        String code = failure.substring(0, failure.indexOf(':'));
        return SPARK_CONDITION.getOrDefault(code, code);
    }

    private static void assertBatches(String where, List<Outcome.BatchData> sluice, List<Outcome.BatchData> spark) {
        assertThat(sluice.stream().map(Outcome.BatchData::batchId).toList()).as("%s: batch ids", where)
                .isEqualTo(spark.stream().map(Outcome.BatchData::batchId).toList());
        for (int i = 0; i < spark.size(); i++) {
            Outcome.BatchData expected = spark.get(i);
            Outcome.BatchData actual = sluice.get(i);
            assertThat(actual.schema()).as("%s: batch %d schema", where, expected.batchId())
                    .isEqualTo(expected.schema());
            assertThat(RowText.sorted(actual.rows())).as("%s: batch %d rows", where, expected.batchId())
                    .containsExactlyElementsOf(RowText.sorted(expected.rows()));
        }
    }
}
