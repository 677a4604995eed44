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
 * <p>Lines that are all ASCII (most files) are not decoded at all: each byte is its character, so their bytes are split
 * and the fields point into them, and they are searched eight at a time for the separator, the quote and the line
 * ends (one {@code long} holds eight bytes; a byte sought becomes one with its high bit set, which a few arithmetic
 * steps find without a branch per character). Whether a line is ASCII is found in the same pass; at the first line
 * that is not, the block is decoded and split character by character from there.
 */
final class LineSplitter {
    /** What {@link #split} found. */
    static final int RECORD = 0;
    static final int SKIPPED = 1;
    static final int UNIVOCITY = 2;
    /** A line of a block split from its bytes holds a byte that is not ASCII: the block must be decoded. */
    static final int DECODE = 3;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    private final CsvOptions options;
    private final CsvFieldBuffer record;
    private final char separator;
    private final char quote;
    private final char comment;
    /** Whether the separator is white space, so that a line of separators is blank (see CsvRecords#isBlank). */
    private final boolean blankSeparator;
    /** Most characters (digits, letters, '.', '-') are above all four that matter: one comparison passes them. */
    private final char highest;
    /** Whether the separator and the quote are ASCII, so an ASCII block's bytes can be searched for them. */
    private final boolean asciiMarks;
    private final long separators;
    private final long quotes;
    /**
     * Whether every byte that matters is below {@code '-'} (a comma or a tab for separator, the usual quote): then
     * one test for "a byte below {@link #highest} + 1" finds them all in eight bytes, instead of a test for each.
     */
    private final boolean oneTest;
    private final long aboveHighest;
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
        this.blankSeparator = CsvRecords.isBlankSeparator(options.separator());
        this.highest = (char) Math.max(Math.max(separator, quote), '\r');
        this.asciiMarks = separator < 0x80 && quote < 0x80;
        this.separators = ONES * separator;
        this.quotes = ONES * quote;
        this.oneTest = highest < '-';
        this.aboveHighest = ONES * (highest + 1);
    }

    /**
     * The block to split next: {@code chars[0, length)}, decoded from {@code bytes}, or, when {@code chars} is null,
     * {@code bytes[0, length)} themselves, whose ASCII lines are then split and handed on without being decoded.
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

    /**
     * Whether blocks may be split from their bytes (see {@link #startBlock}): the separator and the quote are ASCII.
     * Whether a block is all ASCII is found while splitting it, line by line ({@link #DECODE}), not by a pass of its
     * own.
     */
    boolean splitsBytes() {
        return asciiMarks;
    }

    /** Where the line after the one last split starts. */
    int nextLine() {
        return nextLine;
    }

    /**
     * Splits the line that starts at {@code from} into the record, as line {@code line} of the block. A comment line,
     * an empty one or one of white space only is {@link #SKIPPED}, as Spark skips them; a line with the quote
     * character, more than {@code maxColumns} values or a value longer than {@code maxCharsPerColumn} is for
     * {@link #UNIVOCITY}. In a block of bytes, a line with a byte that is not ASCII (or that shares eight bytes with
     * one) is {@link #DECODE}, unless it is a comment, whose text does not matter.
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
        if (CsvRecords.isBlank(record, blankSeparator)) {
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
            return end == NOT_ASCII ? DECODE : UNIVOCITY;
        }
        nextLine = LineBlocks.nextLineStart(bytes, end, length);
        if (isBlankBytes()) {
            return SKIPPED;
        }
        return CsvRecords.breaksLimits(record, options) ? UNIVOCITY : RECORD;
    }

    /** {@link CsvRecords#isBlank} for a record of bytes. */
    private boolean isBlankBytes() {
        if (record.fieldCount() != 1 && !blankSeparator) {
            return false;
        }
        for (int field = 0; field < record.fieldCount(); field++) {
            for (int i = record.start(field); i < record.start(field) + record.length(field); i++) {
                if (bytes[i] > ' ') {
                    return false;
                }
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

    /** What {@link #splitBytes} returns at the quote character, and at a byte that is not ASCII. */
    private static final int QUOTE = -1;
    private static final int NOT_ASCII = -2;

    /**
     * Splits the bytes of a line, eight at a time; returns where the line ends, {@link #QUOTE} at the quote
     * character, or {@link #NOT_ASCII} when a byte of the line (or of the last eight bytes read) is not ASCII.
     */
    private int splitBytes(int from) {
        int fieldStart = from;
        int i = from;
        // The bytes read, OR-ed: a high bit set is a byte that is not ASCII. Checked once, at the line's end; the
        // mask below finds the marks among ASCII bytes only, and one that is not ASCII could hide one.
        long seen = 0;
        for (; i + Long.BYTES <= length; i += Long.BYTES) {
            long word = (long) LONGS.get(bytes, i);
            seen |= word;
            // A byte of interest is a zero byte in one of these, or a byte below the one test's bound; either sets its
            // high bit in the mask. The byte just above one may set its bit too (a borrow), so every bit is checked
            // against the byte itself, and other bytes (a space, say) are passed over.
            long marks = oneTest ? belowBytes(word)
                    : zeroBytes(word ^ separators) | zeroBytes(word ^ quotes) | zeroBytes(word ^ (ONES * '\n'))
                    | zeroBytes(word ^ (ONES * '\r'));
            while (marks != 0) {
                int at = i + (Long.numberOfTrailingZeros(marks) >>> 3);
                marks &= marks - 1;
                byte b = bytes[at];
                if (b == separator) {
                    record.addRange(fieldStart, at - fieldStart);
                    fieldStart = at + 1;
                } else if (b == '\n' || b == '\r') {
                    if ((seen & HIGH_BITS) != 0) {
                        return NOT_ASCII;
                    }
                    record.addRange(fieldStart, at - fieldStart);
                    return at;
                } else if (b == quote) {
                    return (seen & HIGH_BITS) != 0 ? NOT_ASCII : QUOTE;
                }
            }
        }
        if ((seen & HIGH_BITS) != 0) {
            return NOT_ASCII;
        }
        for (; i < length; i++) {
            byte b = bytes[i];
            if (b == separator) {
                record.addRange(fieldStart, i - fieldStart);
                fieldStart = i + 1;
            } else if (b == '\n' || b == '\r') {
                break;
            } else if (b < 0) {
                return NOT_ASCII;
            } else if (b == quote) {
                return QUOTE;
            }
        }
        record.addRange(fieldStart, i - fieldStart);
        return i;
    }

    /**
     * The high bit of every byte of {@code word} (all ASCII) below {@code highest + 1}, and perhaps of a byte equal
     * to it just above one: a byte below sets its high bit in the difference and borrows from the byte above.
     */
    private long belowBytes(long word) {
        return (word - aboveHighest) & ~word & HIGH_BITS;
    }

    /** The high bit of every zero byte of {@code word} (and perhaps of a 0x01 byte above one). */
    private static long zeroBytes(long word) {
        return (word - ONES) & ~word & HIGH_BITS;
    }
}
