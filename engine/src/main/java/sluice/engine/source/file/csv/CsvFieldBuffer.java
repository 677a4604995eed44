package sluice.engine.source.file.csv;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Mutable, owned by the thread reading one split: one record at a time, filled by fastcsv as its callback, by
 * {@link CsvRecords} from univocity's tokens, or by {@link CsvRecords}' own splitting of a line without quotes. It
 * copies the fields' characters into one reused array instead of making a String per field, so numbers parse without
 * garbage, or, for a line split in place, points at the line's characters without copying them; the same object
 * serves every record of a split and is valid until the next one is read.
 */
final class CsvFieldBuffer extends AbstractBaseCsvCallbackHandler<CsvFieldBuffer> {
    /** Where copied fields' characters go. */
    private char[] own = new char[256];
    /** The characters the fields point into: {@link #own}, or the block of a line split in place. */
    private char[] chars = own;
    /**
     * The bytes the fields point into when a line of an all-ASCII block is split in place without decoding it (each
     * byte is then its character); null otherwise, and {@link #chars} is then null.
     */
    private byte[] bytes;
    private int[] starts = new int[16];
    private int[] lengths = new int[16];
    private boolean[] quoted = new boolean[16];
    private int used;
    private int count;
    private long line;
    /**
     * The record's text as read: univocity's for its tokens (null when it kept none), else null, and the text is
     * rebuilt from the fields.
     */
    private String raw;
    /** Whether the fields are univocity's tokens, already through Spark's value rules. */
    private boolean tokenized;
    /** Whether univocity read no record at all from a line that is not blank (its parseLine gave null). */
    private boolean unread;
    /** Why the tokenizer refused the record, or null. */
    private String failure;

    @Override
    protected void handleBegin(long startingLineNumber) {
        begin(startingLineNumber, null, false);
    }

    /**
     * Starts a record of univocity's tokens, read from {@code rawText}: what univocity says it read for them, as
     * Spark's corrupt record, null when it says nothing.
     */
    void beginTokens(long startingLineNumber, String rawText) {
        begin(startingLineNumber, rawText, true);
    }

    /** Starts a record whose fields are ranges of {@code block}, added with {@link #addRange}. */
    void beginRanges(long startingLineNumber, char[] block) {
        begin(startingLineNumber, null, false);
        chars = block;
    }

    /** Starts a record whose fields are ranges of the all-ASCII {@code block}, added with {@link #addRange}. */
    void beginByteRanges(long startingLineNumber, byte[] block) {
        begin(startingLineNumber, null, false);
        chars = null;
        bytes = block;
    }

    /**
     * An unquoted field of the block given to {@link #beginRanges} or {@link #beginByteRanges}: {@code length}
     * characters from {@code start}.
     */
    void addRange(int start, int length) {
        if (count == starts.length) {
            growFields();
        }
        starts[count] = start;
        lengths[count] = length;
        quoted[count] = false;
        count++;
    }

    private void begin(long startingLineNumber, String rawText, boolean fromTokens) {
        chars = own;
        bytes = null;
        line = startingLineNumber;
        raw = rawText;
        tokenized = fromTokens;
        unread = false;
        failure = null;
        used = 0;
        count = 0;
    }

    /** One of univocity's tokens. */
    void addToken(String token) {
        int len = token.length();
        // reserve() may replace the array, so it runs before the array is read.
        int at = reserve(len);
        token.getChars(0, len, chars, at);
        endField(len, false);
    }

    @Override
    protected void handleField(int fieldIdx, char[] buf, int offset, int len, boolean isQuoted) {
        int at = reserve(len);
        System.arraycopy(buf, offset, chars, at, len);
        endField(len, isQuoted);
    }

    /** Makes room for one more field of {@code len} characters and returns where its characters go. */
    private int reserve(int len) {
        if (count == starts.length) {
            growFields();
        }
        if (used + len > own.length) {
            own = Arrays.copyOf(own, Math.max(own.length * 2, used + len));
            chars = own;
        }
        return used;
    }

    private void growFields() {
        starts = Arrays.copyOf(starts, count * 2);
        lengths = Arrays.copyOf(lengths, count * 2);
        quoted = Arrays.copyOf(quoted, count * 2);
    }

    private void endField(int len, boolean isQuoted) {
        starts[count] = used;
        lengths[count] = len;
        quoted[count] = isQuoted;
        used += len;
        count++;
    }

    /** Marks the record as one the tokenizer refused, for {@code reason}; its fields are dropped. */
    void fail(String reason) {
        failure = reason;
        used = 0;
        count = 0;
    }

    /**
     * Marks a record of tokens as one univocity read nothing from: it has no fields, and Spark takes it as malformed
     * whatever columns the query reads.
     */
    void markUnread() {
        unread = true;
        used = 0;
        count = 0;
    }

    boolean isUnread() {
        return unread;
    }

    /**
     * Whether the fields are univocity's tokens, which already went through Spark's {@code nullValue} and
     * {@code emptyValue} rules and white-space trimming, so neither is applied again.
     */
    boolean tokenized() {
        return tokenized;
    }

    String failure() {
        return failure;
    }

    @Override
    protected CsvFieldBuffer buildRecord() {
        return this;
    }

    long line() {
        return line;
    }

    int fieldCount() {
        return count;
    }

    /** The characters the fields point into; null when they point into {@link #bytes()}. */
    char[] chars() {
        return chars;
    }

    /** The ASCII bytes the fields point into, or null when they point into {@link #chars()}. */
    byte[] bytes() {
        return bytes;
    }

    int start(int field) {
        return starts[field];
    }

    int length(int field) {
        return lengths[field];
    }

    boolean isQuoted(int field) {
        return quoted[field];
    }

    String text(int field) {
        if (bytes != null) {
            return new String(bytes, starts[field], lengths[field], StandardCharsets.ISO_8859_1);
        }
        return new String(chars, starts[field], lengths[field]);
    }

    /**
     * The record's text, for the corrupt-record column: univocity's for its tokens (null when it kept none, as in
     * Spark), else rebuilt from the fields, which gives a record without quotes back exactly as it was.
     */
    String rawText(String separator, char quote) {
        if (raw != null || tokenized) {
            return raw;
        }
        if (bytes != null) {
            // Fields of bytes are never quoted: the line is the bytes from the first field to the end of the last.
            int from = starts[0];
            return new String(bytes, from, starts[count - 1] + lengths[count - 1] - from, StandardCharsets.ISO_8859_1);
        }
        StringBuilder text = new StringBuilder(used + count * 2);
        for (int f = 0; f < count; f++) {
            if (f > 0) {
                text.append(separator);
            }
            if (quoted[f]) {
                text.append(quote);
                for (int i = starts[f]; i < starts[f] + lengths[f]; i++) {
                    if (chars[i] == quote) {
                        text.append(quote);
                    }
                    text.append(chars[i]);
                }
                text.append(quote);
            } else {
                text.append(chars, starts[f], lengths[f]);
            }
        }
        return text.toString();
    }
}
