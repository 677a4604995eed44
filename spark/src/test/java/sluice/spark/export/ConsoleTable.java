package sluice.spark.export;

import java.util.ArrayList;
import java.util.List;

/**
 * The tables a console sink printed, read back as cells: the column names of the first table and the data rows of
 * all of them, each cell without its padding. For streams whose batches differ from run to run (rate, socket), where
 * the tables cannot be compared as text.
 */
record ConsoleTable(List<String> header, List<List<String>> rows) {
    ConsoleTable {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
    }

    static ConsoleTable of(String consoleText) {
        List<String> header = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        int rules = 0;
        for (String line : consoleText.split("\r?\n")) {
            if (line.startsWith("Batch: ")) {
                rules = 0;
            } else if (line.startsWith("+")) {
                rules++;
            } else if (line.startsWith("|") && line.endsWith("|")) {
                List<String> cells = cells(line);
                if (rules == 1 && header.isEmpty()) {
                    header.addAll(cells);
                } else if (rules == 2) {
                    rows.add(cells);
                }
            }
        }
        return new ConsoleTable(header, rows);
    }

    private static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        for (String cell : line.substring(1, line.length() - 1).split("\\|", -1)) {
            cells.add(cell.strip());
        }
        return cells;
    }
}
