package sluice.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Cases (i) and (j): the 2,000,000 stock rows of (a) as Parquet and as ORC, through the select + filter of (a) into
 * the noop sink, whole processes, Sluice and (with a Spark class path) Spark reading the same files. The files are
 * written at setup, not timed, by the engine's own {@code sink.file} from the CSV files of (a) in one
 * {@code sluice run}, with Spark's default codecs (Parquet snappy, ORC zstd), so the folders are what a Spark job
 * writes: part files and a {@code _spark_metadata} log. Each case runs three times on each engine and the median
 * counts, as (a) does; with the app image's launcher, three runs through it too, in rows of their own.
 * Single-threaded; used by {@link EngineBenchmark}.
 */
final class ColumnarCases {
    private static final int RUNS = 3;
    private static final String SCHEMA =
            "Date DATE, Open DOUBLE, High DOUBLE, Low DOUBLE, Close DOUBLE, Volume BIGINT, Name STRING";

    /** The CSV rows of (a) written in a format by {@code sink.file}, with its default (Spark's) codec. */
    private static final String CONVERT = """
            {"format": "sluice/1", "name": "%1$s", "checkpointLocation": "%4$s", "nodes": [
              {"id": "stocks", "type": "source.file", "options": {"path": "%2$s", "format": "csv", "header": "true",
               "schema": "%5$s"}},
              {"id": "out", "type": "sink.file", "inputs": ["stocks"],
               "options": {"path": "%3$s", "format": "%1$s", "outputMode": "append"}}
            ]}
            """;

    /** The query of (a) over a Parquet or ORC folder (name, path, format). */
    private static final String QUERY = """
            {"format": "sluice/1", "name": "%%s", "nodes": [
              {"id": "stocks", "type": "source.file", "options": {"path": "%%s", "format": "%s",
               "schema": "%s"%%s}},
              {"id": "change", "type": "transform.select", "inputs": ["stocks"],
               "options": {"expressions": ["Name", "Date", "Close", "Close - Open AS change"]}},
              {"id": "rising", "type": "transform.filter", "inputs": ["change"],
               "options": {"condition": "change > 0"}},
              {"id": "out", "type": "sink.noop", "inputs": ["rising"]}
            ]}
            """;

    /** One case: its letter, format and label in the tables. */
    private record Case(String letter, String format, String label) {
        String query() {
            return String.format(Locale.ROOT, QUERY, format, SCHEMA);
        }
    }

    static final List<String> LETTERS = List.of("i", "j");

    private static final List<Case> CASES = List.of(
            new Case("i", "parquet", "(i) 2,000,000 rows as Parquet (snappy), %d files: select + filter -> noop"),
            new Case("j", "orc", "(j) 2,000,000 rows as ORC (zstd), %d files: select + filter -> noop"));

    private ColumnarCases() {
    }

