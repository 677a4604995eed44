package sluice.engine.csv;

import java.math.BigDecimal;
import sluice.engine.types.AtomicType;
import sluice.engine.types.Bytes;
import sluice.engine.types.DataType;
import sluice.engine.types.DecimalType;
import sluice.engine.types.IntegralRange;
import sluice.engine.types.IntervalText;

/**
 * Mutable (a cache of recent strings), made per file read or per from_csv evaluator on the thread that uses it (the
 * time zone comes with the read): converts one field's characters to a value of a column's type as Spark's
 * {@code UnivocityParser} does (Java's own number parsing, so {@code " 1"} is no INT but is a DOUBLE, as in Spark),
 * writing it into {@link ParsedFields}. The file source and from_csv share it, as Spark's reader and CsvToStructs
 * share their parser.
 */
public final class CsvFieldParser {
    private static final double[] POWERS_OF_TEN = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
        1e20, 1e21, 1e22};

    private static final long NOT_A_NUMBER = Long.MIN_VALUE;
    /** Texts that could be plain decimals; made once, as a parser is made per file. */
    private static final java.util.regex.Pattern PLAIN_DECIMAL =
            java.util.regex.Pattern.compile("[-+]?[0-9]*\\.?[0-9]*");

    private final String nanValue;
    private final String positiveInf;
    private final String negativeInf;
    private final TemporalParser temporal;
    private final RepeatedStrings strings = RepeatedStrings.ofThisThread();
    /**
     * Whether no plain decimal can be one of the special words (true unless the user made a number one): then the
     * plain decimal is tried first. Checking the words first has the JIT compile the reading loop for "no field is
     * that short" and compile it again at the first short number.
     */
    private final boolean decimalsFirst;
    /**
     * The last {@code yyyy-MM-dd} date parsed and its day: rows in time order repeat their date for many rows, and
     * comparing ten characters costs less than parsing and checking them.
     */
    private final char[] lastDate = new char[PLAIN_DATE_LENGTH];
    private long lastDay = TemporalParser.INVALID;
    /**
     * The last date's characters 0-7 and 2-9 as the bytes of two little-endian longs, so ASCII bytes are compared
     * with it by two 64-bit reads; valid while {@link #lastDateAscii}.
     */
    private long lastDateHead;
    private long lastDateTail;
    private boolean lastDateAscii;
    private static final java.lang.invoke.VarHandle LONGS = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
            long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    /** The characters of the ASCII bytes of a field not read from its bytes; reused. */
    private char[] widened = new char[64];
    private static final int PLAIN_DATE_LENGTH = 10;

    /** The words are Spark's {@code nanValue}, {@code positiveInf} and {@code negativeInf} options. */
    public CsvFieldParser(String nanValue, String positiveInf, String negativeInf, TemporalParser temporal) {
        this.nanValue = nanValue;
        this.positiveInf = positiveInf;
        this.negativeInf = negativeInf;
        this.temporal = temporal;
        // Not by calling simpleDecimal: a word seen there per file would be the rare case the JIT compiled away.
        this.decimalsFirst = java.util.stream.Stream.of(nanValue, positiveInf, negativeInf)
                .noneMatch(word -> PLAIN_DECIMAL.matcher(word).matches());
        // The last date starts as one this parser reads like any other, through the path that remembers every
        // date (when its format reads it at all), not as "none yet": a parser is made per file, and "none yet" at a
        // file's first date was the branch the JIT had compiled away in the first file's reading loop, so every
        // later file threw the compiled loop away (a deoptimization, then C2 compiling it again, about 100 ms of the
        // one C2 thread while the batch ran).
        char[] seed = "1970-01-01".toCharArray();
        parseDate(seed, 0, seed.length);
    }

    /**
     * Converts {@code chars[start, start+length)} into {@code column} of {@code out}; false when the text is not a
     * value of {@code type} (the field stays null).
     */
    public boolean parse(DataType type, char[] chars, int start, int length, ParsedFields out, int column) {
        if (type == AtomicType.DOUBLE || type == AtomicType.FLOAT) {
            return parseFloating(type, chars, start, length, out, column);
        } else if (type == AtomicType.INT) {
            long value = parseLong(chars, start, length);
            if (value == NOT_A_NUMBER || value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
                return false;
            }
            out.setLong(column, value);
            return true;
        } else if (type == AtomicType.TINYINT || type == AtomicType.SMALLINT) {
            // Java's Byte.parseByte and Short.parseShort, as Spark's toByte and toShort: out of range is malformed.
            long value = parseLong(chars, start, length);
            return value != NOT_A_NUMBER && IntegralRange.of(type).contains(value) && set(out, column, value);
        } else if (type == AtomicType.BIGINT) {
            long value = parseLong(chars, start, length);
            // The sentinel is also a real value; only its own digits mean it.
            return (value != NOT_A_NUMBER || isLongMinValue(chars, start, length)) && set(out, column, value);
        } else if (type == AtomicType.STRING) {
            out.setObject(column, strings.of(chars, start, length));
            return true;
        } else if (type == AtomicType.DATE) {
            long days = parseDate(chars, start, length);
            return days != TemporalParser.INVALID && set(out, column, days);
        }
        return parseText(type, new String(chars, start, length), out, column);
    }

    /**
     * {@link #parse(DataType, char[], int, int, ParsedFields, int)} of ASCII bytes, each its character, as a CSV line
     * of an all-ASCII block holds them: the common values (plain decimals, integers, strings, a repeated date) are
     * read from the bytes; anything else is widened to characters and read as they are, so every rule stays one.
     */
    public boolean parse(DataType type, byte[] bytes, int start, int length, ParsedFields out, int column) {
        if (type == AtomicType.DOUBLE) {
            if (decimalsFirst) {
                double plain = simpleDecimal(bytes, start, length);
                if (!Double.isNaN(plain)) {
                    out.setDouble(column, plain);
                    return true;
                }
            }
        } else if (type == AtomicType.INT || type == AtomicType.BIGINT) {
            long value = parseLong(bytes, start, length);
            if (value != NOT_A_NUMBER
                    && (type == AtomicType.BIGINT || value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE)) {
                out.setLong(column, value);
                return true;
            }
        } else if (type == AtomicType.STRING) {
            out.setObject(column, strings.of(bytes, start, length));
            return true;
        } else if (type == AtomicType.DATE) {
            if (length == PLAIN_DATE_LENGTH && lastDay != TemporalParser.INVALID && isLastDate(bytes, start)) {
                out.setLong(column, lastDay);
                return true;
            }
        }
        if (widened.length < length) {
            widened = new char[Math.max(length, widened.length * 2)];
        }
        for (int i = 0; i < length; i++) {
            widened[i] = (char) bytes[start + i];
        }
        return parse(type, widened, 0, length, out, column);
    }

    private boolean isLastDate(byte[] bytes, int start) {
        if (lastDateAscii) {
            // The field's ten bytes are inside the array: both reads stay within them.
            return (long) LONGS.get(bytes, start) == lastDateHead && (long) LONGS.get(bytes, start + 2) == lastDateTail;
        }
        for (int i = 0; i < PLAIN_DATE_LENGTH; i++) {
            if (lastDate[i] != bytes[start + i]) {
                return false;
            }
        }
        return true;
    }

    private long parseDate(char[] chars, int start, int length) {
        if (length != PLAIN_DATE_LENGTH) {
            return temporal.parseDate(chars, start, length);
        }
        if (lastDay != TemporalParser.INVALID && isLastDate(chars, start)) {
            return lastDay;
        }
        long days = temporal.parseDate(chars, start, length);
        if (days != TemporalParser.INVALID) {
            System.arraycopy(chars, start, lastDate, 0, length);
            lastDay = days;
            lastDateAscii = true;
            for (char c : lastDate) {
                lastDateAscii &= c < 0x80;
            }
            lastDateHead = packed(lastDate, 0);
            lastDateTail = packed(lastDate, 2);
        }
        return days;
    }

    /** Eight characters from {@code from}, each as one byte, as a little-endian long. */
    private static long packed(char[] chars, int from) {
        long value = 0;
        for (int i = Long.BYTES - 1; i >= 0; i--) {
            value = value << 8 | (chars[from + i] & 0xFF);
        }
        return value;
    }

    /** A plain loop: for ten characters it beats the call and set-up of the vectorized Arrays.equals. */
    private boolean isLastDate(char[] chars, int start) {
        for (int i = 0; i < PLAIN_DATE_LENGTH; i++) {
            if (lastDate[i] != chars[start + i]) {
                return false;
            }
        }
        return true;
    }

    /** The same conversion from a String (an {@code emptyValue} that is not the null value). */
    public boolean parseText(DataType type, String text, ParsedFields out, int column) {
        if (type == AtomicType.STRING) {
            out.setObject(column, text);
            return true;
        } else if (type.isIntegral() || type == AtomicType.DOUBLE || type == AtomicType.FLOAT) {
            return parse(type, text.toCharArray(), 0, text.length(), out, column);
        } else if (type == AtomicType.BINARY) {
            // Spark's CSV reader takes a binary field as the bytes of its text (String.getBytes, UTF-8 here).
            out.setObject(column, Bytes.utf8(text));
            return true;
        } else if (type == AtomicType.BOOLEAN) {
            // Scala's String.toBoolean: 'true' or 'false' in any case, nothing else.
            if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
                out.setBoolean(column, text.equalsIgnoreCase("true"));
                return true;
            }
            return false;
        } else if (type == AtomicType.DATE) {
            long days = temporal.parseDate(text);
            return days != TemporalParser.INVALID && set(out, column, days);
        } else if (type == AtomicType.TIMESTAMP) {
            long micros = temporal.parseTimestamp(text);
            return micros != TemporalParser.INVALID && set(out, column, micros);
        } else if (type == AtomicType.TIMESTAMP_NTZ) {
            long micros = temporal.parseLocalTimestamp(text);
            return micros != TemporalParser.INVALID && set(out, column, micros);
        } else if (type instanceof DecimalType decimal) {
            BigDecimal value = DecimalText.parse(text, decimal);
            out.setObject(column, value);
            return value != null;
        } else if (type.isInterval()) {
            // Spark reads an interval as its CAST from text does: the bare value or the whole ANSI literal.
            try {
                return set(out, column, IntervalText.parse(text, (AtomicType) type));
            } catch (IntervalText.Invalid e) {
                return false;
            }
        }
        throw new IllegalStateException("CSV cannot hold " + type.simpleString());
    }

    private static boolean set(ParsedFields out, int column, long value) {
        out.setLong(column, value);
        return true;
    }

    private boolean parseFloating(DataType type, char[] chars, int start, int length, ParsedFields out, int column) {
        if (decimalsFirst && type == AtomicType.DOUBLE) {
            double plain = simpleDecimal(chars, start, length);
            if (!Double.isNaN(plain)) {
                out.setDouble(column, plain);
                return true;
            }
        }
        if (matches(nanValue, chars, start, length)) {
            out.setDouble(column, Double.NaN);
            return true;
        } else if (matches(positiveInf, chars, start, length)) {
            out.setDouble(column, Double.POSITIVE_INFINITY);
            return true;
        } else if (matches(negativeInf, chars, start, length)) {
            out.setDouble(column, Double.NEGATIVE_INFINITY);
            return true;
        }
        double fast = type == AtomicType.DOUBLE ? simpleDecimal(chars, start, length) : Double.NaN;
        if (!Double.isNaN(fast)) {
            out.setDouble(column, fast);
            return true;
        }
        try {
            String text = new String(chars, start, length);
            out.setDouble(column, type == AtomicType.FLOAT ? Float.parseFloat(text) : Double.parseDouble(text));
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * {@code [-+]digits[.digits]} with at most 15 digits, exactly as {@link Double#parseDouble} would give it: both
     * the digits and the power of ten are exact doubles, and one division rounds correctly (Clinger's fast path). NaN
     * when the text is anything else (or has more digits), and the caller falls back to {@code Double.parseDouble}.
     * The whole part and the fraction are read by two tight loops, without a test per character for the point.
     */
    private static double simpleDecimal(char[] chars, int start, int length) {
        int at = start;
        int end = start + length;
        boolean negative = false;
        if (at < end && (chars[at] == '-' || chars[at] == '+')) {
            negative = chars[at] == '-';
            at++;
        }
        long mantissa = 0;
        int wholeStart = at;
        for (; at < end; at++) {
            int digit = chars[at] - '0';
            if (digit < 0 || digit > 9) {
                break;
            }
            mantissa = mantissa * 10 + digit;
        }
        int digits = at - wholeStart;
        int scale = 0;
        if (at < end && chars[at] == '.') {
            int fractionStart = ++at;
            for (; at < end; at++) {
                int digit = chars[at] - '0';
                if (digit < 0 || digit > 9) {
                    break;
                }
                mantissa = mantissa * 10 + digit;
            }
            scale = at - fractionStart;
        }
        // More than 15 digits (leading zeros included) may not be exact, and the mantissa could overflow past 18.
        if (at != end || digits + scale == 0 || digits + scale > 15) {
            return Double.NaN;
        }
        double value = mantissa / POWERS_OF_TEN[scale];
        return negative ? -value : value;
    }

    /** {@link Long#parseLong} on characters, without a String; {@link #NOT_A_NUMBER} when it would throw. */
    private static long parseLong(char[] chars, int start, int length) {
        if (length == 0) {
            return NOT_A_NUMBER;
        }
        int at = start;
        int end = start + length;
        boolean negative = chars[at] == '-';
        if (negative || chars[at] == '+') {
            at++;
            if (at == end) {
                return NOT_A_NUMBER;
            }
        }
        long value = 0;
        for (; at < end; at++) {
            int digit = chars[at] - '0';
            if (digit < 0 || digit > 9) {
                // Long.parseLong reads any Unicode decimal digit (Character.digit), so Spark reads "١٢٣" as 123.
                digit = Character.digit(chars[at], 10);
                if (digit < 0) {
                    return NOT_A_NUMBER;
                }
            }
            // Accumulate negatively so Long.MIN_VALUE's magnitude fits, as Long.parseLong does.
            if (value < (Long.MIN_VALUE + digit) / 10) {
                return NOT_A_NUMBER;
            }
            value = value * 10 - digit;
        }
        if (!negative) {
            return value == Long.MIN_VALUE ? NOT_A_NUMBER : -value;
        }
        return value;
    }

    /** {@link #simpleDecimal(char[], int, int)} of ASCII bytes. */
    private static double simpleDecimal(byte[] bytes, int start, int length) {
        int at = start;
        int end = start + length;
        boolean negative = false;
        if (at < end && (bytes[at] == '-' || bytes[at] == '+')) {
            negative = bytes[at] == '-';
            at++;
        }
        long mantissa = 0;
        int wholeStart = at;
        for (; at < end; at++) {
            int digit = bytes[at] - '0';
            if (digit < 0 || digit > 9) {
                break;
            }
            mantissa = mantissa * 10 + digit;
        }
        int digits = at - wholeStart;
        int scale = 0;
        if (at < end && bytes[at] == '.') {
            int fractionStart = ++at;
            for (; at < end; at++) {
                int digit = bytes[at] - '0';
                if (digit < 0 || digit > 9) {
                    break;
                }
                mantissa = mantissa * 10 + digit;
            }
            scale = at - fractionStart;
        }
        // More than 15 digits (leading zeros included) may not be exact, and the mantissa could overflow past 18.
        if (at != end || digits + scale == 0 || digits + scale > 15) {
            return Double.NaN;
        }
        double value = mantissa / POWERS_OF_TEN[scale];
        return negative ? -value : value;
    }

    /** {@link #parseLong(char[], int, int)} of ASCII bytes, where the only digits are 0 to 9. */
    private static long parseLong(byte[] bytes, int start, int length) {
        if (length == 0) {
            return NOT_A_NUMBER;
        }
        int at = start;
        int end = start + length;
        boolean negative = bytes[at] == '-';
        if (negative || bytes[at] == '+') {
            at++;
            if (at == end) {
                return NOT_A_NUMBER;
            }
        }
        long value = 0;
        for (; at < end; at++) {
            int digit = bytes[at] - '0';
            if (digit < 0 || digit > 9) {
                return NOT_A_NUMBER;
            }
            // Accumulate negatively so Long.MIN_VALUE's magnitude fits, as Long.parseLong does.
            if (value < (Long.MIN_VALUE + digit) / 10) {
                return NOT_A_NUMBER;
            }
            value = value * 10 - digit;
        }
        if (!negative) {
            return value == Long.MIN_VALUE ? NOT_A_NUMBER : -value;
        }
        return value;
    }

    private static boolean isLongMinValue(char[] chars, int start, int length) {
        return matches(Long.toString(Long.MIN_VALUE), chars, start, length);
    }

    private static boolean matches(String text, char[] chars, int start, int length) {
        if (text == null || text.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (chars[start + i] != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
