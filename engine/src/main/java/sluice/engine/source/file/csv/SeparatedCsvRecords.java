package sluice.engine.source.file.csv;

import com.univocity.parsers.common.TextParsingException;
import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import sluice.engine.csv.UnivocityParsing;
import sluice.engine.source.file.DelimitedRecords;
import sluice.engine.source.file.TextLayout;

/**
 * The records of a whole CSV file whose lines end at Spark's {@code lineSep} option, read as Spark reads them.
 * Without {@code multiLine} Spark cuts the file at the separator's bytes (Hadoop's line reader with a custom
 * delimiter), drops blank and comment records, and has univocity tokenize each record, set up with the separator as
 * its line separator; with {@code multiLine} univocity reads the whole file, ending records at the separator only.
 * Handed one at a time to a {@link CsvRecords.Handler}, the first to {@code header} when the options say so. Mutable,
 * one per file read, on the reading thread.
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

    /** Reads every record of {@code file}; {@code layout} must have a line separator. */
    static void read(Path file, CsvOptions options, TextLayout layout, CsvRecords.Handler handler) throws IOException {
        SeparatedCsvRecords records = new SeparatedCsvRecords(options, layout, handler);
        if (options.quoting().multiLine()) {
            records.readWhole(file);
        } else {
            records.readRecords(file);
        }
    }

    private void readRecords(Path file) throws IOException {
        CsvParser univocity = new CsvParser(settings());
        DelimitedRecords.read(file, layout.separatorBytes(), (bytes, from, to) -> {
            number++;
            String text = new String(bytes, from, to - from, layout.charset());
            if (text.trim().isEmpty() || options.comment() != '\0' && text.charAt(0) == options.comment()) {
                return;
            }
            record.beginTokens(number, text);
            try {
                String[] tokens = univocity.parseLine(text);
                if (tokens == null) {
                    return;
                }
                addTokens(tokens);
            } catch (TextParsingException e) {
                record.fail(reason(e));
            }
            accept();
        });
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
                    record.fail(reason(e));
                    accept();
                    return;
                }
                if (tokens == null) {
                    return;
                }
                record.beginTokens(number, String.valueOf(parser.getContext().currentParsedContent()));
                addTokens(tokens);
                accept();
            }
        } finally {
            parser.stopParsing();
        }
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

    /** Spark's {@code CSVOptions.asParserSettings} with a {@code lineSep}. */
    private CsvParserSettings settings() {
        CsvParserSettings settings = new UnivocityParsing(options.separator(), options.quoting(), options.comment(),
                options.nullValue(), options.emptyValue(), options.ignoreLeadingWhiteSpace(),
                options.ignoreTrailingWhiteSpace(), options.maxColumns(), options.maxCharsPerColumn()).settings();
        settings.getFormat().setLineSeparator(layout.lineSep());
        settings.setLineSeparatorDetectionEnabled(false);
        settings.setNormalizeLineEndingsWithinQuotes(!options.quoting().multiLine());
        return settings;
    }

    /** univocity's first sentence; the rest names its own settings, which mean nothing to a Sluice user. */
    private static String reason(TextParsingException e) {
        String message = String.valueOf(e.getMessage());
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
