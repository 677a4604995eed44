package sluice.engine.expr.compile;

import java.util.List;
import sluice.engine.expr.analyze.Typed;
import sluice.engine.types.DataType;
import sluice.engine.types.StructType;

/** Finds the kernel of a typed function call, and whether a null argument makes the result null. Stateless. */
final class Kernels {
    /** The kernel and its null behaviour. */
    record Choice(Kernel kernel, boolean nullIntolerant) {}

    private Kernels() {
    }

    static Choice of(Typed.Call call) {
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
        Choice map = MapKernels.of(call);
        if (map != null) {
            return map;
        }
        switch (name) {
            case "coalesce" -> {
                return new Choice((a, e) -> {
                    for (Object value : a) {
                        if (value != null) {
                            return value;
                        }
                    }
                    return null;
                }, false);
            }
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
            case "nullif" -> {
                return new Choice((a, e) -> a[0] != null && a[1] != null
                        && ComparisonEvaluator.compareObjects(a[0], a[1]) == 0 ? null : a[0], false);
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
            case "hash", "xxhash64" -> {
                return new Choice(HashKernels.of(call), false);
            }
            case "from_json" -> {
                return new Choice(JsonKernels.fromJson((StructType) type), true);
            }
            case "to_json" -> {
                return new Choice(JsonKernels.toJson(call.args().get(0).type()), true);
            }
            default -> {
                Kernel kernel = BinaryKernels.of(call);
                if (kernel == null) {
                    kernel = HashKernels.of(call);
                }
                if (kernel == null) {
                    kernel = TextKernels.of(call);
                }
                if (kernel == null) {
                    kernel = RegexKernels.of(call);
                }
                if (kernel == null) {
                    kernel = FormatKernels.of(call);
                }
                if (kernel == null) {
                    kernel = StringKernels.of(name);
                }
                if (kernel == null) {
                    kernel = MathKernels.of(name, type);
                }
                if (kernel == null) {
                    kernel = DateKernels.of(name);
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
            List<?> parts = args[i] instanceof List<?> list ? list : List.of(args[i]);
            for (Object part : parts) {
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
}
