package sluice.engine.expr.compile;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import java.util.TreeMap;
import sluice.engine.expr.analyze.ReferencedColumns;
import sluice.engine.expr.analyze.Typed;
import sluice.engine.expr.lex.SourceText;
import sluice.engine.expr.lex.Span;
import sluice.engine.types.ArrayType;
import sluice.engine.types.AtomicType;
import sluice.engine.types.Batch;
import sluice.engine.types.BooleanVector;
import sluice.engine.types.ColumnVector;
import sluice.engine.types.DataType;
import sluice.engine.types.Field;
import sluice.engine.types.MapType;
import sluice.engine.types.MapValue;
import sluice.engine.types.ObjectVector;
import sluice.engine.types.Schema;
import sluice.engine.types.ValueOrder;
import sluice.engine.types.VectorBuilder;

/**
 * The higher-order functions. A lambda's body is compiled once, like any expression, and evaluated once per batch
 * over a batch of elements: one row per array element, holding the columns of the enclosing batch that the body reads
 * (the others all null) followed by the lambda's parameters. Nothing is allocated per element beyond the values.
 */
final class LambdaEvaluators {
    private LambdaEvaluators() {
    }

    static Evaluator of(Typed.Call call, Compiler compiler, SourceText source) {
        return switch (call.function()) {
            case "transform", "filter", "exists", "forall", "map_filter", "transform_values",
                    "transform_keys" -> new OverElements(
                    call.function(), List.of(compiler.compile(call.args().get(0))),
                    new Body((Typed.Lambda) call.args().get(1), compiler), call.type(), source, call.span());
            case "zip_with" -> new OverElements(call.function(), List.of(compiler.compile(call.args().get(0)),
                    compiler.compile(call.args().get(1))), new Body((Typed.Lambda) call.args().get(2), compiler),
                    call.type(), source, call.span());
            case "aggregate" -> new Aggregate(compiler.compile(call.args().get(0)),
                    compiler.compile(call.args().get(1)),
                    new Body((Typed.Lambda) call.args().get(2), compiler),
                    new Body((Typed.Lambda) call.args().get(3), compiler), call.type(), source, call.span());
            case "array_sort" -> new Sort(compiler.compile(call.args().get(0)),
                    new Body((Typed.Lambda) call.args().get(1), compiler), call.type(), source, call.span());
            case "map_zip_with" -> new MapZipWith(compiler.compile(call.args().get(0)),
                    compiler.compile(call.args().get(1)), new Body((Typed.Lambda) call.args().get(2), compiler),
                    call.type(), source, call.span());
            default -> null;
        };
    }

    /** A compiled lambda: its body, where its parameters start in the batch of elements, and what it reads before. */
    private record Body(Evaluator body, List<Typed.LambdaVariable> params, BitSet reads) {
        Body(Typed.Lambda lambda, Compiler compiler) {
            this(compiler.compile(lambda.body()), lambda.params(), ReferencedColumns.readBy(lambda));
        }

        int first() {
            return params.get(0).index();
        }

        /**
         * The body's values for {@code count} rows, the i-th taken from row {@code from[i]} of {@code outer}, with
         * the parameters' values {@code args} (vectors of {@code count} rows).
         */
        ColumnVector evaluate(Batch outer, int[] from, int count, List<ColumnVector> args, Env env) {
            List<Field> fields = new ArrayList<>(first() + args.size());
            List<ColumnVector> columns = new ArrayList<>(first() + args.size());
            for (int c = 0; c < first(); c++) {
                ColumnVector column = outer.column(c);
                fields.add(outer.schema().field(c));
                columns.add(reads.get(c) ? column.select(from, count) : ColumnVector.nulls(column.type(), count));
            }
            for (int p = 0; p < args.size(); p++) {
                Typed.LambdaVariable param = params.get(p);
                fields.add(new Field(param.name(), param.type(), true));
                columns.add(args.get(p));
            }
            return body.evaluate(new Batch(new Schema(fields), columns, count), env);
        }
    }

    private static List<?> list(ColumnVector arrays, int row) {
        return arrays.isNull(row) ? null : (List<?>) ((ObjectVector) arrays).values()[row];
    }

    private static Boolean truth(ColumnVector result, int i) {
        return result.isNull(i) ? null : ((BooleanVector) result).getBoolean(i);
    }

