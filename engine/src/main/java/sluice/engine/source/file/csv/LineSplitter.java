package sluice.engine.source.file.csv;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import sluice.engine.source.file.LineBlocks;

/**
 * Mutable, owned by the thread reading one split: splits a line without quotes into a {@link CsvFieldBuffer} at a
 * one-character separator, in place (the fields point into the block). A line without the quote character is split
 * at every separator by any CSV reader, univocity included, so this is Spark's tokenizing for it.
 *
 * <p>A block that is all ASCII (most files) is not decoded at all: each byte is its character, so its bytes are split
 * and the fields point into them, and they are searched eight at a time for the separator, the quote and the line
 * ends (one {@code long} holds eight bytes; a byte equal to the one sought becomes a zero byte, which a few
 * arithmetic steps find without a branch per character). Any other block is decoded and split character by
 * character.
 */
final class LineSplitter {
    /** What {@link #split} found. */
    static final int RECORD = 0;
    static final int SKIPPED = 1;
    static final int UNIVOCITY = 2;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    private final CsvOptions options;
    private final CsvFieldBuffer record;
    private final char separator;
    private final char quote;
    private final char comment;
    /** Most characters (digits, letters, '.', '-') are above all four that matter: one comparison passes them. */
    private final char highest;
    /** Whether the separator and the quote are ASCII, so an ASCII block's bytes can be searched for them. */
    private final boolean asciiMarks;
    private final long separators;
    private final long quotes;
    private byte[] bytes;
    private char[] chars;
    private int length;
    private boolean ascii;
    /** Where the line after the one {@link #split} split starts. */
    private int nextLine;

    LineSplitter(CsvOptions options, CsvFieldBuffer record) {
        if (options.separator().length() != 1) {
            throw new IllegalArgumentException("the separator is not one character");
        }
        this.options = options;
        this.record = record;
        this.separator = options.separator().charAt(0);
        this.quote = options.quote();
        this.comment = options.comment();
        this.highest = (char) Math.max(Math.max(separator, quote), '\r');
        this.asciiMarks = separator < 0x80 && quote < 0x80;
        this.separators = ONES * separator;
        this.quotes = ONES * quote;
    }

    /**
     * The block to split next: {@code chars[0, length)}, decoded from {@code bytes}, or, when {@code chars} is null,
     * the all-ASCII {@code bytes[0, length)} themselves, which are then split and handed on without being decoded.
     */
    void startBlock(byte[] bytes, char[] chars, int length) {
        this.bytes = bytes;
        this.chars = chars;
        this.length = length;
        this.ascii = chars == null;
        if (ascii && !asciiMarks) {
            throw new IllegalArgumentException("an undecoded block needs an ASCII separator and quote");
        }
    }

    /** Whether a block of these bytes may be split without decoding it (see {@link #startBlock}). */
    boolean splitsBytes(byte[] bytes, int length) {
        return asciiMarks && isAscii(bytes, length);
    }

    /** Whether {@code bytes[0, length)} are all ASCII; eight at a time. */
    static boolean isAscii(byte[] bytes, int length) {
        long any = 0;
        int i = 0;
        for (; i + Long.BYTES <= length; i += Long.BYTES) {
            any |= (long) LONGS.get(bytes, i);
        }
        for (; i < length; i++) {
            any |= bytes[i];
        }
        return (any & HIGH_BITS) == 0;
    }

    /** Where the line after the one last split starts. */
    int nextLine() {
        return nextLine;
    }

    /**
     * Splits the line that starts at {@code from} into the record, as line {@code line} of the block. A comment line,
     * an empty one or one of white space only is {@link #SKIPPED}, as Spark skips them; a line with the quote
     * character, more than {@code maxColumns} values or a value longer than {@code maxCharsPerColumn} is for
     * {@link #UNIVOCITY}.
     */
    int split(int from, long line) {
        return ascii ? splitAscii(from, line) : splitDecoded(from, line);
    }

