package sluice.app.inspect;

import java.time.ZoneId;
import java.util.List;
import sluice.engine.types.Row;
import sluice.engine.types.Schema;

/**
 * Rows as CSV text (RFC 4180): a header line of column names, then one line per row; a field with a comma, quote,
 * line break or edge space is quoted, quotes doubled; null is an empty field, as Spark's CSV writer writes it.
 * Stateless.
 */
final class CsvText {
    private CsvText() {
    }

    static String of(Schema schema, List<Row> rows, ZoneId zone) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < schema.size(); i++) {
            text.append(i == 0 ? "" : ",").append(field(schema.field(i).name()));
        }
        text.append('\n');
        for (Row row : rows) {
            for (int i = 0; i < schema.size(); i++) {
                Object value = row.get(i);
                text.append(i == 0 ? "" : ",")
                        .append(value == null ? "" : field(CellText.of(schema.field(i).type(), value, zone)));
            }
            text.append('\n');
        }
        return text.toString();
    }

    static String field(String value) {
        boolean quote = value.isEmpty() ? false : value.indexOf(',') >= 0 || value.indexOf('"') >= 0
                || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0
                || Character.isWhitespace(value.charAt(0)) || Character.isWhitespace(value.charAt(value.length() - 1));
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
