package sluice.engine.source.file.partition;

import java.util.BitSet;

/**
 * How Spark (its {@code ExternalCatalogUtils}) writes a partition column's name and value into a folder name: the
 * characters a path cannot hold safely become {@code %XX} (two upper-case hex digits), a null or empty value is
 * {@link #DEFAULT_PARTITION_NAME}; reading undoes the escapes. Stateless.
 */
public final class PathEscaping {
    /** The folder value of a null (or empty) partition value, Hive's name for it. */
    public static final String DEFAULT_PARTITION_NAME = "__HIVE_DEFAULT_PARTITION__";

    /** Control characters and {@code " # % ' * / : = ? \ DEL { [ ] ^}, as Spark escapes them (not on Windows). */
    private static final BitSet ESCAPED = new BitSet(128);

    static {
        ESCAPED.set(0x01, 0x20);
        for (char c : "\"#%'*/:=?\\\u007F{[]^".toCharArray()) {
            ESCAPED.set(c);
        }
    }

    private PathEscaping() {
    }

    /** {@code name} with every character Spark escapes written as {@code %XX}. */
    public static String escape(String name) {
        StringBuilder out = null;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 128 && ESCAPED.get(c)) {
                if (out == null) {
                    out = new StringBuilder(name.length() + 8).append(name, 0, i);
                }
                out.append('%').append(String.format("%02X", (int) c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? name : out.toString();
    }

    /** The folder text of a partition value: {@link #DEFAULT_PARTITION_NAME} for null or empty, else escaped. */
    public static String valueText(String value) {
        return value == null || value.isEmpty() ? DEFAULT_PARTITION_NAME : escape(value);
    }

    /** {@code text} with every {@code %XX} (two hex digits) read back as its character; other text kept. */
    public static String unescape(String text) {
        int percent = text.indexOf('%');
        if (percent < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length() && hex(text.charAt(i + 1)) >= 0 && hex(text.charAt(i + 2)) >= 0) {
                out.append((char) (hex(text.charAt(i + 1)) * 16 + hex(text.charAt(i + 2))));
                i += 3;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }
}
