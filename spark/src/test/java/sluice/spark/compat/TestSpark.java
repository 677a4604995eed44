package sluice.spark.compat;

import org.apache.spark.sql.SparkSession;

/**
 * The one SparkSession of the test run (a session takes seconds to start; the suite must stay under five minutes).
 * Local mode on two cores, loopback only, UTC, Java 8 time types, as the suite compares against Sluice in UTC.
 */
public final class TestSpark {
    private static SparkSession session;

    private TestSpark() {
    }

    public static synchronized SparkSession session() {
        if (session == null) {
            session = SparkSession.builder()
                    .appName("sluice-compatibility")
                    .master("local[2]")
                    .config("spark.sql.shuffle.partitions", "2")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.session.timeZone", "UTC")
                    .config("spark.sql.datetime.java8API.enabled", "true")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.sql.streaming.forceDeleteTempCheckpointLocation", "true")
                    .getOrCreate();
        }
        return session;
    }
}
