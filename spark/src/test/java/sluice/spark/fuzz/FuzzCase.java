package sluice.spark.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import sluice.engine.pipeline.NodeSpec;
import sluice.engine.pipeline.OptionValue;
import sluice.engine.pipeline.PipelineJson;
import sluice.engine.pipeline.PipelineSpec;
import sluice.engine.pipeline.Trigger;

/**
 * One generated case: input files and the file source's options, an optional filter, the expressions of a select
 * (none: the source's rows as they are), a memory sink and an optional console sink. Written out in the layout of
 * a compatibility case ({@code <name>.sluice.json} beside a folder {@code <name>/} of input files), so a shrunk
 * case can be kept in the suite as it is. Immutable.
 */
record FuzzCase(long seed, String format, List<Column> columns, boolean corruptColumn, Map<String, String> options,
                List<InputFile> files, Expr filter, List<Expr> expressions, List<String> aliases,
                Map<String, String> console) {
    static final Instant FIRST_FILE_TIME = Instant.parse("2024-01-01T00:00:00Z");

    FuzzCase {
        columns = List.copyOf(columns);
        options = new LinkedHashMap<>(options);
        files = List.copyOf(files);
        expressions = List.copyOf(expressions);
        aliases = List.copyOf(aliases);
        console = console == null ? null : new LinkedHashMap<>(console);
    }

    String name() {
        return "seed-" + seed;
    }

    /** The schema option: every column, then the corrupt-record column when the case has one; none for text. */
    String schema() {
        String ddl = columns.stream().map(c -> c.name() + " " + c.ddl()).collect(Collectors.joining(", "));
        return corruptColumn ? ddl + ", _corrupt_record STRING" : ddl;
    }

    List<String> selectList() {
        List<String> list = new ArrayList<>();
        for (int i = 0; i < expressions.size(); i++) {
            String alias = aliases.get(i);
            list.add(expressions.get(i).sql() + (alias.isEmpty() ? "" : " AS " + alias));
        }
        return list;
    }

    /** Writes the case into {@code folder} (replacing an earlier case of the same name) and returns its pipeline. */
    Path write(Path folder) {
        try {
            Path inputs = folder.resolve(name());
            if (Files.isDirectory(inputs)) {
                try (Stream<Path> earlier = Files.list(inputs)) {
                    for (Path file : earlier.toList()) {
                        Files.delete(file);
                    }
                }
            }
            Files.createDirectories(inputs);
            for (int i = 0; i < files.size(); i++) {
                Path file = inputs.resolve(files.get(i).name());
                Files.write(file, files.get(i).content());
                Files.setLastModifiedTime(file, FileTime.from(FIRST_FILE_TIME.plusSeconds(10L * i)));
            }
            Path pipeline = folder.resolve(name() + ".sluice.json");
            Files.writeString(pipeline, PipelineJson.write(spec()));
            return pipeline;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private PipelineSpec spec() {
        List<NodeSpec> nodes = new ArrayList<>();
        Map<String, OptionValue> source = new LinkedHashMap<>();
        source.put("path", OptionValue.of(name()));
        source.put("format", OptionValue.of(format));
        if (!format.equals("text")) {
            source.put("schema", OptionValue.of(schema()));
        }
        options.forEach((key, value) -> source.put(key, OptionValue.of(value)));
        nodes.add(new NodeSpec("in", "source.file", List.of(), 60, 120, source));
        String last = "in";
        if (filter != null) {
            nodes.add(new NodeSpec("where", "transform.filter", List.of(last), 300, 120,
                    Map.of("condition", OptionValue.of(filter.sql()))));
            last = "where";
        }
        if (!expressions.isEmpty()) {
            nodes.add(new NodeSpec("select", "transform.select", List.of(last), 540, 120,
                    Map.of("expressions", OptionValue.of(selectList()))));
            last = "select";
        }
        Map<String, OptionValue> memory = new LinkedHashMap<>();
        memory.put("outputMode", OptionValue.of("append"));
        memory.put("queryName", OptionValue.of("fuzz_" + seed));
        nodes.add(new NodeSpec("out", "sink.memory", List.of(last), 780, 120, memory));
        if (console != null) {
            Map<String, OptionValue> consoleOptions = new LinkedHashMap<>();
            console.forEach((key, value) -> consoleOptions.put(key, OptionValue.of(value)));
            nodes.add(new NodeSpec("console", "sink.console", List.of(last), 780, 240, consoleOptions));
        }
        return new PipelineSpec(PipelineSpec.FORMAT, "fuzz/" + name(), new Trigger.AsFastAsPossible(), null, nodes);
    }

    /** Cases one step smaller than this one, the biggest cuts first; the shrinker keeps the first that still fails. */
    List<FuzzCase> smaller() {
        List<FuzzCase> smaller = new ArrayList<>();
        if (console != null) {
            smaller.add(with(files, filter, expressions, aliases, null, options));
        }
        if (filter != null) {
            smaller.add(with(files, null, expressions, aliases, console, options));
        }
        for (int i = 0; i < expressions.size() && expressions.size() > 1; i++) {
            List<Expr> fewer = new ArrayList<>(expressions);
            List<String> fewerAliases = new ArrayList<>(aliases);
            fewer.remove(i);
            fewerAliases.remove(i);
            smaller.add(with(files, filter, fewer, fewerAliases, console, options));
        }
        for (int i = 0; i < files.size() && files.size() > 1; i++) {
            List<InputFile> fewer = new ArrayList<>(files);
            fewer.remove(i);
            smaller.add(with(fewer, filter, expressions, aliases, console, options));
        }
        for (int f = 0; f < files.size(); f++) {
            int lines = files.get(f).lines().size();
            for (int size = Math.max(1, lines / 2); size >= 1; size = size == 1 ? 0 : Math.max(1, size / 2)) {
                for (int from = 0; from + size <= lines; from += size) {
                    List<InputFile> changed = new ArrayList<>(files);
                    changed.set(f, files.get(f).without(from, from + size));
                    smaller.add(with(changed, filter, expressions, aliases, console, options));
                }
            }
        }
        for (String key : options.keySet()) {
            Map<String, String> fewer = new LinkedHashMap<>(options);
            fewer.remove(key);
            smaller.add(with(files, filter, expressions, aliases, console, fewer));
        }
        for (int i = 0; i < expressions.size(); i++) {
            for (Expr simpler : expressions.get(i).simplifications(Literals.simplest(expressions.get(i).kind()))) {
                List<Expr> changed = new ArrayList<>(expressions);
                changed.set(i, simpler);
                smaller.add(with(files, filter, changed, aliases, console, options));
            }
        }
        if (filter != null) {
            for (Expr simpler : filter.simplifications(Literals.simplest(Kind.BOOLEAN))) {
                smaller.add(with(files, simpler, expressions, aliases, console, options));
            }
        }
        return smaller;
    }

    private FuzzCase with(List<InputFile> newFiles, Expr newFilter, List<Expr> newExpressions,
                          List<String> newAliases, Map<String, String> newConsole, Map<String, String> newOptions) {
        return new FuzzCase(seed, format, columns, corruptColumn, newOptions, newFiles, newFilter, newExpressions,
                newAliases, newConsole);
    }

    /** A readable summary for a failure message: options, filter and expressions. */
    String describe() {
        StringBuilder text = new StringBuilder(name()).append(": ").append(format).append(' ').append(options);
        if (!format.equals("text")) {
            text.append(" schema '").append(schema()).append('\'');
        }
        if (filter != null) {
            text.append("\n  filter: ").append(filter.sql());
        }
        for (String expression : selectList()) {
            text.append("\n  select: ").append(expression);
        }
        return text.toString();
    }
}