    /**
     * transform, filter, exists, forall (over an array's elements), zip_with (over two arrays side by side, the shorter
     * padded with nulls), map_filter and transform_values (over a map's entries): the body once over every element of
     * every row.
     */
    private static final class OverElements extends Evaluator {
        private final String function;
        private final List<Evaluator> inputs;
        private final Body lambda;

        OverElements(String function, List<Evaluator> inputs, Body lambda, DataType type, SourceText source,
                Span span) {
            super(type, source, span);
            this.function = function;
            this.inputs = List.copyOf(inputs);
            this.lambda = lambda;
        }

        private boolean overMap() {
            return function.equals("map_filter") || function.equals("transform_values")
                    || function.equals("transform_keys");
        }

        /** The number of elements of row {@code r}, or -1 when the result is null. */
        private int count(List<ColumnVector> values, int r) {
            int count = 0;
            for (ColumnVector vector : values) {
                if (vector.isNull(r)) {
                    return -1;
                }
                Object value = ((ObjectVector) vector).values()[r];
                count = Math.max(count, value instanceof MapValue map ? map.size() : ((List<?>) value).size());
            }
            return count;
        }

        @Override
        ColumnVector compute(Batch batch, Env env) {
            List<ColumnVector> values = new ArrayList<>(inputs.size());
            for (Evaluator input : inputs) {
                values.add(input.evaluate(batch, env));
            }
            int rows = batch.rowCount();
            int total = 0;
            for (int r = 0; r < rows; r++) {
                total += Math.max(0, count(values, r));
            }
            int[] from = new int[total];
            List<VectorBuilder> params = new ArrayList<>(2);
            for (Typed.LambdaVariable param : lambda.params()) {
                params.add(new VectorBuilder(param.type(), total));
            }
            int at = 0;
            for (int r = 0; r < rows; r++) {
                int count = count(values, r);
                for (int i = 0; i < count; i++) {
                    from[at++] = r;
                    for (int p = 0; p < params.size(); p++) {
                        params.get(p).append(argument(values, r, i, p));
                    }
                }
            }
            List<ColumnVector> args = new ArrayList<>(params.size());
            params.forEach(param -> args.add(param.build()));
            ColumnVector result = lambda.evaluate(batch, from, total, args, env);
            VectorBuilder out = new VectorBuilder(type(), rows);
            at = 0;
            for (int r = 0; r < rows; r++) {
                int count = count(values, r);
                if (count < 0) {
                    out.appendNull();
                    continue;
                }
                Object input = ((ObjectVector) values.get(0)).values()[r];
                switch (function) {
                    case "transform", "zip_with" -> {
                        List<Object> mapped = new ArrayList<>(count);
                        for (int i = 0; i < count; i++) {
                            mapped.add(result.get(at + i));
                        }
                        out.appendObject(Collections.unmodifiableList(mapped));
                    }
                    case "filter" -> {
                        List<?> list = (List<?>) input;
                        List<Object> kept = new ArrayList<>(count);
                        for (int i = 0; i < count; i++) {
                            if (Boolean.TRUE.equals(truth(result, at + i))) {
                                kept.add(list.get(i));
                            }
                        }
                        out.appendObject(Collections.unmodifiableList(kept));
                    }
                    case "map_filter" -> {
                        MapValue map = (MapValue) input;
                        List<Object> keys = new ArrayList<>(count);
                        List<Object> kept = new ArrayList<>(count);
                        for (int i = 0; i < count; i++) {
                            if (Boolean.TRUE.equals(truth(result, at + i))) {
                                keys.add(map.key(i));
                                kept.add(map.value(i));
                            }
                        }
                        out.appendObject(new MapValue(keys, kept));
                    }
                    case "transform_values" -> {
                        MapValue map = (MapValue) input;
                        List<Object> mapped = new ArrayList<>(count);
                        for (int i = 0; i < count; i++) {
                            mapped.add(result.get(at + i));
                        }
                        out.appendObject(new MapValue(map.keys(), mapped));
                    }
                    case "transform_keys" -> {
                        MapValue map = (MapValue) input;
                        List<Object> keys = new ArrayList<>(count);
                        for (int i = 0; i < count; i++) {
                            keys.add(result.get(at + i));
                        }
                        out.appendObject(CollectionKernels.mapOf((MapType) type(), keys, map.values()));
                    }
                    default -> out.append(quantified(function.equals("exists"), result, at, count));
                }
                at += count;
            }
            return out.build();
        }

