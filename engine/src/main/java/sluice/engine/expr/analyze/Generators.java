package sluice.engine.expr.analyze;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import sluice.engine.diag.ErrorCode;
import sluice.engine.expr.parse.Ast;
import sluice.engine.types.ArrayType;
import sluice.engine.types.AtomicType;
import sluice.engine.types.DataType;
import sluice.engine.types.Field;
import sluice.engine.types.MapType;
import sluice.engine.types.StructType;

/**
 * Types a generator call that is a whole select item, as Spark's generators type themselves: explode and posexplode
 * of an array ({@code col}) or a map ({@code key}, {@code value}), with {@code pos} first for posexplode; inline of an
 * array of structs (the struct's fields); stack (col0, col1, ...); json_tuple (c0, c1, ...). Aliases, one per output
 * column, replace the names. Stateless apart from its analyzer.
 */
public final class Generators {
    private final Analyzer analyzer;
    private final Function<Typed, Object> constantValue;

    /**
     * {@code constantValue} computes an expression that reads no column (stack's row count, which Spark takes from
     * any foldable expression, such as {@code 1 + 1}) as the Java value a vector holds.
     */
    public Generators(Analyzer analyzer, Function<Typed, Object> constantValue) {
        this.analyzer = analyzer;
        this.constantValue = constantValue;
    }

    /** The call typed as {@code function}; {@code aliases} is empty or names every output column. */
    public TypedGenerator type(GeneratorFunction function, Ast.Call call, List<String> aliases) {
        List<Typed> args = analyzer.analyzeAll(call.args());
        String sql = function.sqlName() + "(" + args.stream().map(Typed::sql).collect(Collectors.joining(", ")) + ")";
        List<Field> output;
        int rows = 0;
        List<Typed> coerced = args;
        switch (function) {
            case EXPLODE, EXPLODE_OUTER, POSEXPLODE, POSEXPLODE_OUTER -> {
                checkArity(call, args.size(), 1, 1);
                output = explodeOutput(function, args.get(0));
            }
            case INLINE, INLINE_OUTER -> {
                checkArity(call, args.size(), 1, 1);
                output = inlineOutput(args.get(0));
            }
            case STACK -> {
                checkArity(call, args.size(), 2, Integer.MAX_VALUE);
                rows = stackRows(args.get(0));
                coerced = stackArgs(args, rows);
                output = new ArrayList<>();
                int columns = (args.size() - 2) / rows + 1;
                for (int c = 0; c < columns; c++) {
                    output.add(new Field("col" + c, coerced.get(c + 1).type(), true));
                }
            }
            case JSON_TUPLE -> {
                checkArity(call, args.size(), 2, Integer.MAX_VALUE);
                for (Typed arg : args) {
                    if (arg.type() != AtomicType.STRING) {
                        throw analyzer.mismatch(arg, "json_tuple", "STRING arguments");
                    }
                }
                output = new ArrayList<>();
                for (int i = 1; i < args.size(); i++) {
                    output.add(new Field("c" + (i - 1), AtomicType.STRING, true));
                }
            }
            default -> throw new AssertionError(function);
        }
        if (function.isOuter()) {
            output = output.stream().map(f -> new Field(f.name(), f.type(), true)).toList();
        }
        return new TypedGenerator(function, coerced, named(output, aliases, call), rows, sql);
    }

    private List<Field> explodeOutput(GeneratorFunction function, Typed arg) {
        boolean withPosition = function == GeneratorFunction.POSEXPLODE
                || function == GeneratorFunction.POSEXPLODE_OUTER;
        List<Field> output = new ArrayList<>();
        if (withPosition) {
            output.add(new Field("pos", AtomicType.INT, false));
        }
        if (arg.type() instanceof ArrayType array) {
            output.add(new Field("col", array.elementType(), array.containsNull()));
        } else if (arg.type() instanceof MapType map) {
            output.add(new Field("key", map.keyType(), false));
            output.add(new Field("value", map.valueType(), map.valueContainsNull()));
        } else {
            throw analyzer.mismatch(arg, function.sqlName(), "an ARRAY or a MAP");
        }
        return output;
    }

