package sluice.spark.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Turns clean lines into what real files hold: out-of-range and oddly written numbers, bad dates, long values,
 * unicode, invalid UTF-8, stray and unclosed quotes, missing and extra fields, blank lines, broken JSON. Stateless.
 */
final class HostileFiles {
    private static final List<String> NUMBER_TEXTS = List.of("2147483648", "-2147483649", "9223372036854775808",
            "1e400", "-1e400", "abc", "", " 5", "5 ", "+5", "-0", "0x10", "1_000", "\u0661\u0662\u0663", "1.5d",
            "1.5f", "\uff11\uff12", "NaN", "nan", "Infinity", "-Infinity", "Inf", "1e5", "1.0", ".5", "5.",
            "0001", "1,5", "99999999999999999999.99");
    private static final List<String> DATE_TEXTS = List.of("2023-02-29", "2020-2-3", "20200101",
            "2020-01-01T10:00:00Z", "2020-01-01 25:00:00", "2020-13-01", "+10000-01-01", "0000-00-00", "2020-01",
            "2020", "  2020-01-01", "2020-01-01  ", "1/2/2020", "2020-01-01 10:00:00+02:00",
            "2020-01-01T10:00:00.123456789", "-0001-01-01");
    private static final List<String> BOOLEAN_TEXTS = List.of("TRUE", "False", "yes", "1", "0", "t", " true");
    private static final List<String> STRING_TEXTS = List.of("x".repeat(1000), "y".repeat(257),
            "\u0000nul", "line\nbreak", "emoji 😀😀", "\u202Ertl", "a\"b", "a\\\"b", "\"\"", "\\", "'single'");
    private static final byte[][] BAD_UTF8 = {{(byte) 0xFF}, {(byte) 0xC3}, {(byte) 0xC0, (byte) 0x80},
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0xF8, 0x41}};

    private HostileFiles() {
    }

    /** Text a field of the column's kind might hold instead of a clean value. */
    static String hostileText(Kind kind, SplittableRandom random) {
        return switch (kind) {
            case TINYINT, SMALLINT, INT, BIGINT, FLOAT, DOUBLE, DECIMAL -> EdgeValues.pick(NUMBER_TEXTS, random);
            case DATE, TIMESTAMP -> EdgeValues.pick(DATE_TEXTS, random);
            case BOOLEAN -> EdgeValues.pick(BOOLEAN_TEXTS, random);
            case STRING, BINARY -> EdgeValues.pick(STRING_TEXTS, random);
        };
    }

    /** CSV lines with a hostile change on about a third of them. */
    static List<byte[]> csv(List<Column> columns, List<List<Value>> rows, char sep, boolean header,
                            SplittableRandom random) {
        List<byte[]> lines = new ArrayList<>();
        if (header) {
            lines.add(String.join(String.valueOf(sep), columns.stream().map(Column::name).toList())
                    .getBytes(StandardCharsets.UTF_8));
        }
        for (List<Value> row : rows) {
            List<String> fields = new ArrayList<>();
            for (Value value : row) {
                fields.add(TableFiles.csvField(value, sep));
            }
            if (random.nextInt(3) > 0) {
                lines.add(join(fields, sep));
                continue;
            }
            int field = random.nextInt(fields.size());
            switch (random.nextInt(9)) {
                case 0 -> fields.set(field, hostileText(columns.get(field).kind(), random));
                case 1 -> fields.set(field, "\"" + hostileText(columns.get(field).kind(), random)
                        .replace("\"", "\\\"") + "\"");
                case 2 -> fields.remove(field);
                case 3 -> fields.add(field, "extra");
                case 4 -> fields.set(field, "\"unclosed " + fields.get(field));
                case 5 -> fields.set(field, "mid\"quote");
                case 6 -> lines.add(random.nextBoolean() ? new byte[0] : "   ".getBytes(StandardCharsets.UTF_8));
                case 7 -> lines.add(("#" + String.join(String.valueOf(sep), fields))
                        .getBytes(StandardCharsets.UTF_8));
                default -> {
                    lines.add(withBadBytes(String.join(String.valueOf(sep), fields), random));
                    continue;
                }
            }
            lines.add(join(fields, sep));
        }
        return lines;
    }

    /** JSON lines with a hostile change on about a third of them. */
    static List<byte[]> json(List<Column> columns, List<List<Value>> rows, SplittableRandom random) {
        List<byte[]> clean = TableFiles.json(columns, rows, random);
        List<byte[]> lines = new ArrayList<>();
        for (int r = 0; r < clean.size(); r++) {
            String line = new String(clean.get(r), StandardCharsets.UTF_8);
            if (random.nextInt(3) > 0) {
                lines.add(clean.get(r));
                continue;
            }
            Column column = columns.get(random.nextInt(columns.size()));
            String member = Value.jsonString(column.name()) + ":";
            String changed = switch (random.nextInt(10)) {
                case 0 -> replaceMember(line, member, Value.jsonString(hostileText(column.kind(), random)));
                case 1 -> replaceMember(line, member, EdgeValues.pick(List.of("{\"a\":1}", "[1,2]", "true",
                        "1.5", "1e400", "99999999999999999999", "-0", "\"\"", "007"), random));
                case 2 -> line.substring(0, Math.max(1, line.length() / 2));
                case 3 -> line.replace("\":", "\" :").replace("{", "{'k':'v',");
                case 4 -> "";
                case 5 -> "[" + line + "," + line + "]";
                case 6 -> EdgeValues.pick(List.of("5", "null", "{}", "\"text\"", "[]", "{\"a\":", "}"), random);
                case 7 -> line.replace("{", "{" + member + "1,");
                case 8 -> line.replace("{", "{" + Value.jsonString(column.name().toUpperCase()) + ":1,");
                default -> null;
            };
            lines.add(changed == null ? withBadBytes(line, random) : changed.getBytes(StandardCharsets.UTF_8));
        }
        return lines;
    }

    /** Lines of a text file: unicode, long lines, blank lines and invalid UTF-8. */
    static List<byte[]> text(List<List<Value>> rows, SplittableRandom random) {
        List<byte[]> lines = new ArrayList<>();
        for (List<Value> row : rows) {
            String line = row.stream().map(v -> v.isNull() ? "" : v.text()).reduce((a, b) -> a + " " + b)
                    .orElse("").replace("\n", " ").replace("\r", " ");
            lines.add(random.nextInt(4) == 0 ? withBadBytes(line, random) : line.getBytes(StandardCharsets.UTF_8));
        }
        return lines;
    }

    private static String replaceMember(String line, String member, String value) {
        int at = line.indexOf(member);
        if (at < 0) {
            return line.replace("{", "{" + member + value + ",");
        }
        int start = at + member.length();
        int end = start;
        int depth = 0;
        boolean inString = false;
        for (; end < line.length(); end++) {
            char c = line.charAt(end);
            if (inString) {
                if (c == '\\') {
                    end++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                if (depth == 0) {
                    break;
                }
                depth--;
            } else if (c == ',' && depth == 0) {
                break;
            }
        }
        return line.substring(0, start) + value + line.substring(end);
    }

    private static byte[] join(List<String> fields, char sep) {
        return String.join(String.valueOf(sep), fields).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] withBadBytes(String line, SplittableRandom random) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        int at = bytes.length == 0 ? 0 : random.nextInt(bytes.length + 1);
        // Keep multi-byte characters whole: move to the start of the character at the chosen place.
        while (at < bytes.length && at > 0 && (bytes[at] & 0xC0) == 0x80) {
            at--;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes, 0, at);
        out.writeBytes(BAD_UTF8[random.nextInt(BAD_UTF8.length)]);
        out.write(bytes, at, bytes.length - at);
        return out.toByteArray();
    }
}