    /**
     * Writes the rows of {@code csv} as Parquet and ORC under {@code work}, runs the cases whose letter is in
     * {@code letters} and prints their tables; with {@code launcher} non-null (the app image's {@code bin/sluice})
     * the cases through it too, and with {@code spark} non-null Spark's runs and the ratio.
     */
    static void run(List<String> sluice, List<String> launcher, Path work, Path csv, List<String> letters,
            SparkProcess spark) throws IOException, InterruptedException {
        List<Case> chosen = CASES.stream().filter(one -> letters.contains(one.letter())).toList();
        List<String> labels = new ArrayList<>();
        List<EngineBenchmark.Run> medians = new ArrayList<>();
        List<List<EngineBenchmark.Run>> allRuns = new ArrayList<>();
        List<List<EngineBenchmark.Run>> packaged = new ArrayList<>();
        for (Case one : chosen) {
            Path files = write(sluice, work, csv, one.format());
            List<EngineBenchmark.Run> runs = new ArrayList<>();
            for (int r = 0; r < RUNS; r++) {
                runs.add(EngineBenchmark.runEngine(sluice, work, one.letter(), files, "", one.query()));
            }
            runs.sort(Comparator.comparingLong(EngineBenchmark.Run::wallMs));
            labels.add(String.format(Locale.ROOT, one.label(), dataFiles(files)));
            medians.add(runs.get(RUNS / 2));
            allRuns.add(runs);
            packaged.add(launcher == null ? List.of()
                    : EngineBenchmark.runs(launcher, work, one.letter(), files, one.query()));
        }
        System.out.println();
        System.out.println("| case | rows | batches | whole process | rows/s (whole process) | rows/s (engine) "
                + "| ms per batch | peak RSS |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
        for (int c = 0; c < chosen.size(); c++) {
            EngineBenchmark.row(labels.get(c), medians.get(c));
            EngineBenchmark.packagedRow(chosen.get(c).letter(), packaged.get(c));
        }
        if (spark == null) {
            for (int c = 0; c < chosen.size(); c++) {
                System.out.printf(Locale.ROOT, "(%s) is the median of %d runs: %s ms%n", chosen.get(c).letter(), RUNS,
                        walls(allRuns.get(c)));
                EngineBenchmark.packagedRuns(chosen.get(c).letter(), packaged.get(c));
            }
            return;
        }
        List<List<PeakRss.Finished>> sparkRuns = new ArrayList<>();
        for (Case one : chosen) {
            List<PeakRss.Finished> runs = new ArrayList<>();
            for (int r = 0; r < RUNS; r++) {
                runs.add(spark.runMeasured(work.resolve(one.letter() + ".sluice.json"),
                        work.resolve(one.letter() + ".spark.log")));
            }
            runs.sort(Comparator.comparingLong(PeakRss.Finished::wallMs));
            sparkRuns.add(runs);
        }
        EngineBenchmark.printSparkHeader();
        for (int c = 0; c < chosen.size(); c++) {
            EngineBenchmark.compare(labels.get(c).replace(" -> noop", ""), medians.get(c),
                    sparkRuns.get(c).get(RUNS / 2));
            EngineBenchmark.packagedCompare(chosen.get(c).letter(), packaged.get(c), sparkRuns.get(c).get(RUNS / 2));
        }
        System.out.println();
        for (int c = 0; c < chosen.size(); c++) {
            System.out.printf(Locale.ROOT, "(%s) is the median of %d runs: Sluice %s ms, Spark %s ms%n",
                    chosen.get(c).letter(), RUNS, walls(allRuns.get(c)),
                    sparkRuns.get(c).stream().map(run -> String.format(Locale.ROOT, "%,d", run.wallMs())).toList());
            EngineBenchmark.packagedRuns(chosen.get(c).letter(), packaged.get(c));
        }
    }

    private static List<String> walls(List<EngineBenchmark.Run> runs) {
        return runs.stream().map(run -> String.format(Locale.ROOT, "%,d", run.wallMs())).toList();
    }

    /** The rows of {@code csv} as a {@code format} folder under {@code work}, written by one engine run. */
    private static Path write(List<String> sluice, Path work, Path csv, String format)
            throws IOException, InterruptedException {
        Path out = work.resolve(format);
        Path pipeline = work.resolve("write-" + format + ".sluice.json");
        Files.writeString(pipeline, String.format(Locale.ROOT, CONVERT, format, json(csv), json(out),
                json(work.resolve("write-" + format + ".checkpoint")), SCHEMA));
        Path log = work.resolve("write-" + format + ".log");
        List<String> command = new ArrayList<>(sluice);
        command.addAll(List.of("run", pipeline.toString(), "--trigger", "available-now"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("writing the " + format + " files failed: " + Files.readString(log));
        }
        return out;
    }

    /** The part files of a folder {@code sink.file} wrote (its {@code _spark_metadata} left out). */
    private static long dataFiles(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.filter(file -> !file.getFileName().toString().startsWith("_")
                    && !file.getFileName().toString().startsWith(".")).count();
        }
    }

    /** A path as a JSON string's content. */
    static String json(Path path) {
        return path.toAbsolutePath().toString().replace("\\", "\\\\");
    }
}