    private List<Field> inlineOutput(Typed arg) {
        if (arg.type() instanceof ArrayType array && array.elementType() instanceof StructType struct) {
            // A NULL struct in the array gives a row of NULLs, so every field may be NULL then (Spark's asNullable).
            return struct.fields().stream()
                    .map(f -> new Field(f.name(), f.type(), f.nullable() || array.containsNull())).toList();
        }
        throw analyzer.mismatch(arg, "inline", "an ARRAY of STRUCTs");
    }

    /** Spark's stack takes its row count from a constant INT of at least 1. */
    private int stackRows(Typed count) {
        if (count.type() != AtomicType.INT) {
            throw analyzer.mismatch(count, "stack's row count", "INT");
        }
        if (!ReferencedColumns.of(count).isEmpty()) {
            throw analyzer.error(ErrorCode.TYPE_MISMATCH, count.span(), "[DATATYPE_MISMATCH.NON_FOLDABLE_INPUT] "
                    + "stack's row count must be a constant INT, but '%s' reads a column", count.sql());
        }
        Object value = constantValue.apply(count);
        if (value == null) {
            throw analyzer.error(ErrorCode.TYPE_MISMATCH, count.span(), "stack's row count must not be NULL");
        }
        long rows = ((Number) value).longValue();
        if (rows < 1) {
            throw analyzer.error(ErrorCode.TYPE_MISMATCH, count.span(),
                    "stack's row count must be at least 1, but it is %d", rows);
        }
        return (int) rows;
    }

    /**
     * The values with each column's type: that of its first value that is not a NULL literal; NULLs take it, any
     * other type is an error (Spark's STACK_COLUMN_DIFF_TYPES: no other coercion).
     */
    private List<Typed> stackArgs(List<Typed> args, int rows) {
        int columns = (args.size() - 2) / rows + 1;
        List<Typed> coerced = new ArrayList<>(args);
        for (int c = 0; c < columns; c++) {
            DataType type = AtomicType.NULL;
            for (int i = c + 1; i < args.size(); i += columns) {
                if (args.get(i).type() != AtomicType.NULL) {
                    type = args.get(i).type();
                    break;
                }
            }
            for (int i = c + 1; i < args.size(); i += columns) {
                Typed value = args.get(i);
                if (value.type() == AtomicType.NULL) {
                    coerced.set(i, analyzer.coerce(value, type));
                } else if (!value.type().equals(type)) {
                    throw analyzer.error(ErrorCode.TYPE_MISMATCH, value.span(),
                            "stack's column %d has type %s, but '%s' has type %s", c, type.sql(), value.sql(),
                            value.type().sql());
                }
            }
        }
        return coerced;
    }

    private List<Field> named(List<Field> output, List<String> aliases, Ast.Call call) {
        if (aliases.isEmpty()) {
            return output;
        }
        if (aliases.size() != output.size()) {
            throw analyzer.error(ErrorCode.UNSUPPORTED_GENERATOR, call.span(),
                    "%s makes %d column%s but %d name%s given: %s", call.function(), output.size(),
                    output.size() == 1 ? "" : "s", aliases.size(), aliases.size() == 1 ? " was" : "s were",
                    String.join(", ", aliases));
        }
        List<Field> named = new ArrayList<>();
        for (int i = 0; i < output.size(); i++) {
            named.add(output.get(i).withName(aliases.get(i)));
        }
        return named;
    }

    private void checkArity(Ast.Call call, int count, int min, int max) {
        if (count >= min && count <= max) {
            return;
        }
        String expected = min == max ? String.valueOf(min) : "at least " + min;
        throw analyzer.error(ErrorCode.WRONG_ARGUMENTS, call.span(),
                "function '%s' takes %s argument%s but %d %s given", call.function(), expected,
                min == 1 && max == 1 ? "" : "s", count, count == 1 ? "was" : "were");
    }
}
