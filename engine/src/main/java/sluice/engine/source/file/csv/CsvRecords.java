package sluice.engine.source.file.csv;

import com.univocity.parsers.common.ParsingContext;
import com.univocity.parsers.common.TextParsingException;
import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import com.univocity.parsers.csv.UnescapedQuoteHandling;
import de.siegmar.fastcsv.reader.CommentStrategy;
import de.siegmar.fastcsv.reader.CsvReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.function.Consumer;

/**
 * The records of one CSV file, split and tokenized as Spark's CSV reader does, handed one at a time to a
 * {@link Handler}. Spark tokenizes with univocity: without {@code multiLine} every line that is not blank (or a
 * comment) is a record parsed on its own, so a quote never joins lines; with it, univocity reads the whole file and
 * quoted values may span lines.
 *
 * <p>Only quoted values tell CSV dialects apart, and without them fastcsv splits a line exactly as univocity does,
 * about three times faster here. So {@link #readUnquoted} reads with fastcsv and gives up at the first quoted value;
 * the caller then reads the file again, from its start, with {@link #readExact}.
 */
final class CsvRecords {
    private CsvRecords() {
    }

    /** Receives a file's records: its header first, when the options say it has one, then the data records. */
    interface Handler {
        void header(CsvFieldBuffer record);

        void record(CsvFieldBuffer record);
    }

