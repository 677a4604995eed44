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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The large-file check of the README (issue 9: a 1 GB CSV file with a filter keeping a few rows once needed 3.4 GB of
 * heap): writes one stock CSV file of 1 GiB, runs {@code sluice run} on it in a JVM with a 512 MB heap (or the heap
 * given), and prints the exit code, the rows read and kept, the time, and from the JVM's GC log the most heap in use
 * before a collection and the most still in use after one. Usage: {@code java -cp bench/target/sluice-bench.jar
 * sluice.bench.LargeFileRun [heap] [engine jar]}.
 */
public final class LargeFileRun {
    private static final long FILE_BYTES = 1L << 30;
    private static final String QUERY = """
            {"format": "sluice/1", "name": "large", "nodes": [
              {"id": "stocks", "type": "source.file", "options": {"path": "%s", "format": "csv", "header": "true",
               "schema": "Date DATE, Open DOUBLE, High DOUBLE, Low DOUBLE, Close DOUBLE, Volume BIGINT, Name STRING"}},
              {"id": "few", "type": "transform.filter", "inputs": ["stocks"],
               "options": {"condition": "Volume < 1000050"}},
              {"id": "out", "type": "sink.noop", "inputs": ["few"]}
            ]}
            """;
    /** A G1 or Serial GC log line's heap before and after a collection: "300M->120M(512M)". */
    private static final Pattern HEAP = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    private LargeFileRun() {
    }

    public static void main(String[] args) throws Exception {
        String heap = args.length > 0 ? args[0] : "512m";
        Path engineJar = Path.of(args.length > 1 ? args[1] : "engine/target/sluice-engine.jar").toAbsolutePath();
        if (!Files.exists(engineJar)) {
            System.err.println("engine jar not found at " + engineJar
                    + "; build it with: mvn -B -q -DskipTests package");
            System.exit(2);
        }
        Path work = Files.createTempDirectory("sluice-large");
        try {
            Path data = work.resolve("data");
            long rows = StockFiles.writeOne(data, FILE_BYTES);
            long bytes = Files.size(data.resolve("stocks.csv"));
            Path pipeline = work.resolve("large.sluice.json");
            Files.writeString(pipeline, String.format(Locale.ROOT, QUERY, data.toString().replace("\\", "\\\\")));
            Path progress = work.resolve("progress.txt");
            Path gcLog = work.resolve("gc.log");
            List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx" + heap, "-Xlog:gc:file=" + gcLog, "-jar", engineJar.toString(), "run", pipeline.toString(),
                    "--trigger", "available-now", "--progress");
            long start = System.nanoTime();
            Process process = new ProcessBuilder(command).redirectError(progress.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            int exit = process.waitFor();
            long wallMs = (System.nanoTime() - start) / 1_000_000;
            long[] counts = counts(progress);
            long[] largest = largestHeap(gcLog);
            System.out.printf(Locale.ROOT, "%,d bytes, %,d rows in one CSV file; sluice run with -Xmx%s: exit %d in "
                    + "%,d ms; %,d rows read, %,d kept; GC log: at most %,d MB in use before a collection, %,d MB "
                    + "after%n",
                    bytes, rows, heap, exit, wallMs, counts[0], counts[1], largest[0], largest[1]);
            if (exit != 0) {
                System.out.println(Files.readString(progress));
                System.exit(1);
            }
        } finally {
            delete(work);
        }
    }

    /** Rows read by the source and rows that reached the sink, over all progress lines. */
    private static long[] counts(Path progress) throws IOException {
        ObjectMapper json = new ObjectMapper();
        long read = 0;
        long kept = 0;
        for (String line : Files.readAllLines(progress, StandardCharsets.UTF_8)) {
            if (line.startsWith("{")) {
                JsonNode event = json.readTree(line);
                read += event.path("numInputRows").asLong();
                kept += event.path("sink").path("numOutputRows").asLong();
            }
        }
        return new long[] {read, kept};
    }

    /** The most heap in use before a collection and the most in use after one, in MB. */
    private static long[] largestHeap(Path gcLog) throws IOException {
        long before = 0;
        long after = 0;
        for (String line : Files.readAllLines(gcLog, StandardCharsets.UTF_8)) {
            Matcher heap = HEAP.matcher(line);
            if (heap.find()) {
                before = Math.max(before, Long.parseLong(heap.group(1)));
                after = Math.max(after, Long.parseLong(heap.group(2)));
            }
        }
        return new long[] {before, after};
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
