package sluice.spark.compat;

import org.apache.spark.sql.SparkSession;

/**
 * The one SparkSession of the test run (a session takes seconds to start). Local mode on two cores, loopback only,
 * UTC, Java 8 time types, as the suite compares against Sluice in UTC.
 *
 * <p>Checkpoint and state files are written through Hadoop's {@code FileSystem} rather than Spark's default {@code
 * FileContext}: without Hadoop's native library, {@code FileContext} on the local file system resolves every path it
 * renames by starting a {@code readlink} process, tens of thousands of them in a run of the suite; and that file
 * system sets permissions without a {@code chmod} process ({@link JavaPermissionsFileSystem}). The files and what the
 * queries compute are the same.
 */
public final class TestSpark {
    private static final String CHECKPOINT_FILES =
            "org.apache.spark.sql.execution.streaming.checkpointing.FileSystemBasedCheckpointFileManager";
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
                    .config("spark.sql.streaming.checkpointFileManagerClass", CHECKPOINT_FILES)
                    .config("spark.hadoop.fs.file.impl", JavaPermissionsFileSystem.class.getName())
                    .getOrCreate();
        }
        return session;
    }
}
