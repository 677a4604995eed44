package sluice.engine.csv;

import static org.assertj.core.api.Assertions.assertThat;

import com.univocity.parsers.csv.CsvWriter;
import com.univocity.parsers.csv.CsvWriterSettings;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvFieldWriterTest {
    private static final List<String> LINE_SEPS = List.of("\n", "\r\n", "\r", "||", ";;", "|", "ab");
    private static final List<String> VALUES = Arrays.asList(null, "", "plain", " padded ", "   ", "\n", " \n ",
            "a,b", "a;b", "a|b", "a||b", "a;;b", "xa", "xb", "line\nfeed", "cr\r\nlf", "cr\ronly", "ends\n",
            "ends \n", "ends\r", "ends\r\n", "\nstarts", "say \"hi\"", "\"quoted\"", "  \"lead", "back\\slash",
            "back\\,comma", "tab\tin", "trail\t", "nul\u0000", "\u0000nul", "\u0001ctl\u0001");

    @Test
    void aLineFeedInAValueIsWrittenAsATwoCharacterLineSep() {
        CsvFieldWriter pipes = writer(',', "||", false, true, "", "\"\"");

        assertThat(pipes.field("line\nfeed")).isEqualTo("\"line||feed\"");
    }

    @Test
    void aValueHoldingOneCharacterOfATwoCharacterLineSepIsQuoted() {
        CsvFieldWriter pipes = writer(',', "||", false, true, "", "\"\"");

        assertThat(pipes.field("a|b")).isEqualTo("\"a|b\"");
    }

    @Test
    void aTrailingLineFeedQuotesTheValueAndIsDroppedAsWhiteSpace() {
        CsvFieldWriter lines = writer(',', "\n", false, true, "", "\"\"");

        assertThat(lines.field("ends\n")).isEqualTo("\"ends\"");
    }

    @Test
    void aValueOfWhiteSpaceOnlyIsWrittenAsTheEmptyString() {
        CsvFieldWriter lines = writer(',', "\n", false, true, "", "\"\"");

        assertThat(lines.field(" \n ")).isEqualTo(lines.field(""));
    }

    /**
     * Spark's CSV writer is univocity's, set up by {@code CSVOptions.asWriterSettings}: every value, under every
     * line separator and quoting option, comes out as univocity writes it in a record of two values.
     */
    @Test
    void everyValueIsWrittenAsUnivocityWritesItUnderSparksSettings() {
        List<String> differences = new ArrayList<>();
        for (String lineSep : LINE_SEPS) {
            for (char sep : new char[] {',', ';', '\t'}) {
                for (boolean quoteAll : new boolean[] {false, true}) {
                    for (boolean escapeQuotes : new boolean[] {true, false}) {
                        for (String[] nullAndEmpty : new String[][] {{"", "\"\""}, {"NA", "E"}}) {
                            CsvFieldWriter fields = writer(sep, lineSep, quoteAll, escapeQuotes, nullAndEmpty[0],
                                    nullAndEmpty[1]);
                            CsvWriterSettings settings = sparkSettings(sep, lineSep, quoteAll, escapeQuotes,
                                    nullAndEmpty[0], nullAndEmpty[1]);
                            for (String value : VALUES) {
                                String ours = fields.field(value) + sep + fields.field("z") + lineSep;
                                String univocity = univocity(settings, value, "z");
                                if (!ours.equals(univocity)) {
                                    differences.add(String.format("%s sep=%s lineSep=%s quoteAll=%s escapeQuotes=%s "
                                                    + "null=%s empty=%s: %s, univocity %s", shown(value), shown(
                                                    String.valueOf(sep)), shown(lineSep), quoteAll, escapeQuotes,
                                            nullAndEmpty[0], nullAndEmpty[1], shown(ours), shown(univocity)));
                                }
                            }
                        }
                    }
                }
            }
        }

        assertThat(differences).isEmpty();
    }

    private static CsvFieldWriter writer(char sep, String lineSep, boolean quoteAll, boolean escapeQuotes,
                                         String nullValue, String emptyValue) {
        return new CsvFieldWriter(String.valueOf(sep), '"', '\\', nullValue, emptyValue, quoteAll, escapeQuotes,
                lineSep);
    }

    /** Spark's {@code CSVOptions.asWriterSettings} for these options and its defaults for the others. */
    private static CsvWriterSettings sparkSettings(char sep, String lineSep, boolean quoteAll, boolean escapeQuotes,
                                                   String nullValue, String emptyValue) {
        CsvWriterSettings settings = new CsvWriterSettings();
        settings.getFormat().setDelimiter(sep);
        settings.getFormat().setQuote('"');
        settings.getFormat().setQuoteEscape('\\');
        settings.getFormat().setLineSeparator(lineSep);
        settings.setIgnoreLeadingWhitespaces(true);
        settings.setIgnoreTrailingWhitespaces(true);
        settings.setNullValue(nullValue);
        settings.setEmptyValue(emptyValue);
        settings.setSkipEmptyLines(true);
        settings.setQuoteAllFields(quoteAll);
        settings.setQuoteEscapingEnabled(escapeQuotes);
        settings.setErrorContentLength(1000);
        return settings;
    }

    private static String univocity(CsvWriterSettings settings, String... values) {
        StringWriter out = new StringWriter();
        CsvWriter writer = new CsvWriter(out, settings);
        writer.writeRow((Object[]) values);
        writer.close();
        return out.toString();
    }

    private static String shown(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder shown = new StringBuilder("'");
        for (char ch : text.toCharArray()) {
            shown.append(ch < ' ' ? String.format("\\u%04x", (int) ch) : String.valueOf(ch));
        }
        return shown.append('\'').toString();
    }
}
