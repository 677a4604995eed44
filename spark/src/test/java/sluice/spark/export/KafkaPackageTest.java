package sluice.spark.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import sluice.engine.export.ScriptExporter;
import sluice.spark.compat.TestSpark;

/** The exported scripts' --packages names the Kafka connector of the Spark that Sluice runs with and follows. */
class KafkaPackageTest {
    @Test
    void exportedKafkaScriptsAskForTheConnectorOfThisSparkVersion() {
        String version = TestSpark.session().version();

        assertThat(ScriptExporter.KAFKA_PACKAGE).isEqualTo("org.apache.spark:spark-sql-kafka-0-10_2.13:" + version);
    }
}
