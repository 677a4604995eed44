package sluice.engine.source.file.csv;

import com.univocity.parsers.common.ParsingContext;
import com.univocity.parsers.common.TextParsingException;
import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import de.siegmar.fastcsv.reader.CommentStrategy;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import java.io.CharArrayReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.function.LongUnaryOperator;
import sluice.engine.csv.UnivocityParsing;
import sluice.engine.source.file.FileSplit;
import sluice.engine.source.file.LineBlocks;

/**
 * The records of a split of a CSV file, split and tokenized as Spark's CSV reader does, handed one at a time to a
 * {@link Handler}. Spark tokenizes with univocity: without {@code multiLine} every line that is not blank (or a
 * comment) is a record parsed on its own, so a quote never joins lines, and a file is read in splits of whole lines
 * ({@link LineBlocks}); with it, univocity reads the whole file and quoted values may span lines.
 *
 * <p>Only quoted values tell CSV dialects apart: a line without the quote character is split at every separator by
 * any CSV reader, univocity included. So each block of lines is split here, in place (the fields point into the
 * block's characters), up to the first line that holds the quote character (or breaks {@code maxColumns} or
 * {@code maxCharsPerColumn}, whose errors are univocity's); since every line is a record of its own, univocity then
 * reads the rest of the block from that line, and the next block is split here again. With a separator of more than
 * one character fastcsv takes the place of the splitting here, up to the first record with a quoted value.
 */
final class CsvRecords {
    private final CsvOptions options;
    private final Handler handler;
    private final CsvFieldBuffer record = new CsvFieldBuffer();
    private CsvParser univocity;
    private boolean headerPending;
    private final LineSplitter splitter;
    /** Whether a line of separators and white space is blank (see {@link #isBlank}). */
    private final boolean blankSeparator;
    /** How many characters the last {@link #decode} made. */
    private int decodedLength;
    /** The split's first line that is neither blank nor a comment, its number in the first block (readExactLines). */
    private String firstLine;
    private long firstLineNumber;
    /** Whether the block being read is the split's first. */
    private boolean inFirstBlock;

    private CsvRecords(CsvOptions options, Handler handler, boolean headerPending) {
        this.options = options;
        this.handler = handler;
        this.headerPending = headerPending;
        // fastcsv splits at a separator of more than one character (see readUnquoted).
        this.splitter = options.separator().length() == 1 ? new LineSplitter(options, record) : null;
        this.blankSeparator = isBlankSeparator(options.separator());
    }

    /** Receives a split's records: its header first, when the options say it has one, then the data records. */
    interface Handler {
        /**
         * How the records' line numbers (see {@link CsvFieldBuffer#line()}) become lines in the file, for messages;
         * called before the first record.
         */
        default void lineNumbers(LongUnaryOperator fileLine) {
        }

        void header(CsvFieldBuffer record);

        void record(CsvFieldBuffer record);
    }

    /**
     * Reads the records of {@code split} as Spark would; {@code exact} reads every record with univocity (schema
     * inference does). Only a split at the start of its file has the header. With {@code multiLine} the split must
     * be the whole file.
     */
    static void read(FileSplit split, CsvOptions options, boolean exact, Handler handler) throws IOException {
        CsvRecords records = new CsvRecords(options, handler, options.header() && split.start() == 0);
        if (options.quoting().multiLine()) {
            records.readWhole(split.file());
        } else {
            records.readLines(split, exact);
        }
    }

    private void readLines(FileSplit split, boolean exact) throws IOException {
        // Spark decodes lines as Hadoop's Text does: malformed UTF-8 becomes U+FFFD rather than failing the file.
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        CsvReader.CsvReaderBuilder fastcsv = fastcsv(options);
        boolean inPlace = options.separator().length() == 1;
        char[] chars = new char[0];
        try (LineBlocks blocks = LineBlocks.open(split)) {
            handler.lineNumbers(blocks::fileLine);
            boolean first = true;
            while (blocks.next()) {
                byte[] bytes = blocks.bytes();
                int byteLength = blocks.length();
                inFirstBlock = first;
                if (first) {
                    rememberFirstLine(bytes, byteLength);
                    first = false;
                }
                if (!exact && inPlace && splitter.splitsBytes()) {
                    // While the lines are ASCII each byte is its character: they are split and parsed from the
                    // bytes. The first line that is not has the block decoded, and splitting goes on from it in the
                    // characters; a line for univocity has the block decoded too.
                    splitter.startBlock(bytes, null, byteLength);
                    long stop = readSplitInPlace(0, 1, byteLength);
                    if (stop == 0) {
                        continue;
                    }
                    chars = decode(decoder, bytes, byteLength, chars);
                    int length = decodedLength;
                    if (stop < 0) {
                        splitter.startBlock(bytes, chars, length);
                        stop = readSplitInPlace(lineStart(chars, length, -stop), -stop, length);
                    }
                    if (stop > 0) {
                        readExactLines(chars, lineStart(chars, length, stop), length, stop);
                    }
                    continue;
                }
                chars = decode(decoder, bytes, byteLength, chars);
                int length = decodedLength;
                long exactFrom;
                if (exact) {
                    exactFrom = 1;
                } else if (inPlace) {
                    splitter.startBlock(bytes, chars, length);
                    exactFrom = readSplitInPlace(0, 1, length);
                } else {
                    exactFrom = readUnquoted(fastcsv, chars, length);
                }
                if (exactFrom > 0) {
                    readExactLines(chars, lineStart(chars, length, exactFrom), length, exactFrom);
                }
            }
        }
    }

