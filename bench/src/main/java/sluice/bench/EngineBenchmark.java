package sluice.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The engine benchmark of the README: (a) 2,000,000 CSV rows in 20 files through select + filter into the noop sink,
 * (b) 300 one-file batches of 10 rows with maxFilesPerTrigger 1 (the cost of a batch), (c) the same query as a
 * hand-written loop, (d) the 2,000,000 rows of (a) through ten common string and date functions, (e) the 2,000,000
 * rows grouped by symbol and month with four aggregates in complete mode, one batch, (f) 300 one-file batches of 10
 * rows whose dates move on file by file through a 7-day window aggregation with a 2-day watermark in append mode (the
 * state's memory is printed at its first, middle and last batch: the watermark keeps it flat). (a), (b), (d), (e) and
 * (f) run {@code sluice run} as whole processes, as a user would, and read the engine's own progress lines for rows/s
 * and ms per batch. With {@code --spark-classpath FILE} the same pipelines also run on Spark local mode through
 * Sluice's Spark runner, and the table gains Spark's times and the ratio. (a) runs three times on each engine and the
 * median counts: one whole process of either varies by a tenth or more between runs. With {@code --launcher PATH}
 * (the app image's {@code bin/sluice}) (a), (d), (e), (i) and (j) also run through that launcher, three times each
 * (the median counts), in rows of their own and next to Spark. (g) is a long stream, 10,000,000 rows in 50 files
 * read 10 files a batch (5 batches) through the query of (a):
 * its engine rows/s over the batches after the first (the engine warm) is set against the hand-written loop run on
 * all cores, one file per thread, in the same run (three rounds of both; the median ratio counts). Every whole
 * process's peak RSS is read from {@code /proc}. With {@code --only g} only (g) and the loop run, with {@code --only d}
 * or {@code --only e} only that case. (i), (j) and (k), the Parquet, ORC and restart cases, are {@link LakeCases}:
 * (i) and (j) run after the others, (k) only with {@code --restart} or {@code --only k}. Usage:
 * {@code java -jar bench/target/sluice-bench.jar [--spark-classpath spark/spark-classpath.txt]
 * [--launcher app/target/dist/Sluice/bin/sluice] [--only g|d|e|i|j|k|i,j,k] [--restart] [engine jar]}.
 */
public final class EngineBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int RUNS_OF_A = 3;
    /** Case (g): 50 files of 200,000 rows, 10 files a batch. */
    private static final int LONG_FILES = 50;
    private static final int LONG_ROWS_PER_FILE = 200_000;
    private static final String LONG_FILES_PER_TRIGGER = ", \"maxFilesPerTrigger\": \"10\"";
    private static final String QUERY = """
            {"format": "sluice/1", "name": "%s", "nodes": [
              {"id": "stocks", "type": "source.file", "options": {"path": "%s", "format": "csv", "header": "true",
               "schema": "Date DATE, Open DOUBLE, High DOUBLE, Low DOUBLE, Close DOUBLE, Volume BIGINT, Name STRING"
               %s}},
              {"id": "change", "type": "transform.select", "inputs": ["stocks"],
               "options": {"expressions": ["Name", "Date", "Close", "Close - Open AS change"]}},
              {"id": "rising", "type": "transform.filter", "inputs": ["change"],
               "options": {"condition": "change > 0"}},
              {"id": "out", "type": "sink.noop", "inputs": ["rising"]}
            ]}
            """;

    /** Case (d): ten common string and date functions over every row of (a), into the noop sink. */
    private static final String FUNCTIONS = """
            {"format": "sluice/1", "name": "%s", "nodes": [
              {"id": "stocks", "type": "source.file", "options": {"path": "%s", "format": "csv", "header": "true",
               "schema": "Date DATE, Open DOUBLE, High DOUBLE, Low DOUBLE, Close DOUBLE, Volume BIGINT, Name STRING"
               %s}},
              {"id": "functions", "type": "transform.select", "inputs": ["stocks"],
               "options": {"expressions": ["upper(Name) AS u", "lower(Name) AS l", "length(Name) AS n",
                 "substring(Name, 1, 2) AS p", "concat_ws('-', Name, 'x') AS c", "replace(Name, 'A', 'a') AS r",
                 "year(Date) AS y", "month(Date) AS m", "date_format(Date, 'yyyy-MM') AS ym",
                 "datediff(Date, DATE '2000-01-01') AS d"]}},
              {"id": "out", "type": "sink.noop", "inputs": ["functions"]}
            ]}
            """;

    /** Case (e): every row of (a) grouped by symbol and month, four aggregates, complete mode, one batch. */
    private static final String GROUPED = """
            {"format": "sluice/1", "name": "%s", "nodes": [
              {"id": "stocks", "type": "source.file", "options": {"path": "%s", "format": "csv", "header": "true",
               "schema": "Date DATE, Open DOUBLE, High DOUBLE, Low DOUBLE, Close DOUBLE, Volume BIGINT, Name STRING"
               %s}},
              {"id": "monthly", "type": "transform.aggregate", "inputs": ["stocks"],
               "options": {"groupBy": ["Name", "trunc(Date, 'MM') AS month"],
                 "aggregations": ["avg(Close) AS avg_close", "max(High) AS max_high", "min(Low) AS min_low",
                   "sum(Volume) AS volume"]}},
              {"id": "out", "type": "sink.noop", "inputs": ["monthly"], "options": {"outputMode": "complete"}}
            ]}
            """;

    /** Case (f): 7-day windows per symbol with a 2-day watermark, append mode, one small file per batch. */
    private static final String WINDOWED = """
            {"format": "sluice/1", "name": "%s", "nodes": [
              {"id": "stocks", "type": "source.file", "options": {"path": "%s", "format": "csv", "header": "true",
               "schema": "Date DATE, Open DOUBLE, High DOUBLE, Low DOUBLE, Close DOUBLE, Volume BIGINT, Name STRING"
               %s}},
              {"id": "day", "type": "transform.select", "inputs": ["stocks"],
               "options": {"expressions": ["CAST(Date AS TIMESTAMP) AS day", "Name", "Close"]}},
              {"id": "late-by-2d", "type": "transform.watermark", "inputs": ["day"],
               "options": {"eventTime": "day", "delayThreshold": "2 days"}},
              {"id": "weekly", "type": "transform.aggregate", "inputs": ["late-by-2d"],
               "options": {"groupBy": ["window(day, '7 days')", "Name"],
                 "aggregations": ["count(*) AS n", "avg(Close) AS avg_close"]}},
              {"id": "out", "type": "sink.noop", "inputs": ["weekly"], "options": {"outputMode": "append"}}
            ]}
            """;

    private EngineBenchmark() {
    }

    /**
     * What one whole-process run measured; {@code warmRowsPerSecond} is the engine's rows/s over the batches after
     * the first (0 with one batch), {@code stateBytes} the state's memory after each batch.
     */
    record Run(long wallMs, long rows, long batches, double msPerBatch, double engineRowsPerSecond,
               double warmRowsPerSecond, long peakRssBytes, List<Long> stateBytes) {
        double wallRowsPerSecond() {
            return rows * 1000.0 / Math.max(1, wallMs);
        }
    }

    public static void main(String[] args) throws Exception {
        List<String> rest = new java.util.ArrayList<>(List.of(args));
        SparkProcess spark = null;
        int flag = rest.indexOf("--spark-classpath");
        if (flag >= 0 && flag + 1 < rest.size()) {
            spark = SparkProcess.from(Path.of("spark", "target", "classes"), Path.of(rest.get(flag + 1)));
            rest.subList(flag, flag + 2).clear();
        }
        List<String> launcher = null;
        flag = rest.indexOf("--launcher");
        if (flag >= 0 && flag + 1 < rest.size()) {
            launcher = List.of(Path.of(rest.get(flag + 1)).toAbsolutePath().toString());
            rest.subList(flag, flag + 2).clear();
        }
        String only = "";
        flag = rest.indexOf("--only");
        if (flag >= 0 && flag + 1 < rest.size()) {
            only = rest.get(flag + 1);
            rest.subList(flag, flag + 2).clear();
        }
        boolean longOnly = only.equals("g");
        boolean restart = rest.remove("--restart");
        Path engineJar = Path.of(rest.isEmpty() ? "engine/target/sluice-engine.jar" : rest.get(0)).toAbsolutePath();
        if (!Files.exists(engineJar)) {
            System.err.println("engine jar not found at " + engineJar
                    + "; build it with: mvn -B -q -DskipTests package");
            System.exit(2);
        }
        if (launcher != null && !Files.isExecutable(Path.of(launcher.get(0)))) {
            System.err.println("launcher not found at " + launcher.get(0)
                    + "; build the app image with: mvn -B -q -DskipTests package");
            System.exit(2);
        }
        List<String> jar = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                engineJar.toString());
        Path work = Files.createTempDirectory("sluice-bench");
        try {
            if (LakeCases.only(only)) {
                LakeCases.run(jar, launcher, work, only, spark);
                return;
            }
            Path big = work.resolve("big");
            Path small = work.resolve("small");
            Path series = work.resolve("series");
            Path longStream = work.resolve("long");
            // Each case's files only: (g)'s 10,000,000 rows take a while to write and are not (d)'s or (e)'s.
            boolean oneOfDAndE = only.equals("d") || only.equals("e");
            if (!longOnly) {
                StockFiles.write(big, 20, 100_000);
            }
            if (!longOnly && !oneOfDAndE) {
                StockFiles.write(small, 300, 10);
                StockFiles.writeSeries(series, 300, 10);
            }
            if (!oneOfDAndE) {
                StockFiles.write(longStream, LONG_FILES, LONG_ROWS_PER_FILE);
            }
            System.out.printf(Locale.ROOT, "Sluice engine benchmark, %d cores, Java %s%n",
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
            if (longOnly) {
                Run g = runLongStream(jar, work, longStream);
                if (spark != null) {
                    PeakRss.Finished sparkG = spark.runMeasured(work.resolve("g.sluice.json"),
                            work.resolve("g.spark.log"));
                    printSparkHeader();
                    compare("(g) 10,000,000 CSV rows, 5 batches: select + filter -> noop", g, sparkG);
                }
                return;
            }
            if (oneOfDAndE) {
                boolean functions = only.equals("d");
                String label = functions ? "(d) 2,000,000 CSV rows: ten string and date functions"
                        : "(e) 2,000,000 CSV rows: by symbol and month, four aggregates, complete";
                Run one = runEngine(jar, work, only, big, "", functions ? FUNCTIONS : GROUPED);
                List<Run> packaged = launcher == null ? List.of()
                        : runs(launcher, work, only, big, functions ? FUNCTIONS : GROUPED);
                System.out.println();
                System.out.println("| case | rows | batches | whole process | rows/s (whole process) | rows/s (engine) "
                        + "| ms per batch | peak RSS |");
                System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
                row(label + " -> noop", one);
                packagedRow(only, packaged);
                if (spark != null) {
                    PeakRss.Finished sparkOne = spark.runMeasured(work.resolve(only + ".sluice.json"),
                            work.resolve(only + ".spark.log"));
                    printSparkHeader();
                    compare(label, one, sparkOne);
                    packagedCompare(only, packaged, sparkOne);
                }
                packagedRuns(only, packaged);
                return;
            }

            List<Run> runsOfA = runsOfA(jar, work, big);
            Run a = runsOfA.get(RUNS_OF_A / 2);
            List<Run> packagedRunsOfA = launcher == null ? List.of() : runsOfA(launcher, work, big);
            Run b = runEngine(jar, work, "b", small, ", \"maxFilesPerTrigger\": \"1\"");
            Run d = runEngine(jar, work, "d", big, "", FUNCTIONS);
            Run e = runEngine(jar, work, "e", big, "", GROUPED);
            List<Run> packagedD = launcher == null ? List.of() : runs(launcher, work, "d", big, FUNCTIONS);
            List<Run> packagedE = launcher == null ? List.of() : runs(launcher, work, "e", big, GROUPED);
            Run f = runEngine(jar, work, "f", series, ", \"maxFilesPerTrigger\": \"1\"", WINDOWED);
            Run g = runLongStream(jar, work, longStream);
            PlainLoop.run(big);
            long loopStart = System.nanoTime();
            PlainLoop.Counts counts = PlainLoop.run(big);
            long loopMs = (System.nanoTime() - loopStart) / 1_000_000;

            System.out.println();
            System.out.println("| case | rows | batches | whole process | rows/s (whole process) | rows/s (engine) "
                    + "| ms per batch | peak RSS |");
            System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
            row("(a) 2,000,000 CSV rows, 20 files: select + filter -> noop", a);
            if (launcher != null) {
                row("(a) the same through the app image's bin/sluice", packagedRunsOfA.get(RUNS_OF_A / 2));
            }
            row("(b) 300 batches of 10 rows, maxFilesPerTrigger 1", b);
            row("(d) 2,000,000 CSV rows: ten string and date functions -> noop", d);
            packagedRow("d", packagedD);
            row("(e) 2,000,000 CSV rows: by symbol and month, four aggregates, complete -> noop", e);
            packagedRow("e", packagedE);
            row("(f) 300 batches of 10 rows: 7-day windows, watermark, append -> noop", f);
            System.out.printf(Locale.ROOT, "| (c) hand-written single-pass loop, same files as (a) | %,d | - | %,d ms "
                    + "| - | %,.0f | - | - |%n", counts.rows(), loopMs, counts.rows() * 1000.0 / Math.max(1, loopMs));
            List<Long> state = f.stateBytes();
            if (!state.isEmpty()) {
                System.out.printf(Locale.ROOT, "%n(f) state memory after batch 1, %d and %d: %,d, %,d and %,d bytes%n",
                        state.size() / 2 + 1, state.size(), state.get(0), state.get(state.size() / 2),
                        state.get(state.size() - 1));
            }
            if (spark != null) {
                List<PeakRss.Finished> sparkRunsOfA = new java.util.ArrayList<>();
                for (int i = 0; i < RUNS_OF_A; i++) {
                    sparkRunsOfA.add(spark.runMeasured(work.resolve("a.sluice.json"), work.resolve("a.spark.log")));
                }
                sparkRunsOfA.sort(Comparator.comparingLong(PeakRss.Finished::wallMs));
                PeakRss.Finished sparkA = sparkRunsOfA.get(RUNS_OF_A / 2);
                PeakRss.Finished sparkB = spark.runMeasured(work.resolve("b.sluice.json"), work.resolve("b.spark.log"));
                PeakRss.Finished sparkD = spark.runMeasured(work.resolve("d.sluice.json"), work.resolve("d.spark.log"));
                PeakRss.Finished sparkE = spark.runMeasured(work.resolve("e.sluice.json"), work.resolve("e.spark.log"));
                PeakRss.Finished sparkF = spark.runMeasured(work.resolve("f.sluice.json"), work.resolve("f.spark.log"));
                PeakRss.Finished sparkG = spark.runMeasured(work.resolve("g.sluice.json"), work.resolve("g.spark.log"));
                printSparkHeader();
                compare("(a) 2,000,000 CSV rows: select + filter -> noop", a, sparkA);
                if (launcher != null) {
                    compare("(a) the same through the app image's bin/sluice", packagedRunsOfA.get(RUNS_OF_A / 2),
                            sparkA);
                }
                compare("(b) 300 batches of 10 rows", b, sparkB);
                compare("(d) 2,000,000 CSV rows: ten string and date functions", d, sparkD);
                packagedCompare("d", packagedD, sparkD);
                compare("(e) 2,000,000 CSV rows: by symbol and month, four aggregates, complete", e, sparkE);
                packagedCompare("e", packagedE, sparkE);
                compare("(f) 300 batches of 10 rows: 7-day windows, watermark, append", f, sparkF);
                compare("(g) 10,000,000 CSV rows, 5 batches: select + filter -> noop", g, sparkG);
                System.out.printf(Locale.ROOT, "%nSpark: %,.0f rows/s for (a), %.0f ms per batch for (b), whole process"
                        + " (JVM and Spark start included)%n", 2_000_000 * 1000.0 / sparkA.wallMs(),
                        sparkB.wallMs() / 300.0);
                System.out.printf(Locale.ROOT, "(a) is the median of %d runs: Sluice %s ms, Spark %s ms%n", RUNS_OF_A,
                        runsOfA.stream().map(run -> String.format(Locale.ROOT, "%,d", run.wallMs())).toList(),
                        sparkRunsOfA.stream().map(run -> String.format(Locale.ROOT, "%,d", run.wallMs())).toList());
            }
            if (launcher != null) {
                System.out.printf(Locale.ROOT, "(a) through bin/sluice, %d runs: %s ms%n", RUNS_OF_A,
                        packagedRunsOfA.stream().map(run -> String.format(Locale.ROOT, "%,d", run.wallMs())).toList());
            }
            packagedRuns("d", packagedD);
            packagedRuns("e", packagedE);
            LakeCases.runAll(jar, launcher, work, big, spark, restart);
        } finally {
            delete(work);
        }
    }

    static void printSparkHeader() {
        System.out.println();
        System.out.println("| case | Sluice, whole process | Spark local[2], whole process | Spark / Sluice "
                + "| Sluice peak RSS | Spark peak RSS |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
    }

    static void compare(String name, Run sluice, PeakRss.Finished spark) {
        System.out.printf(Locale.ROOT, "| %s | %,d ms | %,d ms | %.1fx | %s | %s |%n", name, sluice.wallMs(),
                spark.wallMs(), (double) spark.wallMs() / Math.max(1, sluice.wallMs()),
                PeakRss.megabytes(sluice.peakRssBytes()), PeakRss.megabytes(spark.peakRssBytes()));
    }

    static void row(String name, Run run) {
        System.out.printf(Locale.ROOT, "| %s | %,d | %d | %,d ms | %,.0f | %,.0f | %.2f | %s |%n", name, run.rows(),
                run.batches(), run.wallMs(), run.wallRowsPerSecond(), run.engineRowsPerSecond(), run.msPerBatch(),
                PeakRss.megabytes(run.peakRssBytes()));
    }

    /**
     * (g) against the hand-written loop on all cores over the same files, in {@link #RUNS_OF_A} rounds of one engine
     * run and one pass of the loop (warmed up once before, in this JVM, while no engine runs): on a shared machine
     * the load changes from minute to minute, so each round's ratio is taken from figures measured side by side, and
     * the round with the median ratio is printed. Returns that round's engine run.
     */
    private static Run runLongStream(List<String> jar, Path work, Path files) throws IOException, InterruptedException {
        PlainLoop.runOnAllCores(files);
        record Round(Run engine, long loopMs, PlainLoop.Counts counts, double ratio) {
        }
        List<Round> rounds = new java.util.ArrayList<>();
        for (int i = 0; i < RUNS_OF_A; i++) {
            Run engine = runEngine(jar, work, "g", files, LONG_FILES_PER_TRIGGER);
            long start = System.nanoTime();
            PlainLoop.Counts counts = PlainLoop.runOnAllCores(files);
            long loopMs = Math.max(1, (System.nanoTime() - start) / 1_000_000);
            rounds.add(new Round(engine, loopMs, counts,
                    engine.warmRowsPerSecond() / (counts.rows() * 1000.0 / loopMs)));
        }
        List<String> ratios = rounds.stream().map(round -> String.format(Locale.ROOT, "%.2f", round.ratio())).toList();
        rounds.sort(Comparator.comparingDouble(Round::ratio));
        Round median = rounds.get(RUNS_OF_A / 2);
        Run g = median.engine();
        double loopRowsPerSecond = median.counts().rows() * 1000.0 / median.loopMs();
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.println();
        System.out.println("| case | rows | batches | whole process | rows/s (whole process) | rows/s (engine) "
                + "| rows/s after batch 1 | ms per batch | peak RSS |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        System.out.printf(Locale.ROOT, "| (g) 10,000,000 CSV rows, 50 files, maxFilesPerTrigger 10: select + filter "
                + "-> noop | %,d | %d | %,d ms | %,.0f | %,.0f | %,.0f | %.2f | %s |%n", g.rows(), g.batches(),
                g.wallMs(), g.wallRowsPerSecond(), g.engineRowsPerSecond(), g.warmRowsPerSecond(), g.msPerBatch(),
                PeakRss.megabytes(g.peakRssBytes()));
        System.out.printf(Locale.ROOT, "| (h) hand-written loop on all %d cores, one file per thread, same files as "
                + "(g) | %,d | - | %,d ms | - | %,.0f | %,.0f | - | - |%n", cores, median.counts().rows(),
                median.loopMs(), loopRowsPerSecond, loopRowsPerSecond);
        System.out.printf(Locale.ROOT, "%n(g) after its first batch: %,.0f rows/s, %.2f of the hand-written loop on "
                + "all %d cores (%,.0f rows/s); the ratio in each of %d rounds: %s%n", g.warmRowsPerSecond(),
                median.ratio(), cores, loopRowsPerSecond, RUNS_OF_A, ratios);
        return g;
    }

    /** (a) {@link #RUNS_OF_A} times through {@code sluice}, fastest first. */
    private static List<Run> runsOfA(List<String> sluice, Path work, Path big)
            throws IOException, InterruptedException {
        return runs(sluice, work, "a", big, QUERY);
    }

    /** Case {@code name} ({@code query} over {@code data}) {@link #RUNS_OF_A} times through {@code sluice}. */
    static List<Run> runs(List<String> sluice, Path work, String name, Path data, String query)
            throws IOException, InterruptedException {
        List<Run> runs = new java.util.ArrayList<>();
        for (int i = 0; i < RUNS_OF_A; i++) {
            runs.add(runEngine(sluice, work, name, data, "", query));
        }
        runs.sort(Comparator.comparingLong(Run::wallMs));
        return runs;
    }

    /** The row of case {@code letter}'s median run through the launcher; nothing without the launcher's runs. */
    static void packagedRow(String letter, List<Run> packaged) {
        if (!packaged.isEmpty()) {
            row(packagedLabel(letter), packaged.get(packaged.size() / 2));
        }
    }

    /** As {@link #packagedRow}, next to Spark's run of the same case. */
    static void packagedCompare(String letter, List<Run> packaged, PeakRss.Finished spark) {
        if (!packaged.isEmpty()) {
            compare(packagedLabel(letter), packaged.get(packaged.size() / 2), spark);
        }
    }

    /** The whole-process times of case {@code letter}'s runs through the launcher, fastest first. */
    static void packagedRuns(String letter, List<Run> packaged) {
        if (!packaged.isEmpty()) {
            System.out.printf(Locale.ROOT, "(%s) through bin/sluice, %d runs: %s ms%n", letter, packaged.size(),
                    packaged.stream().map(run -> String.format(Locale.ROOT, "%,d", run.wallMs())).toList());
        }
    }

    private static String packagedLabel(String letter) {
        return "(" + letter + ") the same through the app image's bin/sluice";
    }

    /** One whole process of {@code sluice run} (the engine jar, or a launcher: {@code sluice} is the command). */
    private static Run runEngine(List<String> sluice, Path work, String name, Path data, String extraOptions)
            throws IOException, InterruptedException {
        return runEngine(sluice, work, name, data, extraOptions, QUERY);
    }

    static Run runEngine(List<String> sluice, Path work, String name, Path data, String extraOptions,
            String query) throws IOException, InterruptedException {
        Path pipeline = work.resolve(name + ".sluice.json");
        Files.writeString(pipeline, String.format(Locale.ROOT, query, name,
                data.toString().replace("\\", "\\\\"), extraOptions));
        Path progress = work.resolve(name + ".progress");
        List<String> command = new java.util.ArrayList<>(sluice);
        command.addAll(List.of("run", pipeline.toString(), "--trigger", "available-now", "--progress"));
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectError(progress.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        PeakRss.Finished finished = PeakRss.waitFor(process, start);
        if (finished.exit() != 0) {
            throw new IllegalStateException("engine run " + name + " failed (exit " + finished.exit() + "): "
                    + Files.readString(progress));
        }
        long rows = 0;
        long batches = 0;
        long triggerMs = 0;
        long warmRows = 0;
        long warmMs = 0;
        List<Long> stateBytes = new java.util.ArrayList<>();
        for (String line : Files.readAllLines(progress, StandardCharsets.UTF_8)) {
            if (!line.startsWith("{")) {
                continue;
            }
            JsonNode event = JSON.readTree(line);
            long batchRows = event.path("numInputRows").asLong();
            long batchMs = event.path("durationMs").path("triggerExecution").asLong();
            rows += batchRows;
            triggerMs += batchMs;
            if (batches > 0) {
                warmRows += batchRows;
                warmMs += batchMs;
            }
            batches++;
            JsonNode operators = event.path("stateOperators");
            if (!operators.isEmpty()) {
                long bytes = 0;
                for (JsonNode operator : operators) {
                    bytes += operator.path("memoryUsedBytes").asLong();
                }
                stateBytes.add(bytes);
            }
        }
        return new Run(finished.wallMs(), rows, batches, batches == 0 ? 0 : (double) triggerMs / batches,
                rows * 1000.0 / Math.max(1, triggerMs), warmRows * 1000.0 / Math.max(1, warmMs),
                finished.peakRssBytes(), List.copyOf(stateBytes));
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
