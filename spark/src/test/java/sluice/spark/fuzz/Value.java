package sluice.spark.fuzz;

/**
 * One generated value of a kind, as canonical text ({@code 2147483647}, {@code NaN}, {@code 2020-02-29}, a string's
 * characters; a binary value is the UTF-8 bytes of its text, as Spark's CSV reader takes it), or null; rendered as a
 * SQL literal, a CSV field or a JSON token as Spark reads each by default.
 */
record Value(Kind kind, String text) {
    static Value ofNull(Kind kind) {
        return new Value(kind, null);
    }

    boolean isNull() {
        return text == null;
    }

    /** A Spark SQL literal of exactly this kind (NULL as a typed cast, so the kind survives). */
    String sql(String decimalDdl) {
        if (text == null) {
            return "CAST(NULL AS " + kind.ddl(decimalDdl) + ")";
        }
        return switch (kind) {
            case BOOLEAN, INT -> text;
            case TINYINT -> text + "Y";
            case SMALLINT -> text + "S";
            case BIGINT -> text + "L";
            case FLOAT -> isSpecial() ? "CAST('" + text + "' AS FLOAT)" : text + "F";
            case DOUBLE -> isSpecial() ? "CAST('" + text + "' AS DOUBLE)" : text + "D";
            case DECIMAL -> "CAST(" + text + "BD AS " + decimalDdl + ")";
            case STRING -> quoted(text);
            case BINARY -> "X'" + java.util.HexFormat.of()
                    .formatHex(text.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    + "'";
            case DATE -> "DATE'" + text + "'";
            case TIMESTAMP -> "TIMESTAMP'" + text + "'";
        };
    }

    /** The field text Spark's CSV reader reads back as this value with default options; null as an empty field. */
    String csv() {
        if (text == null) {
            return "";
        }
        if (kind == Kind.FLOAT || kind == Kind.DOUBLE) {
            return switch (text) {
                case "Infinity" -> "Inf";
                case "-Infinity" -> "-Inf";
                default -> text;
            };
        }
        return text;
    }

    /** The JSON token Spark's JSON reader reads back as this value with default options. */
    String json() {
        if (text == null) {
            return "null";
        }
        return switch (kind) {
            case BOOLEAN, TINYINT, SMALLINT, INT, BIGINT, FLOAT, DOUBLE, DECIMAL -> text;
            case STRING, DATE, TIMESTAMP -> jsonString(text);
            case BINARY -> jsonString(java.util.Base64.getEncoder()
                    .encodeToString(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        };
    }

    private boolean isSpecial() {
        return text.equals("NaN") || text.endsWith("Infinity");
    }

    /** A SQL string literal: single quotes, with backslash escapes for the quote and the backslash. */
    static String quoted(String text) {
        StringBuilder out = new StringBuilder("'");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\'' -> out.append("\\'");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return out.append('\'').toString();
    }

    static String jsonString(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