    private int splitDecoded(int from, long line) {
        record.beginRanges(line, chars);
        if (comment != '\0' && chars[from] == comment) {
            nextLine = CsvRecords.nextLineStart(chars, CsvRecords.lineEnd(chars, from, length), length);
            return SKIPPED;
        }
        int end = splitChars(from);
        if (end < 0) {
            return UNIVOCITY;
        }
        nextLine = CsvRecords.nextLineStart(chars, end, length);
        if (CsvRecords.isBlank(record)) {
            return SKIPPED;
        }
        return CsvRecords.breaksLimits(record, options) ? UNIVOCITY : RECORD;
    }

    /** As {@link #splitDecoded}, on the bytes of an all-ASCII block: each byte is its character. */
    private int splitAscii(int from, long line) {
        record.beginByteRanges(line, bytes);
        if (comment != '\0' && bytes[from] == comment) {
            nextLine = LineBlocks.nextLineStart(bytes, LineBlocks.lineEnd(bytes, from, length), length);
            return SKIPPED;
        }
        int end = splitBytes(from);
        if (end < 0) {
            return UNIVOCITY;
        }
        nextLine = LineBlocks.nextLineStart(bytes, end, length);
        if (isBlankBytes()) {
            return SKIPPED;
        }
        return CsvRecords.breaksLimits(record, options) ? UNIVOCITY : RECORD;
    }

    /** {@link CsvRecords#isBlank} for a record of bytes. */
    private boolean isBlankBytes() {
        if (record.fieldCount() != 1) {
            return false;
        }
        for (int i = record.start(0); i < record.start(0) + record.length(0); i++) {
            if (bytes[i] > ' ') {
                return false;
            }
        }
        return true;
    }

    /** Splits by characters; returns where the line ends, or -1 at the quote character. */
    private int splitChars(int from) {
        int fieldStart = from;
        int i = from;
        for (; i < length; i++) {
            char c = chars[i];
            if (c > highest) {
                continue;
            }
            if (c == separator) {
                record.addRange(fieldStart, i - fieldStart);
                fieldStart = i + 1;
            } else if (c == '\n' || c == '\r') {
                break;
            } else if (c == quote) {
                return -1;
            }
        }
        record.addRange(fieldStart, i - fieldStart);
        return i;
    }

    /**
     * Splits the bytes of an all-ASCII block, eight at a time; returns where the line ends, or -1 at the quote
     * character.
     */
    private int splitBytes(int from) {
        int fieldStart = from;
        int i = from;
        for (; i + Long.BYTES <= length; i += Long.BYTES) {
            long word = (long) LONGS.get(bytes, i);
            // A byte of interest is a zero byte in one of these; a zero byte sets its high bit in the mask. A 0x01
            // byte just above a zero byte may set its bit too, so every bit is checked against the byte itself.
            long marks = zeroBytes(word ^ separators) | zeroBytes(word ^ quotes) | zeroBytes(word ^ (ONES * '\n'))
                    | zeroBytes(word ^ (ONES * '\r'));
            while (marks != 0) {
                int at = i + (Long.numberOfTrailingZeros(marks) >>> 3);
                marks &= marks - 1;
                byte b = bytes[at];
                if (b == separator) {
                    record.addRange(fieldStart, at - fieldStart);
                    fieldStart = at + 1;
                } else if (b == '\n' || b == '\r') {
                    record.addRange(fieldStart, at - fieldStart);
                    return at;
                } else if (b == quote) {
                    return -1;
                }
            }
        }
        for (; i < length; i++) {
            byte b = bytes[i];
            if (b == separator) {
                record.addRange(fieldStart, i - fieldStart);
                fieldStart = i + 1;
            } else if (b == '\n' || b == '\r') {
                break;
            } else if (b == quote) {
                return -1;
            }
        }
        record.addRange(fieldStart, i - fieldStart);
        return i;
    }

    /** The high bit of every zero byte of {@code word} (and perhaps of a 0x01 byte above one). */
    private static long zeroBytes(long word) {
        return (word - ONES) & ~word & HIGH_BITS;
    }
}
