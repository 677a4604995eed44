package sluice.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a pipeline on Spark local mode as a whole process, through Sluice's Spark runner, as a user of the runner
 * would: {@code java -cp <runner and Spark> sluice.spark.runner.SparkRunner PIPELINE --trigger available-now}.
 * Spark's settings are the ones the compatibility suite uses: two cores, two shuffle partitions, no UI, UTC.
 */
final class SparkProcess {
    /** The opens Spark 4.1 needs on Java 17 (checked on our machines). */
    private static final List<String> OPENS = List.of("java.lang", "java.lang.invoke", "java.lang.reflect", "java.io",
            "java.net", "java.nio", "java.util", "java.util.concurrent", "java.util.concurrent.atomic",
            "jdk.internal.ref", "sun.nio.ch", "sun.nio.cs", "sun.security.action", "sun.util.calendar");

    private final String classpath;

    private SparkProcess(String classpath) {
        this.classpath = classpath;
    }

    /** {@code classpathFile} holds the runner's dependency class path (Maven's build-classpath output). */
    static SparkProcess from(Path runnerClasses, Path classpathFile) throws IOException {
        String dependencies = Files.readString(classpathFile, StandardCharsets.UTF_8).trim();
        return new SparkProcess(runnerClasses.toAbsolutePath() + java.io.File.pathSeparator + dependencies);
    }

    /** Wall-clock milliseconds of the whole run; fails when Spark's process fails. */
    long run(Path pipeline, Path log) throws IOException, InterruptedException {
        return runMeasured(pipeline, log).wallMs();
    }

    /** The whole run's wall-clock milliseconds and peak RSS; fails when Spark's process fails. */
    PeakRss.Finished runMeasured(Path pipeline, Path log) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-Xmx3g", "-XX:+IgnoreUnrecognizedVMOptions",
                "-Djdk.reflect.useDirectMethodHandle=false"));
        OPENS.forEach(open -> command.add("--add-opens=java.base/" + open + "=ALL-UNNAMED"));
        command.addAll(List.of("-Dspark.master=local[2]", "-Dspark.sql.shuffle.partitions=2",
                "-Dspark.ui.enabled=false", "-Dspark.sql.session.timeZone=UTC", "-Dspark.driver.host=127.0.0.1",
                "-Dspark.driver.bindAddress=127.0.0.1", "-cp", classpath, "sluice.spark.runner.SparkRunner",
                pipeline.toString(), "--trigger", "available-now"));
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        PeakRss.Finished finished = PeakRss.waitFor(process, start);
        if (finished.exit() != 0) {
            throw new IllegalStateException("Spark run failed (exit " + finished.exit() + "); see " + log);
        }
        return finished;
    }
}