    /** Keeps the first line of the split's first block that is neither blank nor a comment (see readExactLines). */
    private void rememberFirstLine(byte[] bytes, int length) {
        long number = 1;
        for (int start = 0; start < length; number++) {
            int end = LineBlocks.lineEnd(bytes, start, length);
            String text = new String(bytes, start, end - start, StandardCharsets.UTF_8);
            start = LineBlocks.nextLineStart(bytes, end, length);
            if (!text.trim().isEmpty() && (options.comment() == '\0' || text.charAt(0) != options.comment())) {
                firstLine = text;
                firstLineNumber = number;
                return;
            }
        }
    }

    /**
     * Decodes {@code bytes[0, length)} into {@code chars}, or a larger array it returns; the characters' count goes
     * to {@link #decodedLength}.
     */
    private char[] decode(CharsetDecoder decoder, byte[] bytes, int length, char[] chars) {
        char[] into = chars.length < length ? new char[length] : chars;
        CharBuffer decoded = CharBuffer.wrap(into);
        decoder.reset();
        decoder.decode(ByteBuffer.wrap(bytes, 0, length), decoded, true);
        decoder.flush(decoded);
        decodedLength = decoded.position();
        return into;
    }

    /**
     * Reads {@code chars[0, length)} with fastcsv, as Spark would, as long as no value is quoted and no limit is
     * broken; returns the line (1-based) of the first record where that stops, or 0 when the block is done.
     */
    private long readUnquoted(CsvReader.CsvReaderBuilder fastcsv, char[] chars, int length) {
        try (CsvReader<CsvFieldBuffer> reader = fastcsv.build(record, new CharArrayReader(chars, 0, length))) {
            Iterator<CsvFieldBuffer> records = reader.iterator();
            // The header is taken before the loop: a branch taken once per file inside it would have the JIT
            // compile the loop without it, then throw that code away at the next file.
            while (headerPending && records.hasNext()) {
                CsvFieldBuffer next = records.next();
                if (needsUnivocity(next)) {
                    return next.line();
                }
                if (!isBlank(next, blankSeparator)) {
                    handler.header(next);
                    headerPending = false;
                }
            }
            while (records.hasNext()) {
                CsvFieldBuffer next = records.next();
                if (needsUnivocity(next)) {
                    return next.line();
                }
                if (!isBlank(next, blankSeparator)) {
                    handler.record(next);
                }
            }
            return 0;
        } catch (CsvParseException e) {
            // fastcsv refuses text after a closing quote at a separator of more than one character; univocity, as
            // Spark, takes it into the value (STOP_AT_DELIMITER): it reads that record, whose line fastcsv began,
            // and the rest of the block.
            return record.line();
        } catch (IOException e) {
            throw new IllegalStateException("reading characters in memory failed", e);
        }
    }

    /**
     * Splits the lines of the block given to the splitter, {@code length} characters, in place from {@code at}, line
     * {@code line} (1-based), as long as none holds the quote character and no limit is broken; returns the line
     * where that stops, or 0 when the block is done. In a block of bytes, a line with a byte that is not ASCII stops
     * it too, and its line comes back negated: the block must be decoded and split from that line.
     */
    private long readSplitInPlace(int from, long firstLine, int length) {
        int at = from;
        long line = firstLine;
        // As in readUnquoted, the header is taken before the loop, so the loop has no branch taken once per file.
        for (; headerPending && at < length; line++) {
            int found = splitter.split(at, line);
            if (found >= LineSplitter.UNIVOCITY) {
                return found == LineSplitter.UNIVOCITY ? line : -line;
            }
            at = splitter.nextLine();
            if (found == LineSplitter.RECORD) {
                handler.header(record);
                headerPending = false;
            }
        }
        for (; at < length; line++) {
            int found = splitter.split(at, line);
            if (found >= LineSplitter.UNIVOCITY) {
                return found == LineSplitter.UNIVOCITY ? line : -line;
            }
            at = splitter.nextLine();
            if (found == LineSplitter.RECORD) {
                handler.record(record);
            }
        }
        return 0;
    }

