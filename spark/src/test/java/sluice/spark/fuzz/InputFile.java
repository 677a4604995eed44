package sluice.spark.fuzz;

import java.util.ArrayList;
import java.util.List;

/**
 * One input file of a case as lines of raw bytes (not always valid UTF-8) and the line ending they are joined with,
 * so the shrinker can drop lines. Immutable.
 */
record InputFile(String name, List<byte[]> lines, String lineEnd, boolean endsWithLineEnd) {
    InputFile {
        lines = List.copyOf(lines);
    }

    byte[] content() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] end = lineEnd.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            out.writeBytes(lines.get(i));
            if (i < lines.size() - 1 || endsWithLineEnd) {
                out.writeBytes(end);
            }
        }
        return out.toByteArray();
    }

    /** This file without lines {@code [from, to)}. */
    InputFile without(int from, int to) {
        List<byte[]> kept = new ArrayList<>(lines.subList(0, from));
        kept.addAll(lines.subList(to, lines.size()));
        return new InputFile(name, kept, lineEnd, endsWithLineEnd);
    }
}
