package sluice.spark.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Renders generated rows as clean CSV or JSON-lines files, which Spark reads back to exactly those values. */
final class TableFiles {
    private TableFiles() {
    }

    static List<List<Value>> rows(List<Column> columns, int count, SplittableRandom random) {
        List<List<Value>> rows = new ArrayList<>();
        for (int r = 0; r < count; r++) {
            List<Value> row = new ArrayList<>();
            for (Column column : columns) {
                row.add(random.nextInt(100) < 15 ? Value.ofNull(column.kind()) : EdgeValues.of(column, random));
            }
            rows.add(row);
        }
        return rows;
    }

    /** Header line, then one line per row; fields quoted where the separator, quote or spaces need it. */
    static List<byte[]> csv(List<Column> columns, List<List<Value>> rows, char sep, boolean header) {
        List<byte[]> lines = new ArrayList<>();
        if (header) {
            lines.add(String.join(String.valueOf(sep), columns.stream().map(Column::name).toList())
                    .getBytes(StandardCharsets.UTF_8));
        }
        for (List<Value> row : rows) {
            List<String> fields = new ArrayList<>();
            for (Value value : row) {
                fields.add(csvField(value, sep));
            }
            lines.add(String.join(String.valueOf(sep), fields).getBytes(StandardCharsets.UTF_8));
        }
        return lines;
    }

    static String csvField(Value value, char sep) {
        String text = value.csv();
        if (value.isNull()) {
            return "";
        }
        boolean quote = text.isEmpty() || text.indexOf(sep) >= 0 || text.indexOf('"') >= 0
                || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0 || !text.equals(text.strip());
        return quote ? "\"" + text.replace("\"", "\\\"") + "\"" : text;
    }

    /** One JSON object per row; a null is written as null or left out. */
    static List<byte[]> json(List<Column> columns, List<List<Value>> rows, SplittableRandom random) {
        List<byte[]> lines = new ArrayList<>();
        for (List<Value> row : rows) {
            List<String> members = new ArrayList<>();
            for (int c = 0; c < columns.size(); c++) {
                Value value = row.get(c);
                if (value.isNull() && random.nextBoolean()) {
                    continue;
                }
                members.add(Value.jsonString(columns.get(c).name()) + ":" + value.json());
            }
            lines.add(("{" + String.join(",", members) + "}").getBytes(StandardCharsets.UTF_8));
        }
        return lines;
    }
}
