package sluice.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Case (k): the restart of a file source that has seen 100,000 small files, against one that has seen 10. At setup
 * (not timed as the case) each engine runs the stream once over the files with its own checkpoint, 10,000 files a
 * batch ({@code maxFilesPerTrigger}), so the source's log is compacted as Spark compacts it (batch 9 is
 * {@code 9.compact}, holding every file seen). Then one new file is added and the stream restarts from its
 * checkpoint: the time from the process's start to the new batch's commit file (its {@code commits/N}) is the
 * restart figure, with the whole process beside it. Three restarts each (a new file each time), the median counts.
 * Sluice's restarts must read exactly the one new row: anything else fails the case. Beside them, the least a restart
 * does as a process of its own ({@link SeenFilesProcess}): its time over the restart after 10 files is what a restart
 * after 100,000 cannot help spending. Single-threaded apart from the thread that watches for the commit file.
 */
final class RestartCase {
    private static final int MANY = 100_000;
    private static final int FEW = 10;
    private static final int FILES_PER_TRIGGER = 10_000;
    private static final int RESTARTS = 3;
    private static final String HEADER = "Date,Open,High,Low,Close,Volume,Name\n";

    /** source.file over tiny CSV files -> noop, with a checkpoint (name, path, extra options; checkpoint baked in). */
    private static final String PIPELINE = """
            {"format": "sluice/1", "name": "%%s", "checkpointLocation": "%s", "nodes": [
              {"id": "stocks", "type": "source.file", "options": {"path": "%%s", "format": "csv", "header": "true",
               "schema": "Date DATE, Open DOUBLE, High DOUBLE, Low DOUBLE, Close DOUBLE, Volume BIGINT, Name STRING",
               "maxFilesPerTrigger": "%d"%%s}},
              {"id": "out", "type": "sink.noop", "inputs": ["stocks"]}
            ]}
            """;

    private RestartCase() {
    }

    /** What one engine's restarts measured (medians of {@link #RESTARTS}) and its first run over the files. */
    private record Restarts(long firstRunMs, long commitMs, long wallMs, long peakRssBytes, List<Long> commits,
                            double batchMs) {
    }

    static void run(List<String> sluice, Path work, SparkProcess spark) throws IOException, InterruptedException {
        List<String> lines = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (int files : List.of(FEW, MANY)) {
            Path dir = work.resolve("restart-" + files);
            long writeStart = System.nanoTime();
            for (int f = 0; f < files; f++) {
                writeTiny(dir, f, 0);
            }
            long writeMs = (System.nanoTime() - writeStart) / 1_000_000;
            String name = "k" + files;
            Path sluiceCheckpoint = work.resolve(name + ".checkpoint");
            String sluiceQuery = String.format(Locale.ROOT, PIPELINE, ColumnarCases.json(sluiceCheckpoint),
                    FILES_PER_TRIGGER);
            // The first run over every file: the setup, whose time is printed but is not the case.
            EngineBenchmark.Run first = EngineBenchmark.runEngine(sluice, work, name, dir, "", sluiceQuery);
            if (first.rows() != files) {
                throw new IllegalStateException("the first run read " + first.rows() + " rows of " + files);
            }
            Path sparkCheckpoint = work.resolve(name + ".spark-checkpoint");
            Path sparkPipeline = work.resolve(name + ".spark.sluice.json");
            Files.writeString(sparkPipeline, String.format(Locale.ROOT,
                    String.format(Locale.ROOT, PIPELINE, ColumnarCases.json(sparkCheckpoint), FILES_PER_TRIGGER),
                    name, ColumnarCases.json(dir), ""));
            long sparkFirstMs = -1;
            if (spark != null) {
                sparkFirstMs = spark.runMeasured(sparkPipeline, work.resolve(name + ".spark.log")).wallMs();
            }
            List<Long> sluiceCommits = new ArrayList<>();
            List<Long> sluiceWalls = new ArrayList<>();
            List<Long> sluiceRss = new ArrayList<>();
            List<Double> batchMs = new ArrayList<>();
            List<Long> sparkCommits = new ArrayList<>();
            List<Long> sparkWalls = new ArrayList<>();
            List<Long> sparkRss = new ArrayList<>();
            for (int r = 0; r < RESTARTS; r++) {
                // Newer than every file seen, so that no engine can take it for an old one.
                writeTiny(dir, files + r, 1000L * (r + 1));
                Path commits = sluiceCheckpoint.resolve("commits");
                CommitWatch watch = new CommitWatch(commits.resolve(Long.toString(latestCommit(commits) + 1)));
                EngineBenchmark.Run restart = EngineBenchmark.runEngine(sluice, work, name, dir, "", sluiceQuery);
                sluiceCommits.add(watch.finish(restart.wallMs()));
                if (restart.rows() != 1 || restart.batches() != 1) {
                    throw new IllegalStateException("the restart after " + files + " files read " + restart.rows()
                            + " rows in " + restart.batches() + " batches, not the one new row");
                }
                sluiceWalls.add(restart.wallMs());
                sluiceRss.add(restart.peakRssBytes());
                batchMs.add(restart.msPerBatch());
                if (spark != null) {
                    Path sparkCommitDir = sparkCheckpoint.resolve("out").resolve("commits");
                    CommitWatch sparkWatch = new CommitWatch(
                            sparkCommitDir.resolve(Long.toString(latestCommit(sparkCommitDir) + 1)));
                    PeakRss.Finished run = spark.runMeasured(sparkPipeline, work.resolve(name + ".spark.log"));
                    sparkCommits.add(sparkWatch.finish(run.wallMs()));
                    sparkWalls.add(run.wallMs());
                    sparkRss.add(run.peakRssBytes());
                }
            }
            // The least any restart does here, as a process of its own: its time over the restart after 10 files
            // is what a restart after 100,000 cannot help spending.
            Path logFolder = sluiceCheckpoint.resolve("sources").resolve("0");
            Path archive = work.resolve(name + ".least.jsa");
            ThisJarProcess.train(SeenFilesProcess.class, archive, work.resolve(name + ".least.log"),
                    logFolder.toString(), dir.toString());
            List<Long> least = new ArrayList<>();
            Path leastLog = work.resolve(name + ".least.log");
            for (int r = 0; r < RESTARTS; r++) {
                least.add(ThisJarProcess.timed(SeenFilesProcess.class, archive, leastLog, logFolder.toString(),
                        dir.toString()));
                String said = Files.readString(leastLog, StandardCharsets.UTF_8).strip();
                if (!said.equals((files + RESTARTS) + " seen, 0 new")) {
                    throw new IllegalStateException("the least restart after " + files + " files said: " + said);
                }
            }
            Restarts mine = new Restarts(first.wallMs(), median(sluiceCommits), median(sluiceWalls),
                    median(sluiceRss), sluiceCommits, batchMs.stream().sorted().toList().get(RESTARTS / 2));
            String label = String.format(Locale.ROOT, "(k) restart after %,d files seen, one new file", files);
            if (spark == null) {
                lines.add(String.format(Locale.ROOT, "| %s | %,d ms | %,d ms | %.0f | %s |", label, mine.commitMs(),
                        mine.wallMs(), mine.batchMs(), PeakRss.megabytes(mine.peakRssBytes())));
            } else {
                long sparkCommit = median(sparkCommits);
                lines.add(String.format(Locale.ROOT, "| %s | %,d ms | %,d ms | %,d ms | %,d ms | %.1fx | %s | %s |",
                        label, mine.commitMs(), mine.wallMs(), sparkCommit, median(sparkWalls),
                        (double) sparkCommit / Math.max(1, mine.commitMs()), PeakRss.megabytes(mine.peakRssBytes()),
                        PeakRss.megabytes(median(sparkRss))));
            }
            notes.add(String.format(Locale.ROOT, "(k) %,d files: written in %,d ms; first run over them (%d batch%s "
                    + "of at most %,d files) Sluice %,d ms%s; restarts to the commit, Sluice %s ms%s", files, writeMs,
                    first.batches(), first.batches() == 1 ? "" : "es", FILES_PER_TRIGGER, mine.firstRunMs(),
                    spark == null ? "" : String.format(Locale.ROOT, ", Spark %,d ms", sparkFirstMs),
                    format(sluiceCommits), spark == null ? "" : ", Spark " + format(sparkCommits) + " ms"));
            notes.add(String.format(Locale.ROOT, "(k) %,d files: the least a restart does, as a process of its own "
                    + "(read the log's paths, list the folder, count the names not seen): %s ms, median %,d ms", files,
                    format(least), median(least)));
        }
        System.out.println();
        if (spark == null) {
            System.out.println("| case | Sluice, restart to the new batch's commit | Sluice, whole process "
                    + "| ms of the new batch (engine) | Sluice peak RSS |");
            System.out.println("|---|---:|---:|---:|---:|");
        } else {
            System.out.println("| case | Sluice, restart to the new batch's commit | Sluice, whole process "
                    + "| Spark, restart to the new batch's commit | Spark, whole process | Spark / Sluice (commit) "
                    + "| Sluice peak RSS | Spark peak RSS |");
            System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
        }
        lines.forEach(System.out::println);
        System.out.println();
        notes.forEach(System.out::println);
    }