        /** Parameter {@code p} of element {@code i} of row {@code r}, in the Java form of arrays and maps. */
        private Object argument(List<ColumnVector> values, int r, int i, int p) {
            if (overMap()) {
                MapValue map = (MapValue) ((ObjectVector) values.get(0)).values()[r];
                return p == 0 ? map.key(i) : map.value(i);
            }
            if (function.equals("zip_with")) {
                List<?> list = (List<?>) ((ObjectVector) values.get(p)).values()[r];
                return i < list.size() ? list.get(i) : null;
            }
            return p == 0 ? ((List<?>) ((ObjectVector) values.get(0)).values()[r]).get(i) : i;
        }

        /** exists (any true, else null if any null) or forall (any false is false, else null if any null). */
        private static Boolean quantified(boolean exists, ColumnVector result, int at, int count) {
            boolean sawNull = false;
            for (int i = at; i < at + count; i++) {
                Boolean value = truth(result, i);
                if (value == null) {
                    sawNull = true;
                } else if (value == exists) {
                    return exists;
                }
            }
            return sawNull ? null : !exists;
        }
    }

    /**
     * array_sort: Java's sort of each array (the same algorithm as Spark's, so the comparator sees the same pairs),
     * the comparator evaluated on one pair at a time, as a sort asks for them one by one.
     */
    private static final class Sort extends Evaluator {
        private final Evaluator array;
        private final Body comparator;

        Sort(Evaluator array, Body comparator, DataType type, SourceText source, Span span) {
            super(type, source, span);
            this.array = array;
            this.comparator = comparator;
        }

        @Override
        ColumnVector compute(Batch batch, Env env) {
            ColumnVector arrays = array.evaluate(batch, env);
            DataType elementType = ((ArrayType) type()).elementType();
            VectorBuilder out = new VectorBuilder(type(), batch.rowCount());
            for (int r = 0; r < batch.rowCount(); r++) {
                List<?> list = list(arrays, r);
                if (list == null) {
                    out.appendNull();
                    continue;
                }
                List<Object> sorted = new ArrayList<>(list);
                if (elementType != AtomicType.NULL) {
                    int[] from = {r};
                    sorted.sort((x, y) -> {
                        ColumnVector result = comparator.evaluate(batch, from, 1,
                                List.of(single(elementType, x), single(elementType, y)), env);
                        if (result.isNull(0)) {
                            // Spark's message names the first value twice.
                            throw RowFailure.invalidArgument("[COMPARATOR_RETURNS_NULL] The comparator has returned a "
                                    + "NULL for a comparison between " + x + " and " + x + ". It should return a "
                                    + "positive integer for \"greater than\", 0 for \"equal\" and a negative integer "
                                    + "for \"less than\". To revert to deprecated behavior where NULL is treated as 0 "
                                    + "(equal), you must set \"spark.sql.legacy.allowNullComparisonResultInArraySort\" "
                                    + "to \"true\".");
                        }
                        return ((Number) result.get(0)).intValue();
                    });
                }
                out.appendObject(Collections.unmodifiableList(sorted));
            }
            return out.build();
        }

        private static ColumnVector single(DataType type, Object value) {
            VectorBuilder builder = new VectorBuilder(type, 1);
            builder.append(value);
            return builder.build();
        }
    }

    /**
     * map_zip_with: the keys of the first map, then those of the second it lacks, each with its value in either map
     * (null where it has none); the body once over every such key of every row.
     */
    private static final class MapZipWith extends Evaluator {
        private final Evaluator left;
        private final Evaluator right;
        private final Body lambda;

        MapZipWith(Evaluator left, Evaluator right, Body lambda, DataType type, SourceText source, Span span) {
            super(type, source, span);
            this.left = left;
            this.right = right;
            this.lambda = lambda;
        }

