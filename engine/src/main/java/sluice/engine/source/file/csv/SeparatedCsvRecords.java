package sluice.engine.source.file.csv;

import com.univocity.parsers.common.TextParsingException;
import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import sluice.engine.source.file.FileSplit;
import sluice.engine.source.file.LineBlocks;
import sluice.engine.csv.UnivocityParsing;
import sluice.engine.source.file.DelimitedRecords;
import sluice.engine.source.file.TextLayout;

/**
 * The records of a CSV file with Spark's {@code lineSep} or a charset other than UTF-8 ({@code encoding}), read as
 * Spark reads them. Without {@code multiLine} Spark cuts the file at the separator's bytes (Hadoop's line reader with
 * a custom delimiter), or at the bytes of {@code \n}, {@code \r} and {@code \r\n} without one, decodes each line
 * with the charset, drops blank and comment lines, and has univocity tokenize each, set up with the separator as its
 * line separator; with {@code multiLine} univocity decodes and reads the whole file, ending records at the separator
 * only when there is one. Handed one at a time to a {@link CsvRecords.Handler}, the first to {@code header} when the
 * options say so. Mutable, one per split read, on the reading thread.
 */
final class SeparatedCsvRecords {
    private final CsvOptions options;
    private final TextLayout layout;
    private final CsvRecords.Handler handler;
    private final CsvFieldBuffer record = new CsvFieldBuffer();
    private boolean headerPending;
    private long number;

    private SeparatedCsvRecords(CsvOptions options, TextLayout layout, CsvRecords.Handler handler) {
        this.options = options;
        this.layout = layout;
        this.handler = handler;
        this.headerPending = options.header();
    }

    /**
     * Reads every record of {@code split}, which is the whole file with {@code multiLine} or a line separator; only a
     * split at the start of its file has the header.
     */
    static void read(FileSplit split, CsvOptions options, TextLayout layout, CsvRecords.Handler handler)
            throws IOException {
        SeparatedCsvRecords records = new SeparatedCsvRecords(options, layout, handler);
        records.headerPending &= split.start() == 0;
        if (options.quoting().multiLine()) {
            records.readWhole(split.file());
        } else if (layout.hasLineSep()) {
            CsvParser univocity = new CsvParser(records.settings());
            DelimitedRecords.read(split.file(), layout.separatorBytes(),
                    (bytes, from, to) -> records.line(univocity, bytes, from, to));
        } else {
            records.readLines(split);
        }
    }

    private void readLines(FileSplit split) throws IOException {
        CsvParser univocity = new CsvParser(settings());
        try (LineBlocks blocks = LineBlocks.open(split)) {
            handler.lineNumbers(blocks::fileLine);
            while (blocks.next()) {
                byte[] bytes = blocks.bytes();
                number = 0;
                for (int start = 0; start < blocks.length(); ) {
                    int end = LineBlocks.lineEnd(bytes, start, blocks.length());
                    line(univocity, bytes, start, end);
                    start = LineBlocks.nextLineStart(bytes, end, blocks.length());
                }
            }
        }
    }

    /**
     * One line, {@code bytes[from, to)} in the file's charset: a record unless it is blank or a comment. As in Spark
     * one univocity parser reads every line of the file, and the record's text (its corrupt record) is what
     * univocity says it read, not the line: with a {@code lineSep} a line may hold a line feed, univocity's own line
     * end, which ends the record there, and the parser then reads the next line from the column it had reached
     * (univocity's parseLine keeps its position), so that line's record is only its tail, or nothing at all, which
     * Spark takes as a malformed record.
     */
    private void line(CsvParser univocity, byte[] bytes, int from, int to) {
        number++;
        String text = new String(bytes, from, to - from, layout.charset());
        if (text.trim().isEmpty() || options.comment() != '\0' && text.charAt(0) == options.comment()) {
            return;
        }
        String[] tokens;
        try {
            tokens = univocity.parseLine(text);
        } catch (TextParsingException e) {
            record.beginTokens(number, text);
            record.fail(CsvRecords.firstSentence(e));
            accept();
            return;
        }
        record.beginTokens(number, parsedText(univocity));
        if (tokens == null) {
            record.markUnread();
        } else {
            addTokens(tokens);
        }
        accept();
    }

    private void readWhole(Path file) throws IOException {
        CsvParser parser = new CsvParser(settings());
        try (InputStream input = Files.newInputStream(file)) {
            parser.beginParsing(input, layout.charset());
            while (true) {
                number++;
                String[] tokens;
                try {
                    tokens = parser.parseNext();
                } catch (TextParsingException e) {
                    record.beginTokens(number, String.valueOf(e.getParsedContent()));
                    record.fail(CsvRecords.firstSentence(e));
                    accept();
                    return;
                }
                if (tokens == null) {
                    return;
                }
                record.beginTokens(number, parsedText(parser));
                addTokens(tokens);
                accept();
            }
        } finally {
            parser.stopParsing();
        }
    }

    /** What univocity read for its last record, as Spark's corrupt record: without its line end, null if none. */
    private static String parsedText(CsvParser parser) {
        return CsvRecords.stripLineEnd(parser.getContext().currentParsedContent());
    }

    private void accept() {
        if (headerPending && record.failure() == null) {
            headerPending = false;
            handler.header(record);
        } else {
            handler.record(record);
        }
    }

    /** univocity leaves a field the record lacks null; Spark reads it as {@code nullValue}. */
    private void addTokens(String[] tokens) {
        for (String token : tokens) {
            record.addToken(token == null ? options.nullValue() : token);
        }
    }

    /** Spark's {@code CSVOptions.asParserSettings}, with its {@code lineSep} when set. */
    private CsvParserSettings settings() {
        CsvParserSettings settings = new UnivocityParsing(options.separator(), options.quoting(), options.comment(),
                options.nullValue(), options.emptyValue(), options.ignoreLeadingWhiteSpace(),
                options.ignoreTrailingWhiteSpace(), options.maxColumns(), options.maxCharsPerColumn()).settings();
        if (layout.hasLineSep()) {
            settings.getFormat().setLineSeparator(layout.lineSep());
            settings.setLineSeparatorDetectionEnabled(false);
            settings.setNormalizeLineEndingsWithinQuotes(!options.quoting().multiLine());
        }
        return settings;
    }
}
