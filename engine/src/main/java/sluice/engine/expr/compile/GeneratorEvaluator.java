package sluice.engine.expr.compile;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import sluice.engine.expr.analyze.GeneratorFunction;
import sluice.engine.expr.analyze.Typed;
import sluice.engine.expr.analyze.TypedGenerator;
import sluice.engine.expr.lex.SourceText;
import sluice.engine.types.Batch;
import sluice.engine.types.ColumnVector;
import sluice.engine.types.Field;
import sluice.engine.types.MapValue;
import sluice.engine.types.Row;
import sluice.engine.types.VectorBuilder;

/**
 * Runs a generator over a whole batch: its arguments are evaluated a column at a time, then every input row is turned
 * into its rows, in input order, with the row each came from. Immutable; any thread.
 */
public final class GeneratorEvaluator {
    private final TypedGenerator generator;
    private final List<Evaluator> args;

    public GeneratorEvaluator(TypedGenerator generator, SourceText source, ZoneId zone) {
        this.generator = generator;
        Compiler compiler = new Compiler(source, zone);
        List<Evaluator> compiled = new ArrayList<>();
        for (Typed arg : generator.args()) {
            compiled.add(compiler.compile(arg));
        }
        this.args = List.copyOf(compiled);
    }

    public GeneratedRows generate(Batch input, Env env) {
        List<ColumnVector> values = new ArrayList<>(args.size());
        for (Evaluator arg : args) {
            values.add(arg.evaluate(input, env));
        }
        int rows = input.rowCount();
        return switch (generator.function()) {
            case EXPLODE, EXPLODE_OUTER, POSEXPLODE, POSEXPLODE_OUTER, INLINE, INLINE_OUTER ->
                    collection(values.get(0), rows);
            case STACK -> stack(values, rows);
            case JSON_TUPLE -> jsonTuple(values, rows);
        };
    }

    /** explode, posexplode and inline: the elements (or entries) of each row's array (or map), in order. */
    private GeneratedRows collection(ColumnVector collection, int rows) {
        boolean outer = generator.function().isOuter();
        int total = 0;
        for (int r = 0; r < rows; r++) {
            total += Math.max(sizeOf(collection, r), outer ? 1 : 0);
        }
        int[] parents = new int[total];
        List<VectorBuilder> builders = builders(total);
        boolean withPosition = generator.function() == GeneratorFunction.POSEXPLODE
                || generator.function() == GeneratorFunction.POSEXPLODE_OUTER;
        boolean inline = generator.function() == GeneratorFunction.INLINE
                || generator.function() == GeneratorFunction.INLINE_OUTER;
        int out = 0;
        for (int r = 0; r < rows; r++) {
            int size = sizeOf(collection, r);
            if (size == 0) {
                if (outer) {
                    parents[out++] = r;
                    builders.forEach(VectorBuilder::appendNull);
                }
                continue;
            }
            Object value = collection.get(r);
            for (int i = 0; i < size; i++) {
                parents[out++] = r;
                int column = 0;
                if (withPosition) {
                    builders.get(column++).appendLong(i);
                }
                if (value instanceof MapValue map) {
                    builders.get(column++).append(map.key(i));
                    builders.get(column).append(map.value(i));
                } else if (inline) {
                    Row struct = (Row) ((List<?>) value).get(i);
                    for (int f = 0; f < builders.size(); f++) {
                        builders.get(f).append(struct == null ? null : struct.get(f));
                    }
                } else {
                    builders.get(column).append(((List<?>) value).get(i));
                }
            }
        }
        return new GeneratedRows(parents, total, build(builders));
    }

    private static int sizeOf(ColumnVector collection, int row) {
        Object value = collection.get(row);
        if (value == null) {
            return 0;
        }
        return value instanceof MapValue map ? map.size() : ((List<?>) value).size();
    }

    /** stack: the values laid out row by row, {@code generator.rows()} rows for every input row. */
    private GeneratedRows stack(List<ColumnVector> values, int rows) {
        int perRow = generator.rows();
        int columns = generator.output().size();
        int total = Math.multiplyExact(rows, perRow);
        int[] parents = new int[total];
        List<VectorBuilder> builders = builders(total);
        int out = 0;
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < perRow; i++) {
                parents[out++] = r;
                for (int c = 0; c < columns; c++) {
                    int index = 1 + i * columns + c;
                    VectorBuilder builder = builders.get(c);
                    if (index < values.size()) {
                        builder.appendFrom(values.get(index), r);
                    } else {
                        builder.appendNull();
                    }
                }
            }
        }
        return new GeneratedRows(parents, total, build(builders));
    }

    /** json_tuple: exactly one row for every input row. */
    private GeneratedRows jsonTuple(List<ColumnVector> values, int rows) {
        int[] parents = new int[rows];
        List<VectorBuilder> builders = builders(rows);
        String[] names = new String[values.size() - 1];
        for (int r = 0; r < rows; r++) {
            parents[r] = r;
            for (int i = 0; i < names.length; i++) {
                names[i] = (String) values.get(i + 1).get(r);
            }
            String[] fields = JsonTuples.read((String) values.get(0).get(r), names);
            for (int i = 0; i < fields.length; i++) {
                builders.get(i).appendObject(fields[i]);
            }
        }
        return new GeneratedRows(parents, rows, build(builders));
    }

    private List<VectorBuilder> builders(int capacity) {
        List<VectorBuilder> builders = new ArrayList<>();
        for (Field field : generator.output()) {
            builders.add(new VectorBuilder(field.type(), capacity));
        }
        return builders;
    }

    private static List<ColumnVector> build(List<VectorBuilder> builders) {
        return builders.stream().map(VectorBuilder::build).toList();
    }
}
