package sluice.spark.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Makes the case of a seed. About half the cases test expressions (clean files of edge values, random expressions
 * over them, at most one that may fail); the rest test reading (hostile files under random reader options, rows
 * passed through as they are read). Stateless; the same seed always gives the same case.
 */
final class CaseGenerator {
    private static final List<String> DECIMALS = List.of("DECIMAL(10,2)", "DECIMAL(5,0)", "DECIMAL(18,6)",
            "DECIMAL(38,10)", "DECIMAL(3,3)", "DECIMAL(38,0)");
    private static final Operations OPERATIONS = new Operations();

    private CaseGenerator() {
    }

    static FuzzCase make(long seed) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 17);
        return random.nextInt(100) < 55 ? expressionCase(seed, random) : inputCase(seed, random);
    }

    private static List<Column> columns(SplittableRandom random, int count, boolean everyKind) {
        List<Kind> kinds = new ArrayList<>();
        if (everyKind) {
            kinds.addAll(List.of(Kind.values()));
        }
        while (kinds.size() < count) {
            kinds.add(Kind.values()[random.nextInt(Kind.values().length)]);
        }
        for (int i = kinds.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Kind swap = kinds.get(i);
            kinds.set(i, kinds.get(j));
            kinds.set(j, swap);
        }
        String decimal = EdgeValues.pick(DECIMALS, random);
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < kinds.size(); i++) {
            Kind kind = kinds.get(i);
            String prefix = switch (kind) {
                case DECIMAL -> "dec";
                case TIMESTAMP -> "ts";
                case BOOLEAN -> "bool";
                case STRING -> "str";
                case BINARY -> "bin";
                default -> kind.name().toLowerCase(Locale.ROOT);
            };
            columns.add(new Column(prefix + "_" + i, kind, kind.ddl(decimal)));
        }
        return columns;
    }

    private static FuzzCase expressionCase(long seed, SplittableRandom random) {
        List<Column> columns = columns(random, Kind.values().length + random.nextInt(4), true);
        List<List<Value>> rows = TableFiles.rows(columns, 3 + random.nextInt(20), random);
        boolean csv = random.nextInt(10) < 6;
        Map<String, String> options = new LinkedHashMap<>();
        if (csv) {
            options.put("header", "true");
        }
        List<InputFile> files = split(rows, random, part -> csv ? TableFiles.csv(columns, part, ',', true)
                : TableFiles.json(columns, part, random), csv ? "csv" : "json", "\n");
        if (files.size() > 1 && random.nextBoolean()) {
            options.put("maxFilesPerTrigger", "1");
        }
        ExpressionGenerator generator = new ExpressionGenerator(OPERATIONS, columns, random);
        int count = 1 + random.nextInt(6);
        int failing = random.nextInt(10) < 6 ? random.nextInt(count) : -1;
        List<Expr> expressions = new ArrayList<>();
        List<String> aliases = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < count; i++) {
            Expr expression = generator.next(1 + random.nextInt(4), i == failing);
            expressions.add(expression);
            boolean alias = random.nextBoolean() || !names.add(expression.sql());
            aliases.add(alias ? "e" + i : "");
        }
        Expr filter = random.nextInt(4) == 0 ? generator.next(Kind.BOOLEAN, 1 + random.nextInt(3), false) : null;
        return new FuzzCase(seed, csv ? "csv" : "json", columns, false, options, files, filter, expressions, aliases,
                console(random, 5));
    }

    private static FuzzCase inputCase(long seed, SplittableRandom random) {
        int formatChoice = random.nextInt(10);
        String format = formatChoice < 6 ? "csv" : formatChoice < 9 ? "json" : "text";
        List<Column> columns = format.equals("text") ? List.of(new Column("value", Kind.STRING, "STRING"))
                : columns(random, 2 + random.nextInt(5), false);
        List<List<Value>> rows = TableFiles.rows(columns, 2 + random.nextInt(15), random);
        Map<String, String> options = new LinkedHashMap<>();
        boolean corrupt = false;
        char sep = ',';
        if (!format.equals("text")) {
            String mode = EdgeValues.pick(List.of("PERMISSIVE", "PERMISSIVE", "DROPMALFORMED", "FAILFAST"), random);
            if (!mode.equals("PERMISSIVE") || random.nextBoolean()) {
                options.put("mode", mode);
            }
            corrupt = mode.equals("PERMISSIVE") && random.nextBoolean();
        }
        boolean header = false;
        if (format.equals("csv")) {
            header = random.nextBoolean();
            options.put("header", Boolean.toString(header));
            sep = EdgeValues.pick(List.of(',', ',', ';', '|', '\t'), random);
            if (sep != ',') {
                options.put("sep", String.valueOf(sep));
            }
            maybe(random, 6, options, "multiLine", "true");
            maybe(random, 7, options, "ignoreLeadingWhiteSpace", "true");
            maybe(random, 7, options, "ignoreTrailingWhiteSpace", "true");
            maybe(random, 10, options, "nullValue", "NA");
            maybe(random, 10, options, "comment", "#");
            maybe(random, 12, options, "emptyValue", "EMPTY");
            maybe(random, 12, options, "nanValue", "nan");
            maybe(random, 12, options, "dateFormat", "yyyy-M-d");
            maybe(random, 12, options, "unescapedQuoteHandling", EdgeValues.pick(List.of("STOP_AT_CLOSING_QUOTE",
                    "BACK_TO_DELIMITER", "SKIP_VALUE", "RAISE_ERROR"), random));
        } else if (format.equals("json")) {
            maybe(random, 12, options, "dateFormat", "yyyy-M-d");
        }
        char chosenSep = sep;
        boolean chosenHeader = header;
        String lineEnd = EdgeValues.pick(List.of("\n", "\n", "\n", "\r\n", "\r"), random);
        List<InputFile> files = split(rows, random, part -> switch (format) {
            case "csv" -> HostileFiles.csv(columns, part, chosenSep, chosenHeader, random);
            case "json" -> HostileFiles.json(columns, part, random);
            default -> HostileFiles.text(part, random);
        }, format, lineEnd);
        if (files.size() > 1 && random.nextBoolean()) {
            options.put("maxFilesPerTrigger", "1");
        }
        return new FuzzCase(seed, format, columns, corrupt, options, files, null, List.of(), List.of(),
                console(random, 3));
    }

    private static void maybe(SplittableRandom random, int oneIn, Map<String, String> options, String key,
                              String value) {
        if (random.nextInt(oneIn) == 0) {
            options.put(key, value);
        }
    }

    /** Console sink options for one case in {@code oneIn}, else null (no console sink). */
    private static Map<String, String> console(SplittableRandom random, int oneIn) {
        if (random.nextInt(oneIn) != 0) {
            return null;
        }
        Map<String, String> console = new LinkedHashMap<>();
        console.put("outputMode", "append");
        console.put("numRows", "100");
        console.put("truncate", Boolean.toString(random.nextBoolean()));
        return console;
    }

    private interface Renderer {
        List<byte[]> lines(List<List<Value>> rows);
    }

    /** The rows spread over one to three files, in order, named so that name order is time order. */
    private static List<InputFile> split(List<List<Value>> rows, SplittableRandom random, Renderer renderer,
                                         String extension, String lineEnd) {
        int count = Math.min(rows.size(), 1 + random.nextInt(3));
        List<InputFile> files = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < count; i++) {
            int to = i == count - 1 ? rows.size() : from + Math.max(1, (rows.size() - from) / (count - i));
            boolean finalLineEnd = random.nextInt(5) > 0;
            files.add(new InputFile("part-" + i + "." + extension, renderer.lines(rows.subList(from, to)), lineEnd,
                    finalLineEnd));
            from = to;
        }
        return files;
    }
}
