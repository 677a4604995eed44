package sluice.engine.source.file;

import static java.util.Objects.requireNonNull;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * How the bytes of a csv or json file become records, by Spark's options of the same names: {@code encoding} (its
 * {@code charset}) and {@code lineSep}, null for Spark's default line ends ({@code \n}, {@code \r\n} or {@code \r}).
 * With a {@code lineSep}, only that text, in the file's charset, ends a record. Immutable.
 */
public record TextLayout(Charset charset, String lineSep) {
    /** Spark's defaults: UTF-8, lines ending at any of the usual line ends. */
    public static final TextLayout DEFAULT = new TextLayout(StandardCharsets.UTF_8, null);

    public TextLayout {
        requireNonNull(charset, "charset is null");
        if (lineSep != null && lineSep.isEmpty()) {
            throw new IllegalArgumentException("empty lineSep");
        }
    }

    public boolean hasLineSep() {
        return lineSep != null;
    }

    public boolean isUtf8() {
        return charset.equals(StandardCharsets.UTF_8);
    }

    /** The bytes that end a record, as Spark's {@code lineSeparatorInRead}; only with {@link #hasLineSep()}. */
    public byte[] separatorBytes() {
        return lineSep.getBytes(charset);
    }
}
