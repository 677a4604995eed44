package sluice.spark.compat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Console sink output made comparable: one entry per batch, the {@code Batch: N} banner and the table exactly,
 * except that the data lines of each table are sorted (row order inside a Spark batch follows its partitions).
 */
public final class ConsoleText {
    private static final String RULE = "-------------------------------------------";
    private static final Pattern BANNER = Pattern.compile("(?m)^" + RULE + "\nBatch: (\\d+)\n" + RULE + "\n");

    private ConsoleText() {
    }

    public static List<String> batches(String text) {
        List<String> batches = new ArrayList<>();
        Matcher matcher = BANNER.matcher(text.replace("\r\n", "\n"));
        List<int[]> starts = new ArrayList<>();
        while (matcher.find()) {
            starts.add(new int[] {matcher.start(), matcher.end()});
        }
        String normal = text.replace("\r\n", "\n");
        for (int i = 0; i < starts.size(); i++) {
            int end = i + 1 < starts.size() ? starts.get(i + 1)[0] : normal.length();
            String banner = normal.substring(starts.get(i)[0], starts.get(i)[1]);
            batches.add(banner + sortedRows(normal.substring(starts.get(i)[1], end)));
        }
        return batches;
    }

    private static String sortedRows(String table) {
        List<String> lines = new ArrayList<>(List.of(table.split("\n", -1)));
        List<Integer> rules = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("+")) {
                rules.add(i);
            }
        }
        if (rules.size() >= 3) {
            List<String> rows = new ArrayList<>(lines.subList(rules.get(1) + 1, rules.get(2)));
            rows.sort(null);
            for (int i = 0; i < rows.size(); i++) {
                lines.set(rules.get(1) + 1 + i, rows.get(i));
            }
        }
        return String.join("\n", lines);
    }
}