        @Override
        ColumnVector compute(Batch batch, Env env) {
            ColumnVector lefts = left.evaluate(batch, env);
            ColumnVector rights = right.evaluate(batch, env);
            int rows = batch.rowCount();
            List<List<Object[]>> merged = new ArrayList<>(rows);
            int total = 0;
            for (int r = 0; r < rows; r++) {
                if (lefts.isNull(r) || rights.isNull(r)) {
                    merged.add(null);
                    continue;
                }
                List<Object[]> entries = merge((MapValue) lefts.get(r), (MapValue) rights.get(r));
                merged.add(entries);
                total += entries.size();
            }
            int[] from = new int[total];
            List<Typed.LambdaVariable> params = lambda.params();
            List<VectorBuilder> builders = new ArrayList<>(3);
            for (Typed.LambdaVariable param : params) {
                builders.add(new VectorBuilder(param.type(), total));
            }
            int at = 0;
            for (int r = 0; r < rows; r++) {
                if (merged.get(r) != null) {
                    for (Object[] entry : merged.get(r)) {
                        from[at++] = r;
                        for (int p = 0; p < builders.size(); p++) {
                            builders.get(p).append(entry[p]);
                        }
                    }
                }
            }
            List<ColumnVector> args = new ArrayList<>(3);
            builders.forEach(builder -> args.add(builder.build()));
            ColumnVector result = lambda.evaluate(batch, from, total, args, env);
            VectorBuilder out = new VectorBuilder(type(), rows);
            at = 0;
            for (int r = 0; r < rows; r++) {
                List<Object[]> entries = merged.get(r);
                if (entries == null) {
                    out.appendNull();
                    continue;
                }
                List<Object> keys = new ArrayList<>(entries.size());
                List<Object> values = new ArrayList<>(entries.size());
                for (Object[] entry : entries) {
                    keys.add(entry[0]);
                    values.add(result.get(at++));
                }
                out.appendObject(new MapValue(keys, values));
            }
            return out.build();
        }

        /** (key, left value, right value) for every key of either map, the left map's first. */
        private static List<Object[]> merge(MapValue left, MapValue right) {
            TreeMap<Object, Object[]> byKey = new TreeMap<>(ValueOrder::compare);
            List<Object[]> entries = new ArrayList<>(left.size() + right.size());
            for (int i = 0; i < left.size(); i++) {
                Object[] entry = {left.key(i), left.value(i), null};
                byKey.put(entry[0], entry);
                entries.add(entry);
            }
            for (int i = 0; i < right.size(); i++) {
                Object[] entry = byKey.get(right.key(i));
                if (entry == null) {
                    entry = new Object[] {right.key(i), null, null};
                    byKey.put(entry[0], entry);
                    entries.add(entry);
                }
                entry[2] = right.value(i);
            }
            return entries;
        }
    }

    /**
     * aggregate: the merge lambda once per element position over every row whose array is that long (the rows go
     * forward together, element by element), then the finish lambda over every row whose array is not null.
     */
    private static final class Aggregate extends Evaluator {
        private final Evaluator array;
        private final Evaluator zero;
        private final Body merge;
        private final Body finish;

        Aggregate(Evaluator array, Evaluator zero, Body merge, Body finish, DataType type, SourceText source,
                Span span) {
            super(type, source, span);
            this.array = array;
            this.zero = zero;
            this.merge = merge;
            this.finish = finish;
        }

        @Override
        ColumnVector compute(Batch batch, Env env) {
            ColumnVector arrays = array.evaluate(batch, env);
            ColumnVector start = zero.evaluate(batch, env);
            int rows = batch.rowCount();
            Object[] acc = new Object[rows];
            int[] live = new int[rows];
            int count = 0;
            int longest = 0;
            for (int r = 0; r < rows; r++) {
                List<?> list = list(arrays, r);
                if (list != null) {
                    acc[r] = start.get(r);
                    live[count++] = r;
                    longest = Math.max(longest, list.size());
                }
            }
            DataType accType = zero.type();
            DataType elementType = ((ArrayType) array.type()).elementType();
            int[] from = new int[count];
            for (int k = 0; k < longest; k++) {
                int n = 0;
                VectorBuilder accs = new VectorBuilder(accType, count);
                VectorBuilder elements = new VectorBuilder(elementType, count);
                for (int i = 0; i < count; i++) {
                    List<?> list = list(arrays, live[i]);
                    if (list.size() > k) {
                        from[n++] = live[i];
                        accs.append(acc[live[i]]);
                        elements.append(list.get(k));
                    }
                }
                ColumnVector merged = merge.evaluate(batch, from, n, List.of(accs.build(), elements.build()), env);
                for (int i = 0; i < n; i++) {
                    acc[from[i]] = merged.get(i);
                }
            }
            VectorBuilder accs = new VectorBuilder(accType, count);
            for (int i = 0; i < count; i++) {
                accs.append(acc[live[i]]);
            }
            ColumnVector finished = finish.evaluate(batch, live, count, List.of(accs.build()), env);
            VectorBuilder out = new VectorBuilder(type(), rows);
            int next = 0;
            for (int r = 0; r < rows; r++) {
                if (next < count && live[next] == r) {
                    out.append(finished.get(next++));
                } else {
                    out.appendNull();
                }
            }
            return out.build();
        }
    }
}