    /** Whether univocity must read this record: it quotes a value, or univocity would refuse it for a limit. */
    private boolean needsUnivocity(CsvFieldBuffer next) {
        return hasQuotedValue(next, options) || breaksLimits(next, options);
    }

    /** Whether univocity would refuse this record for {@code maxColumns} or {@code maxCharsPerColumn}. */
    static boolean breaksLimits(CsvFieldBuffer next, CsvOptions options) {
        if (next.fieldCount() > options.maxColumns()) {
            return true;
        }
        if (options.maxCharsPerColumn() >= 0) {
            for (int f = 0; f < next.fieldCount(); f++) {
                if (next.length(f) > options.maxCharsPerColumn()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Every line of {@code chars[from, length)} as a record of its own, through univocity; the first is line {@code
     * line}.
     */
    private void readExactLines(char[] chars, int from, int length, long line) {
        if (univocity == null) {
            univocity = new CsvParser(univocity(options));
            if (firstLine != null && !(inFirstBlock && line <= firstLineNumber)) {
                // Spark's parser reads every line of the split, and univocity sets itself up on the first one it
                // parses (trimming its values, which fails on a quoted value of spaces with ignoreTrailingWhiteSpace):
                // this one starts where Spark's did, on the split's first line, which had no quote.
                try {
                    univocity.parseLine(firstLine);
                } catch (TextParsingException e) {
                    // The line was read without univocity; only its setting up matters here.
                }
            }
        }
        long number = line;
        for (int start = from; start < length; number++) {
            int end = lineEnd(chars, start, length);
            String text = new String(chars, start, end - start);
            start = nextLineStart(chars, end, length);
            if (text.trim().isEmpty() || options.comment() != '\0' && text.charAt(0) == options.comment()) {
                continue;
            }
            record.beginTokens(number, text);
            try {
                String[] tokens = univocity.parseLine(text);
                if (tokens == null) {
                    continue;
                }
                addTokens(record, tokens, options);
            } catch (TextParsingException e) {
                record.fail(failure(e, true));
            }
            accept(record);
        }
    }

    private void readWhole(Path file) throws IOException {
        CsvParser parser = new CsvParser(univocity(options));
        try (InputStream input = Files.newInputStream(file)) {
            // As Spark: univocity decodes the stream itself (U+FFFD for what is not UTF-8).
            parser.beginParsing(input, StandardCharsets.UTF_8);
            long nextLine = 1;
            while (true) {
                String[] tokens;
                try {
                    tokens = parser.parseNext();
                } catch (TextParsingException e) {
                    // The consumer fails the read on it, as Spark does; univocity could not go on in any case.
                    record.beginTokens(nextLine, stripLineEnd(e.getParsedContent()));
                    record.fail(failure(e, false));
                    accept(record);
                    return;
                }
                if (tokens == null) {
                    return;
                }
                ParsingContext context = parser.getContext();
                record.beginTokens(nextLine, stripLineEnd(context.currentParsedContent()));
                nextLine = context.currentLine() + 1;
                addTokens(record, tokens, options);
                accept(record);
            }
        } finally {
            parser.stopParsing();
        }
    }

    /** Hands the first record to {@code header} when there is a header, the rest to {@code record}. */
    private void accept(CsvFieldBuffer next) {
        if (headerPending && next.failure() == null) {
            headerPending = false;
            handler.header(next);
        } else {
            handler.record(next);
        }
    }

    /** Where line {@code line} (1-based) of {@code chars[0, length)} starts. */
    private static int lineStart(char[] chars, int length, long line) {
        int start = 0;
        for (long l = 1; l < line && start < length; l++) {
            start = nextLineStart(chars, lineEnd(chars, start, length), length);
        }
        return start;
    }

    /** The index of the {@code \r} or {@code \n} that ends the line starting at {@code from}, or {@code to}. */
    static int lineEnd(char[] chars, int from, int to) {
        for (int i = from; i < to; i++) {
            if (chars[i] == '\n' || chars[i] == '\r') {
                return i;
            }
        }
        return to;
    }

    static int nextLineStart(char[] chars, int end, int to) {
        return end + 1 < to && chars[end] == '\r' && chars[end + 1] == '\n' ? end + 2 : end + 1;
    }

    /** univocity leaves a field the record lacks null; Spark reads it as {@code nullValue}. */
    private static void addTokens(CsvFieldBuffer record, String[] tokens, CsvOptions options) {
        for (String token : tokens) {
            record.addToken(token == null ? options.nullValue() : token);
        }
    }

    /** Spark's {@code CSVOptions.asParserSettings}, for the options Sluice knows. */
    private static CsvParserSettings univocity(CsvOptions options) {
        return new UnivocityParsing(options.separator(), options.quoting(), options.comment(), options.nullValue(),
                options.emptyValue(), options.ignoreLeadingWhiteSpace(), options.ignoreTrailingWhiteSpace(),
                options.maxColumns(), options.maxCharsPerColumn()).settings();
    }

    /**
     * fastcsv set up to split lines as univocity does when no value is quoted. It only ever splits at a separator of
     * more than one character, which it reads in its relaxed mode, and that mode refuses to be told to allow text
     * after a closing quote.
     */
    private static CsvReader.CsvReaderBuilder fastcsv(CsvOptions options) {
        CsvReader.CsvReaderBuilder builder = CsvReader.builder()
                .fieldSeparator(options.separator())
                .quoteCharacter(options.quote())
                .skipEmptyLines(true)
                .allowExtraFields(true)
                .allowMissingFields(true)
                // fastcsv refuses a value longer than its buffer may grow (16 M characters by default); Spark's
                // maxCharsPerColumn is unlimited by default, and fastcsv only ever reads one block of lines.
                .maxBufferSize(Integer.MAX_VALUE - 8);
        if (options.comment() != '\0') {
            builder.commentStrategy(CommentStrategy.SKIP).commentCharacter(options.comment());
        }
        return builder;
    }

    /**
     * Whether univocity would read a value of this record as quoted: one that fastcsv saw start with the quote, or,
     * when leading white space is dropped, one whose first other character is the quote.
     */
    private static boolean hasQuotedValue(CsvFieldBuffer record, CsvOptions options) {
        char[] chars = record.chars();
        for (int f = 0; f < record.fieldCount(); f++) {
            if (record.isQuoted(f)) {
                return true;
            }
            if (options.ignoreLeadingWhiteSpace()) {
                int i = record.start(f);
                int end = i + record.length(f);
                while (i < end && chars[i] <= ' ' && chars[i] > '\0') {
                    i++;
                }
                if (i < end && chars[i] == options.quote()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Spark skips lines that are empty once trimmed (every character a space or a control character, as Scala's
     * trim), before it splits them: with the tab for separator ({@code blankSeparator}: every character of the
     * separator is such a character), a line of tabs is skipped, not a record of empty values. fastcsv skips only
     * empty lines.
     */
    static boolean isBlank(CsvFieldBuffer record, boolean blankSeparator) {
        if (record.fieldCount() != 1 && !blankSeparator) {
            return false;
        }
        char[] chars = record.chars();
        for (int field = 0; field < record.fieldCount(); field++) {
            for (int i = record.start(field); i < record.start(field) + record.length(field); i++) {
                if (chars[i] > ' ') {
                    return false;
                }
            }
        }
        return true;
    }

    /** Whether every character of {@code separator} is one Scala's trim takes away. */
    static boolean isBlankSeparator(String separator) {
        return separator.chars().allMatch(c -> c <= ' ');
    }

    /**
     * {@code text} without one line end ({@code \n}, {@code \r\n} or {@code \r}) at its end, as Scala's
     * {@code stripLineEnd} that Spark applies to univocity's parsed content; null stays null.
     */
    static String stripLineEnd(String text) {
        if (text == null) {
            return null;
        }
        int end = text.length();
        if (end > 0 && text.charAt(end - 1) == '\n') {
            end--;
        }
        if (end > 0 && text.charAt(end - 1) == '\r') {
            end--;
        }
        return text.substring(0, end);
    }

    /**
     * Why univocity refused a record. Breaking {@code maxColumns} or {@code maxCharsPerColumn} overflows one of its
     * arrays; reading line by line Spark reports that as MALFORMED_CSV_RECORD, with {@code multiLine} as it is.
     */
    private String failure(TextParsingException e, boolean lineByLine) {
        if (!(e.getCause() instanceof ArrayIndexOutOfBoundsException)) {
            return firstSentence(e);
        }
        String limit = String.valueOf(e.getMessage()).startsWith("Length of parsed input")
                ? String.format("a value is longer than %d characters (maxCharsPerColumn)", options.maxCharsPerColumn())
                : String.format("the record has more than %d values (maxColumns)", options.maxColumns());
        return lineByLine ? "[MALFORMED_CSV_RECORD] " + limit : limit;
    }

    /** univocity's first sentence; the rest names its own settings, which mean nothing to a Sluice user. */
    static String firstSentence(TextParsingException e) {
        String message = e.getMessage();
        if (message == null) {
            return "the record cannot be tokenized";
        }
        String prefix = e.getClass().getName() + " - ";
        if (message.startsWith(prefix)) {
            message = message.substring(prefix.length());
        }
        int end = message.indexOf(". ");
        int line = message.indexOf('\n');
        if (end < 0 || line >= 0 && line < end) {
            end = line;
        }
        return (end < 0 ? message : message.substring(0, end)).strip();
    }
}
