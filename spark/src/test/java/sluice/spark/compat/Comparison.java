package sluice.spark.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import sluice.engine.pipeline.NodeSpec;
import sluice.engine.pipeline.OptionValue;
import sluice.engine.pipeline.PipelineSpec;

/**
 * Asserts that Sluice's outcome of a pipeline is Spark's, batch by batch: both reject it for the same reason, or both
 * run the same batches (up to the failure that stops both for the same reason, if one does), with the same rows,
 * console text, memory tables and file sink output.
 */
final class Comparison {
    /** Options of sink.file that are not the format's write options. */
    private static final Set<String> NOT_WRITE_OPTIONS = Set.of("path", "format", "outputmode");

    private Comparison() {
    }

    static void assertSame(String name, PipelineSpec spec, Outcome sluice, Outcome spark) {
        if (sluice.rejected() != null || spark.rejected() != null) {
            assertThat(sluice.rejected()).as("%s: Sluice rejects the pipeline as Spark does (Spark: %s)", name,
                    spark.rejected()).isNotNull();
            assertThat(spark.rejected()).as("%s: Spark rejects the pipeline as Sluice does (Sluice: %s)", name,
                    sluice.rejected()).isNotNull();
            ErrorClasses.assertSameReason(name + ": rejection", sluice.rejected(), spark.rejected());
            return;
        }
        if (sluice.failure() != null || spark.failure() != null) {
            assertThat(sluice.failure()).as("%s: Sluice fails as Spark does (Spark: %s)", name, spark.failure())
                    .isNotNull();
            assertThat(spark.failure()).as("%s: Spark fails as Sluice does (Sluice: %s)", name, sluice.failure())
                    .isNotNull();
            ErrorClasses.assertSameReason(name + ": failure", sluice.failure(), spark.failure());
        }
        // The batches before a failure count as much as those of a run that ends well.
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
        assertThat(sluice.files().keySet()).as("%s: file sinks", name).isEqualTo(spark.files().keySet());
        for (String sink : spark.files().keySet()) {
            assertFiles(name + " / " + sink, spec.node(sink).orElseThrow(), sluice.files().get(sink),
                    spark.files().get(sink));
        }
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

    /**
     * Each committed batch added part files holding the same lines (as a multiset: file names differ, and which
     * file a row lands in follows the engine's partitions), and Spark's reader, which takes only the files the sink's
     * log lists, reads the same rows from both folders.
     */
    private static void assertFiles(String where, NodeSpec sink, Outcome.FileOutput sluice, Outcome.FileOutput spark) {
        String format = text(sink, "format");
        Map<Long, SinkFolder.BatchFiles> expected = SinkFolder.batches(spark.folder(), format);
        assertThat(SinkFolder.batches(sluice.folder(), format)).as("%s: part files of each committed batch", where)
                .isEqualTo(expected);
        if (expected.isEmpty()) {
            return;
        }
        if (format.equalsIgnoreCase("parquet")) {
            SinkFolder.assertSluiceReadsAsSpark(where, spark.folder(), format);
            SinkFolder.assertSluiceReadsAsSpark(where, sluice.folder(), format);
        }
        Map<String, String> options = writeOptions(sink);
        List<String> sparkRows = SinkFolder.readBack(spark.folder(), format, options, spark.schema());
        assertThat(RowText.sorted(SinkFolder.readBack(sluice.folder(), format, options, sluice.schema())))
                .as("%s: the folder read back by spark.read", where)
                .containsExactlyElementsOf(RowText.sorted(sparkRows));
    }

    /** The sink's write options as the case gives them, to read its folder back with. */
    private static Map<String, String> writeOptions(NodeSpec sink) {
        Map<String, String> options = new LinkedHashMap<>();
        sink.options().forEach((option, value) -> {
            if (!NOT_WRITE_OPTIONS.contains(option.toLowerCase(Locale.ROOT))
                    && value instanceof OptionValue.Text text) {
                options.put(option, text.value());
            }
        });
        return options;
    }

    private static String text(NodeSpec node, String option) {
        return ((OptionValue.Text) node.option(option).orElseThrow()).value().trim();
    }
}
