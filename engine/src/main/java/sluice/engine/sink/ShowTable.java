package sluice.engine.sink;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import sluice.engine.types.Batch;
import sluice.engine.types.ColumnVector;
import sluice.engine.types.Schema;

/**
 * The text of Spark 4's {@code Dataset.show(numRows, truncate)}: a header, the first {@code numRows} rows as
 * {@link PrettyText}, and {@code only showing top N rows} when there are more. Used by the console sink and the
 * workbench's console. Stateless; any thread.
 */
public final class ShowTable {
    // Spark's minimum column width, so that 'NULL'-free narrow columns still frame as '+---+'.
    private static final int MINIMUM_COLUMN_WIDTH = 3;

    private ShowTable() {
    }

    /**
     * The table exactly as Spark's {@code showString} builds it, ending with a newline. {@code truncate} above 0
     * cuts cells longer than that many characters and right-aligns every cell; 0 keeps cells whole, left-aligned.
     */
    public static String render(Batch batch, int numRows, int truncate, ZoneId zone) {
        int shown = Math.max(0, numRows);
        List<List<String>> cells = cells(batch, shown, truncate, zone);
        boolean hasMoreData = batch.rowCount() > shown;
        int[] widths = columnWidths(cells, batch.schema().size());

        StringBuilder out = new StringBuilder();
        String separator = separator(widths);
        out.append(separator);
        appendRow(out, cells.get(0), widths, truncate);
        out.append(separator);
        for (List<String> row : cells.subList(1, cells.size())) {
            appendRow(out, row, widths, truncate);
        }
        out.append(separator);
        if (hasMoreData) {
            // Spark 4.1 ends this line without a newline: the console sink's println then leaves no blank line
            // after it, unlike after a table without it (checked by the spark module's compatibility suite).
            out.append("only showing top ").append(shown).append(shown == 1 ? " row" : " rows");
        }
        return out.toString();
    }

    /** The header (never truncated, as in Spark) followed by up to {@code numRows} rows of cell text. */
    private static List<List<String>> cells(Batch batch, int numRows, int truncate, ZoneId zone) {
        Schema schema = batch.schema();
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>();
        for (String name : schema.names()) {
            header.add(escapeMetaCharacters(name));
        }
        rows.add(header);
        int count = Math.min(numRows, batch.rowCount());
        for (int r = 0; r < count; r++) {
            List<String> row = new ArrayList<>(schema.size());
            for (int c = 0; c < schema.size(); c++) {
                ColumnVector column = batch.column(c);
                String text = escapeMetaCharacters(PrettyText.of(column.type(), column.get(r), zone));
                row.add(truncated(text, truncate));
            }
            rows.add(row);
        }
        return rows;
    }

    // Spark counts UTF-16 units here, so a cut can split a surrogate pair exactly as Spark's does.
    private static String truncated(String text, int truncate) {
        if (truncate <= 0 || text.length() <= truncate) {
            return text;
        }
        // Spark shows no ellipsis when the limit is under 4 characters.
        return truncate < 4 ? text.substring(0, truncate) : text.substring(0, truncate - 3) + "...";
    }

    private static int[] columnWidths(List<List<String>> cells, int columns) {
        int[] widths = new int[columns];
        Arrays.fill(widths, MINIMUM_COLUMN_WIDTH);
        for (List<String> row : cells) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], halfWidth(row.get(c)));
            }
        }
        return widths;
    }

    private static String separator(int[] widths) {
        StringBuilder line = new StringBuilder("+");
        for (int width : widths) {
            line.append("-".repeat(width)).append('+');
        }
        return line.append('\n').toString();
    }

    private static void appendRow(StringBuilder out, List<String> row, int[] widths, int truncate) {
        out.append('|');
        for (int c = 0; c < row.size(); c++) {
            String cell = row.get(c);
            String padding = " ".repeat(Math.max(0, widths[c] - halfWidth(cell)));
            // Spark right-aligns when truncating and left-aligns full-length cells.
            if (truncate > 0) {
                out.append(padding).append(cell);
            } else {
                out.append(cell).append(padding);
            }
            out.append('|');
        }
        out.append('\n');
    }

    /**
     * Spark's {@code Utils.stringHalfWidth}: UTF-16 length plus one for each East Asian full-width character, taken
     * from the same fixed ranges as Spark so that columns line up the same way.
     */
    static int halfWidth(String text) {
        int width = text.length();
        for (int i = 0; i < text.length(); i++) {
            if (isFullWidth(text.charAt(i))) {
                width++;
            }
        }
        return width;
    }

    private static boolean isFullWidth(char ch) {
        return ch >= '\u1100' && ch <= '\u115F'
                || ch >= '\u2E80' && ch <= '\uA4CF'
                || ch >= '\uAC00' && ch <= '\uD7A3'
                || ch >= '\uF900' && ch <= '\uFAFF'
                || ch >= '\uFE10' && ch <= '\uFE19'
                || ch >= '\uFE30' && ch <= '\uFE6F'
                || ch >= '\uFF00' && ch <= '\uFF60'
                || ch >= '\uFFE0' && ch <= '\uFFE6';
    }

    /** Spark's {@code escapeMetaCharacters}: control characters that would break the frame print as escapes. */
    static String escapeMetaCharacters(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            String escape = escape(text.charAt(i));
            if (escape != null && out == null) {
                out = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            if (out != null) {
                out.append(escape != null ? escape : String.valueOf(text.charAt(i)));
            }
        }
        return out == null ? text : out.toString();
    }

    private static String escape(char ch) {
        switch (ch) {
            case '\n': return "\\n";
            case '\r': return "\\r";
            case '\t': return "\\t";
            case '\f': return "\\f";
            case '\b': return "\\b";
            case '\u000B': return "\\v";
            case '\u0007': return "\\a";
            default: return null;
        }
    }
}