    /** One tiny CSV file (a header and one row), numbered {@code index}, {@code laterMs} after now. */
    private static void writeTiny(Path dir, int index, long laterMs) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(String.format(Locale.ROOT, "tiny-%06d.csv", index));
        String row = String.format(Locale.ROOT, "2000-01-03,%d.50,%d.75,%d.25,%d.60,%d,AAPL%n", 100 + index % 50,
                101 + index % 50, 99 + index % 50, 100 + index % 50, 1_000_000 + index);
        Files.write(file, (HEADER + row).getBytes(StandardCharsets.UTF_8));
        if (laterMs > 0) {
            Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() + laterMs));
        }
    }

    /** The highest batch id with a commit file in {@code commits}. */
    private static long latestCommit(Path commits) throws IOException {
        try (Stream<Path> files = Files.list(commits)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.matches("[0-9]+"))
                    .mapToLong(Long::parseLong).max()
                    .orElseThrow(() -> new IllegalStateException("no commit in " + commits));
        }
    }

    private static long median(List<Long> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }

    private static String format(List<Long> values) {
        return values.stream().map(value -> String.format(Locale.ROOT, "%,d", value)).toList().toString();
    }

    /**
     * Watches for a commit file from its creation on, every 2 ms, and keeps the time it first saw it: the time to the
     * batch's commit, without the process's stopping.
     */
    private static final class CommitWatch extends Thread {
        private final Path commit;
        private final long start = System.nanoTime();
        private volatile long seenMs = -1;
        private volatile boolean done;

        CommitWatch(Path commit) {
            this.commit = commit;
            setDaemon(true);
            start();
        }

        @Override
        public void run() {
            while (!done) {
                if (Files.exists(commit)) {
                    seenMs = (System.nanoTime() - start) / 1_000_000;
                    return;
                }
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        /** The time to the commit, called once the process has ended; fails when it did not write it. */
        long finish(long wallMs) throws InterruptedException {
            // The process has ended: a commit it wrote is seen within the next poll.
            join(1000);
            done = true;
            join();
            if (seenMs < 0) {
                throw new IllegalStateException("no commit file " + commit + " after the restart");
            }
            return seenMs;
        }
    }
}