    /**
     * Reads {@code file} with fastcsv, as Spark would, as long as no value is quoted; returns false, having stopped,
     * at the first record that holds one. Not for {@code multiLine}, whose line ends univocity detects by itself.
     */
    static boolean readUnquoted(Path file, CsvOptions options, Handler handler) throws IOException {
        try (CsvReader<CsvFieldBuffer> reader = fastcsv(options).build(new CsvFieldBuffer(), file,
                StandardCharsets.UTF_8)) {
            Iterator<CsvFieldBuffer> records = reader.iterator();
            // The header is taken before the loop: a branch taken once per file inside it would have the JIT
            // compile the loop without it, then throw that code away at the next file.
            boolean headerPending = options.header();
            while (headerPending && records.hasNext()) {
                CsvFieldBuffer record = records.next();
                if (hasQuotedValue(record, options)) {
                    return false;
                }
                if (!isBlank(record)) {
                    handler.header(record);
                    headerPending = false;
                }
            }
            while (records.hasNext()) {
                CsvFieldBuffer record = records.next();
                if (hasQuotedValue(record, options)) {
                    return false;
                }
                if (!isBlank(record)) {
                    handler.record(record);
                }
            }
            return true;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Reads {@code file} with univocity set up as Spark sets it up. */
    static void readExact(Path file, CsvOptions options, Handler handler) throws IOException {
        CsvParser parser = new CsvParser(univocity(options));
        CsvFieldBuffer record = new CsvFieldBuffer();
        // Spark decodes lines as Hadoop's Text does: malformed UTF-8 becomes U+FFFD rather than failing the file.
        HeaderFirst records = new HeaderFirst(handler, options.header());
        try (Reader input = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8)) {
            if (options.quoting().multiLine()) {
                readWhole(parser, input, options, record, records);
            } else {
                readLines(parser, new BufferedReader(input, 1 << 16), options, record, records);
            }
        }
    }

    private static void readLines(CsvParser parser, BufferedReader input, CsvOptions options, CsvFieldBuffer record,
                                  Consumer<CsvFieldBuffer> records) throws IOException {
        long number = 0;
        String line;
        // readLine ends a line at \n, \r or \r\n, as Hadoop's line reader that Spark uses.
        while ((line = input.readLine()) != null) {
            number++;
            if (line.trim().isEmpty()
                    || options.comment() != '\0' && line.charAt(0) == options.comment()) {
                continue;
            }
            record.beginTokens(number, line);
            try {
                String[] tokens = parser.parseLine(line);
                if (tokens == null) {
                    continue;
                }
                addTokens(record, tokens, options);
            } catch (TextParsingException e) {
                record.fail(firstSentence(e));
            }
            records.accept(record);
        }
    }

    private static void readWhole(CsvParser parser, Reader input, CsvOptions options, CsvFieldBuffer record,
                                  Consumer<CsvFieldBuffer> records) {
        parser.beginParsing(input);
        try {
            long nextLine = 1;
            while (true) {
                String[] tokens;
                try {
                    tokens = parser.parseNext();
                } catch (TextParsingException e) {
                    // The consumer fails the read on it, as Spark does; univocity could not go on in any case.
                    record.beginTokens(nextLine, stripLineEnd(e.getParsedContent()));
                    record.fail(firstSentence(e));
                    records.accept(record);
                    return;
                }
                if (tokens == null) {
                    return;
                }
                ParsingContext context = parser.getContext();
                record.beginTokens(nextLine, stripLineEnd(context.currentParsedContent()));
                nextLine = context.currentLine() + 1;
                addTokens(record, tokens, options);
                records.accept(record);
            }
        } finally {
            parser.stopParsing();
        }
    }

    /** univocity leaves a field the record lacks null; Spark reads it as {@code nullValue}. */
    private static void addTokens(CsvFieldBuffer record, String[] tokens, CsvOptions options) {
        for (String token : tokens) {
            record.addToken(token == null ? options.nullValue() : token);
        }
    }

    /** Spark's {@code CSVOptions.asParserSettings}, for the options Sluice knows. */
    private static CsvParserSettings univocity(CsvOptions options) {
        CsvQuoting quoting = options.quoting();
        CsvParserSettings settings = new CsvParserSettings();
        settings.getFormat().setDelimiter(options.separator());
        settings.getFormat().setQuote(quoting.quote());
        settings.getFormat().setQuoteEscape(quoting.escape());
        if (quoting.escapeEscape() != '\0') {
            settings.getFormat().setCharToEscapeQuoteEscaping(quoting.escapeEscape());
        }
        if (options.comment() != '\0') {
            settings.getFormat().setComment(options.comment());
        } else {
            settings.setCommentProcessingEnabled(false);
        }
        settings.setIgnoreLeadingWhitespaces(options.ignoreLeadingWhiteSpace());
        settings.setIgnoreTrailingWhitespaces(options.ignoreTrailingWhiteSpace());
        settings.setReadInputOnSeparateThread(false);
        settings.setMaxColumns(20480);
        settings.setNullValue(options.nullValue());
        settings.setEmptyValue(options.emptyValue());
        settings.setMaxCharsPerColumn(-1);
        settings.setUnescapedQuoteHandling(UnescapedQuoteHandling.valueOf(quoting.unescapedQuoteHandling()));
        settings.setLineSeparatorDetectionEnabled(quoting.multiLine());
        settings.setErrorContentLength(1000);
        return settings;
    }

    /** fastcsv set up to split lines as univocity does when no value is quoted. */
    private static CsvReader.CsvReaderBuilder fastcsv(CsvOptions options) {
        CsvReader.CsvReaderBuilder builder = CsvReader.builder()
                .fieldSeparator(options.separator())
                .quoteCharacter(options.quote())
                .skipEmptyLines(true)
                .allowExtraFields(true)
                .allowMissingFields(true)
                .allowExtraCharsAfterClosingQuote(true);
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

    /** Spark skips lines that are empty once trimmed; fastcsv skips only empty ones. */
    private static boolean isBlank(CsvFieldBuffer record) {
        if (record.fieldCount() != 1) {
            return false;
        }
        char[] chars = record.chars();
        for (int i = record.start(0); i < record.start(0) + record.length(0); i++) {
            if (chars[i] > ' ') {
                return false;
            }
        }
        return true;
    }

    /** Hands the first record to {@code header} when there is a header, the rest to {@code record}. */
    private static final class HeaderFirst implements Consumer<CsvFieldBuffer> {
        private final Handler handler;
        private boolean headerPending;

        HeaderFirst(Handler handler, boolean header) {
            this.handler = handler;
            this.headerPending = header;
        }

        @Override
        public void accept(CsvFieldBuffer record) {
            if (headerPending && record.failure() == null) {
                headerPending = false;
                handler.header(record);
            } else {
                handler.record(record);
            }
        }
    }

    private static String stripLineEnd(String text) {
        if (text == null) {
            return "";
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

    /** univocity's first sentence; the rest names its own settings, which mean nothing to a Sluice user. */
    private static String firstSentence(TextParsingException e) {
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
