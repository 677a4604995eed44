package sluice.engine.source.file.csv;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import java.util.Arrays;

/**
 * Mutable, owned by the thread reading one file: fastcsv's callback for one record at a time. It copies the fields'
 * characters into one reused array instead of making a String per field, so numbers parse without garbage; the
 * reader returns this same object for every record, which is valid until the next one is read.
 */
final class CsvFieldBuffer extends AbstractBaseCsvCallbackHandler<CsvFieldBuffer> {
    private char[] chars = new char[256];
    private int[] starts = new int[16];
    private int[] lengths = new int[16];
    private boolean[] quoted = new boolean[16];
    private int used;
    private int count;
    private long line;

    @Override
    protected void handleBegin(long startingLineNumber) {
        line = startingLineNumber;
        used = 0;
        count = 0;
    }

    @Override
    protected void handleField(int fieldIdx, char[] buf, int offset, int len, boolean isQuoted) {
        if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2);
            lengths = Arrays.copyOf(lengths, count * 2);
            quoted = Arrays.copyOf(quoted, count * 2);
        }
        if (used + len > chars.length) {
            chars = Arrays.copyOf(chars, Math.max(chars.length * 2, used + len));
        }
        System.arraycopy(buf, offset, chars, used, len);
        starts[count] = used;
        lengths[count] = len;
        quoted[count] = isQuoted;
        used += len;
        count++;
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

    char[] chars() {
        return chars;
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
        return new String(chars, starts[field], lengths[field]);
    }

    /**
     * The record as CSV text again, for the corrupt-record column. fastcsv does not keep the raw line, so quoted
     * fields are written back quoted with inner quotes doubled; an unquoted record comes back exactly as it was.
     */
    String rawText(String separator, char quote) {
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
