package sluice.spark.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.junit.jupiter.api.Test;
import sluice.engine.pipeline.Trigger;
import sluice.engine.plan.PipelineLoader;
import sluice.engine.runtime.EngineEnvironment;
import sluice.engine.runtime.QueryListener;
import sluice.engine.runtime.QueryOptions;
import sluice.engine.sink.MemoryTables;
import sluice.engine.types.PartitionedBatch;
import sluice.spark.translate.SinkQuery;
import sluice.spark.translate.SparkTranslator;

/** rate-plus-one is time-based, so the engines agree on the schema and on the rule result = value + 1. */
class RateExampleTest {
    private static final Path PIPELINE = Path.of("..", "sample-data", "pipelines", "rate-plus-one.sluice.json")
            .toAbsolutePath().normalize();

    @Test
    void ratePlusOneHasSparksSchemaAndResultIsValuePlusOneOnBoth() throws Exception {
        List<String> sparkSchemas = new ArrayList<>();
        List<Row> sparkRows = new ArrayList<>();
        PipelineLoader.Loaded loaded = Pipelines.load(PIPELINE);
        SinkQuery translated = new SparkTranslator(TestSpark.session()).translate(loaded.plan(),
                Pipelines.environment(PIPELINE), Trigger.DEFAULT, null).queries().get(0);
        VoidFunction2<Dataset<Row>, Long> collect = (data, batchId) -> {
            synchronized (sparkRows) {
                sparkSchemas.add(data.schema().simpleString());
                sparkRows.addAll(data.collectAsList());
            }
        };
        List<sluice.engine.types.Row> sluiceRows = new ArrayList<>();
        List<String> sluiceSchemas = new ArrayList<>();

        StreamingQuery sparkQuery = translated.input().writeStream().foreachBatch(collect).start();
        sluice.engine.runtime.StreamingQuery sluiceQuery = sluice.engine.runtime.StreamingQuery.create(loaded.plan(),
                new QueryOptions(Trigger.DEFAULT, null, 4), new EngineEnvironment(
                        new java.io.PrintStream(java.io.OutputStream.nullOutputStream()), new MemoryTables(),
                        Clock.systemUTC(), ZoneOffset.UTC, 2));
        sluiceQuery.addListener(new QueryListener() {
            @Override
            public boolean wantsBatchData() {
                return true;
            }

            @Override
            public void onBatchData(long batchId, Map<String, PartitionedBatch> outputs) {
                sluiceSchemas.add(outputs.get("console").schema().simpleString());
                sluiceRows.addAll(outputs.get("console").toBatch().rows());
            }
        });
        sluiceQuery.start();
        sluiceQuery.awaitTermination(Duration.ofSeconds(30));
        sparkQuery.awaitTermination(4_000);
        sparkQuery.stop();

        assertThat(sparkSchemas).isNotEmpty();
        assertThat(sluiceSchemas).isNotEmpty().allMatch(sparkSchemas.get(0)::equals);
        assertThat(sparkRows).isNotEmpty().allSatisfy(row -> assertThat(row.getLong(2)).isEqualTo(row.getLong(1) + 1));
        assertThat(sluiceRows).isNotEmpty()
                .allSatisfy(row -> assertThat((Long) row.get(2)).isEqualTo((Long) row.get(1) + 1));
    }
}
