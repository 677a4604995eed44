package sluice.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The least a file source's restart must do, as a whole process, case (k)'s limit: read the paths of the source's log
 * (its latest {@code N.compact} and the batches after it) into a set, list the folder, and count the names not seen.
 * No checks, no JSON parser (the paths are taken between {@code "path":"} and the next quote), no batch. Usage:
 * {@code SeenFilesProcess LOG_FOLDER DATA_FOLDER}; prints how many files were seen and how many are new.
 */
public final class SeenFilesProcess {
    private static final byte[] PATH_KEY = "\"path\":\"".getBytes(StandardCharsets.US_ASCII);

    private SeenFilesProcess() {
    }

    public static void main(String[] args) throws IOException {
        Set<String> seen = new HashSet<>();
        for (Path log : latestLogFiles(Path.of(args[0]))) {
            addPaths(Files.readAllBytes(log), seen);
        }
        Path folder = Path.of(args[1]);
        String base = folder.toUri().toString();
        int fresh = 0;
        for (String name : new File(folder.toString()).list()) {
            if (!seen.contains(base + name)) {
                fresh++;
            }
        }
        System.out.println(seen.size() + " seen, " + fresh + " new");
    }

    /** The latest compaction file and the batch files after it. */
    private static List<Path> latestLogFiles(Path logFolder) throws IOException {
        try (Stream<Path> files = Files.list(logFolder)) {
            List<Path> all = files.toList();
            long compacted = all.stream().map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".compact"))
                    .mapToLong(name -> Long.parseLong(name.substring(0, name.indexOf('.')))).max().orElse(-1);
            return all.stream().filter(file -> {
                String name = file.getFileName().toString();
                return name.equals(compacted + ".compact")
                        || name.chars().allMatch(Character::isDigit) && Long.parseLong(name) > compacted;
            }).toList();
        }
    }

    private static void addPaths(byte[] bytes, Set<String> seen) {
        int at = 0;
        while (at < bytes.length) {
            int end = at;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            int key = indexOf(bytes, at, end);
            if (key >= 0) {
                int start = key + PATH_KEY.length;
                int quote = start;
                while (quote < end && bytes[quote] != '"') {
                    quote++;
                }
                seen.add(new String(bytes, start, quote - start, StandardCharsets.UTF_8));
            }
            at = end + 1;
        }
    }

    private static int indexOf(byte[] bytes, int from, int to) {
        for (int i = from; i + PATH_KEY.length <= to; i++) {
            int j = 0;
            while (j < PATH_KEY.length && bytes[i + j] == PATH_KEY[j]) {
                j++;
            }
            if (j == PATH_KEY.length) {
                return i;
            }
        }
        return -1;
    }
}
