package sluice.engine.expr.compile;

import java.util.List;
import java.util.function.Function;
import sluice.engine.expr.analyze.Typed;
import sluice.engine.types.DataType;
import sluice.engine.types.StructType;

/** Finds the kernel of a typed function call, and whether a null argument makes the result null. Stateless. */
final class Kernels {
    /**
     * The kernel and its null behaviour: whether a null argument makes the result null without calling the kernel,
     * and whether the arguments are evaluated in order up to the first null, as Spark evaluates its null-intolerant
     * functions (and nullif, whose second argument Spark compares only with a value).
     */
    record Choice(Kernel kernel, boolean nullIntolerant, boolean stopsAtNull) {
        Choice(Kernel kernel, boolean nullIntolerant) {
            this(kernel, nullIntolerant, nullIntolerant);
        }
    }

    /** The kernel classes, each asked in turn for the kernel of a call; null from one means it has none. */
    private static final List<Function<Typed.Call, Kernel>> FINDERS = List.of(BinaryKernels::of,
            HashKernels::of, TextKernels::of, RegexKernels::of, FormatKernels::of,
            call -> UrlKernels.of(call.function()), JsonTextKernels::of, CsvKernels::of,
            call -> AesKernels.of(call.function()),
            call -> StringKernels.of(call.function()),
            call -> MathKernels.of(call.function(), call.type()), call -> DateKernels.of(call.function()),
            call -> DateTimeKernels.of(call.function()), call -> IntervalKernels.of(call.function()));

    private Kernels() {
    }

    /** The functions that read the fields of a timestamp; of a TIMESTAMP_NTZ, they read its wall clock (UTC). */
    private static final java.util.Set<String> WALL_CLOCK = java.util.Set.of("hour", "minute", "second",
            "second_fraction", "timestamp_add_ym_interval");

    static Choice of(Typed.Call call) {
        Choice choice = choice(call);
        if (WALL_CLOCK.contains(call.function()) && !call.args().isEmpty()
                && call.args().get(0).type() == sluice.engine.types.AtomicType.TIMESTAMP_NTZ) {
            Kernel kernel = choice.kernel();
            return new Choice((a, e) -> kernel.apply(a, e.withZone(java.time.ZoneOffset.UTC)),
                    choice.nullIntolerant(), choice.stopsAtNull());
        }
        return choice;
    }

    private static Choice choice(Typed.Call call) {
        String name = call.function();
        DataType type = call.type();
        Choice collection = CollectionKernels.of(call);
        if (collection != null) {
            return collection;
        }
        Choice array = ArrayKernels.of(call);
        if (array != null) {
            return array;
        }
        Choice sequence = SequenceKernels.of(call);
        if (sequence != null) {
            return sequence;
        }
        Choice map = MapKernels.of(call);
        if (map != null) {
            return map;
        }
        switch (name) {
            case "greatest", "least" -> {
                int sign = name.equals("greatest") ? 1 : -1;
                return new Choice((a, e) -> {
                    Object best = null;
                    for (Object value : a) {
                        if (value != null && (best == null
                                || sign * ComparisonEvaluator.compareObjects(value, best) > 0)) {
                            best = value;
                        }
                    }
                    return best;
                }, false);
            }
            case "concat_ws" -> {
                return new Choice(Kernels::concatWs, false);
            }
            case "current_timestamp", "now", "current_date" -> {
                return new Choice(DateKernels.of(name), false);
            }
            case "locate", "position", "elt", "mask", "sentences", "collation" -> {
                return new Choice(TextKernels.nullTolerant(call), false);
            }
            case "format_string" -> {
                return new Choice(FormatKernels.formatString(call), false);
            }
            case "to_binary", "try_to_binary" -> {
                // A NULL format gives NULL whatever the text; the kernel sees it.
                return new Choice(FormatKernels.of(call), false);
            }
            case "bit_get" -> {
                int width = switch ((sluice.engine.types.AtomicType) call.args().get(0).type()) {
                    case TINYINT -> 8;
                    case SMALLINT -> 16;
                    case INT -> 32;
                    default -> 64;
                };
                String called = call.sql().substring(0, call.sql().indexOf('('));
                return new Choice((a, e) -> bit((Long) a[0], (Long) a[1], width, called), true);
            }
            case "raise_error" -> {
                return new Choice((a, e) -> {
                    throw new RowFailure(sluice.engine.diag.ErrorCode.RAISED_ERROR, "[USER_RAISED_EXCEPTION] " + a[0]);
                }, false);
            }
            case "isnan" -> {
                return new Choice((a, e) -> a[0] != null && Double.isNaN((Double) a[0]), false);
            }
            case "nanvl" -> {
                return new Choice((a, e) -> a[0] == null ? null : Double.isNaN((Double) a[0]) ? a[1] : a[0], false);
            }
            case "hash", "xxhash64" -> {
                return new Choice(HashKernels.of(call), false);
            }
            case "from_json" -> {
                return new Choice(JsonKernels.fromJson((StructType) type, JsonKernels.formats(call.args(), 1)), true);
            }
            case "to_json" -> {
                return new Choice(JsonKernels.toJson(call.args().get(0).type(), JsonKernels.formats(call.args(), 1)),
                        true);
            }
            default -> {
                Kernel kernel = null;
                for (int i = 0; i < FINDERS.size() && kernel == null; i++) {
                    kernel = FINDERS.get(i).apply(call);
                }
                if (kernel == null) {
                    throw new IllegalStateException("no kernel for function " + name);
                }
                return new Choice(kernel, true);
            }
        }
    }

    private static Object concatWs(Object[] args, Env env) {
        if (args[0] == null) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        boolean first = true;
        for (int i = 1; i < args.length; i++) {
            if (args[i] == null) {
                continue;
            }
            if (args[i] instanceof String part) {
                text.append(first ? "" : (String) args[0]).append(part);
                first = false;
                continue;
            }
            for (Object part : (List<?>) args[i]) {
                if (part == null) {
                    continue;
                }
                if (!first) {
                    text.append((String) args[0]);
                }
                text.append(part);
                first = false;
            }
        }
        return text.toString();
    }

    /** bit_get: the bit at {@code position} (from 0, the lowest); a position past the type's width fails. */
    private static long bit(long value, long position, int width, String function) {
        if (position < 0 || position >= width) {
            throw RowFailure.invalidArgument("[INVALID_PARAMETER_VALUE.BIT_POSITION_RANGE] The value of parameter(s) "
                    + "`pos` in `" + function + "` is invalid: expects an integer value in [0, " + width + "), but got "
                    + position + ".");
        }
        return (value >> position) & 1;
    }
}
