package sluice.engine.expr.compile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import sluice.engine.expr.analyze.Typed;
import sluice.engine.types.ArrayType;
import sluice.engine.types.DataType;
import sluice.engine.types.ValueOrder;

/**
 * The kernels of the array functions without lambdas. Elements compare as Spark's ordering does ({@link
 * ValueOrder}: NaN equals NaN, -0.0 equals 0.0); a null element is a value of its own in the set functions and
 * matches nothing in the searching ones. Results keep the order of their first operand. Stateless.
 */
final class ArrayKernels {
    private ArrayKernels() {
    }

    /** The kernel of an array function, or null when {@code call} is not one. */
    static Kernels.Choice of(Typed.Call call) {
        DataType type = call.type();
        List<Typed> args = call.args();
        DataType element = args.isEmpty() || !(args.get(0).type() instanceof ArrayType array) ? null
                : array.elementType();
        switch (call.function()) {
            case "array_contains" -> {
                return new Kernels.Choice((a, e) -> contains(list(a[0]), Values.toExternal(element, a[1])), true);
            }
            case "array_position" -> {
                return new Kernels.Choice((a, e) -> (long) (indexOf(list(a[0]), Values.toExternal(element, a[1])) + 1),
                        true);
            }
            case "array_remove" -> {
                return new Kernels.Choice((a, e) -> remove(list(a[0]), Values.toExternal(element, a[1])), true);
            }
            case "array_distinct" -> {
                return new Kernels.Choice((a, e) -> distinct(list(a[0]), List.of(), false), true);
            }
            case "array_union" -> {
                return new Kernels.Choice((a, e) -> distinct(list(a[0]), list(a[1]), true), true);
            }
            case "array_intersect" -> {
                return new Kernels.Choice((a, e) -> filter(list(a[0]), list(a[1]), true), true);
            }
            case "array_except" -> {
                return new Kernels.Choice((a, e) -> filter(list(a[0]), list(a[1]), false), true);
            }
            case "arrays_overlap" -> {
                return new Kernels.Choice((a, e) -> overlap(list(a[0]), list(a[1])), true);
            }
            case "array_join" -> {
                return new Kernels.Choice((a, e) -> join(list(a[0]), (String) a[1],
                        a.length > 2 ? (String) a[2] : null), true);
            }
            case "array_max", "array_min" -> {
                int sign = call.function().equals("array_max") ? 1 : -1;
                return new Kernels.Choice((a, e) -> Values.toStored(element, extreme(list(a[0]), sign)), true);
            }
            case "array_append", "array_prepend" -> {
                boolean append = call.function().equals("array_append");
                return new Kernels.Choice((a, e) -> a[0] == null ? null
                        : pend(list(a[0]), Values.toExternal(element, a[1]), append), false);
            }
            case "array_compact" -> {
                return new Kernels.Choice((a, e) -> compact(list(a[0])), true);
            }
            case "array_repeat" -> {
                DataType repeated = ((ArrayType) type).elementType();
                return new Kernels.Choice((a, e) -> a[1] == null ? null
                        : Collections.nCopies((int) Math.max(0, (Long) a[1]), Values.toExternal(repeated, a[0])),
                        false);
            }
            case "flatten" -> {
                return new Kernels.Choice((a, e) -> flatten(list(a[0])), true);
            }
            case "slice" -> {
                return new Kernels.Choice((a, e) -> slice(list(a[0]), (int) (long) (Long) a[1],
                        (int) (long) (Long) a[2]), true);
            }
            case "sort_array" -> {
                boolean ascending = (Boolean) ((Typed.Constant) args.get(1)).value();
                return new Kernels.Choice((a, e) -> sorted(list(a[0]), ascending), true);
            }
            case "array_insert" -> {
                return new Kernels.Choice((a, e) -> a[0] == null || a[1] == null ? null
                        : insert(list(a[0]), (int) (long) (Long) a[1], Values.toExternal(element, a[2])), false);
            }
            case "concat" -> {
                // Strings and binaries have kernels of their own.
                return type instanceof ArrayType ? new Kernels.Choice((a, e) -> flatten(Arrays.asList(a)), true) : null;
            }
            case "reverse" -> {
                return type instanceof ArrayType ? new Kernels.Choice((a, e) -> reversed(list(a[0])), true) : null;
            }
            case "get" -> {
                return new Kernels.Choice((a, e) -> {
                    List<?> list = list(a[0]);
                    long index = (Long) a[1];
                    return index < 0 || index >= list.size() ? null : Values.toStored(type, list.get((int) index));
                }, true);
            }
            default -> {
                return null;
            }
        }
    }

    private static List<?> list(Object stored) {
        return (List<?>) stored;
    }

    private static boolean same(Object x, Object y) {
        return x != null && y != null && ValueOrder.compare(x, y) == 0;
    }

    /** Spark's array_contains: true when found, else NULL when the array holds a null, else false. */
    private static Boolean contains(List<?> list, Object value) {
        boolean sawNull = false;
        for (Object item : list) {
            if (item == null) {
                sawNull = true;
            } else if (same(item, value)) {
                return true;
            }
        }
        return sawNull ? null : false;
    }

    private static int indexOf(List<?> list, Object value) {
        for (int i = 0; i < list.size(); i++) {
            if (same(list.get(i), value)) {
                return i;
            }
        }
        return -1;
    }

    private static List<Object> remove(List<?> list, Object value) {
        List<Object> kept = new ArrayList<>(list.size());
        for (Object item : list) {
            if (!same(item, value)) {
                kept.add(item);
            }
        }
        return Collections.unmodifiableList(kept);
    }

    /** The distinct elements of {@code first}, then (for a union) of {@code second}, in order; one null at most. */
    private static List<Object> distinct(List<?> first, List<?> second, boolean union) {
        TreeSet<Object> seen = new TreeSet<>(ValueOrder::compare);
        boolean sawNull = false;
        List<Object> result = new ArrayList<>();
        for (List<?> list : union ? List.of(first, second) : List.of(first)) {
            for (Object item : list) {
                if (item == null ? !sawNull : seen.add(item)) {
                    sawNull |= item == null;
                    result.add(item);
                }
            }
        }
        return Collections.unmodifiableList(result);
    }

    /** The distinct elements of {@code first} that are ({@code keep}) or are not in {@code second}, in order. */
    private static List<Object> filter(List<?> first, List<?> second, boolean keep) {
        TreeSet<Object> other = new TreeSet<>(ValueOrder::compare);
        boolean otherNull = false;
        for (Object item : second) {
            if (item == null) {
                otherNull = true;
            } else {
                other.add(item);
            }
        }
        List<Object> result = new ArrayList<>();
        for (Object item : distinct(first, List.of(), false)) {
            boolean inOther = item == null ? otherNull : other.contains(item);
            if (inOther == keep) {
                result.add(item);
            }
        }
        return Collections.unmodifiableList(result);
    }

    /** Spark's arrays_overlap: true on a common non-null element, else NULL when both have elements and a null. */
    private static Boolean overlap(List<?> left, List<?> right) {
        TreeSet<Object> values = new TreeSet<>(ValueOrder::compare);
        boolean sawNull = false;
        for (Object item : left) {
            if (item == null) {
                sawNull = true;
            } else {
                values.add(item);
            }
        }
        for (Object item : right) {
            if (item == null) {
                sawNull = true;
            } else if (values.contains(item)) {
                return true;
            }
        }
        return sawNull && !left.isEmpty() && !right.isEmpty() ? null : false;
    }

    private static String join(List<?> list, String delimiter, String nullReplacement) {
        StringBuilder text = new StringBuilder();
        boolean first = true;
        for (Object item : list) {
            if (item == null && nullReplacement == null) {
                continue;
            }
            if (!first) {
                text.append(delimiter);
            }
            text.append(item == null ? nullReplacement : (String) item);
            first = false;
        }
        return text.toString();
    }

    /** The greatest ({@code sign} 1) or least (-1) non-null element, or null when there is none. */
    private static Object extreme(List<?> list, int sign) {
        Object best = null;
        for (Object item : list) {
            if (item != null && (best == null || sign * ValueOrder.compare(item, best) > 0)) {
                best = item;
            }
        }
        return best;
    }

    private static List<Object> pend(List<?> list, Object value, boolean append) {
        List<Object> result = new ArrayList<>(list.size() + 1);
        if (!append) {
            result.add(value);
        }
        result.addAll(list);
        if (append) {
            result.add(value);
        }
        return Collections.unmodifiableList(result);
    }

    private static List<Object> compact(List<?> list) {
        List<Object> result = new ArrayList<>(list.size());
        for (Object item : list) {
            if (item != null) {
                result.add(item);
            }
        }
        return Collections.unmodifiableList(result);
    }

    /** Spark's flatten: the inner arrays one after another, or NULL when one of them is NULL. */
    private static List<Object> flatten(List<?> arrays) {
        List<Object> result = new ArrayList<>();
        for (Object inner : arrays) {
            if (inner == null) {
                return null;
            }
            result.addAll((List<?>) inner);
        }
        return Collections.unmodifiableList(result);
    }

    private static List<Object> reversed(List<?> list) {
        List<Object> result = new ArrayList<>(list);
        Collections.reverse(result);
        return Collections.unmodifiableList(result);
    }

    /** Spark's slice: {@code start} is 1-based (negative counts from the end, 0 is an error), length at least 0. */
    private static List<Object> slice(List<?> list, int start, int length) {
        if (start == 0) {
            throw RowFailure.invalidArgument("[INVALID_PARAMETER_VALUE.START] The value of parameter(s) `start` in "
                    + "`slice` is invalid: Expects a positive or a negative value for `start`, but got 0.");
        }
        if (length < 0) {
            throw RowFailure.invalidArgument("[INVALID_PARAMETER_VALUE.LENGTH] The value of parameter(s) `length` "
                    + "in `slice` is invalid: Expects `length` greater than or equal to 0, but got " + length + ".");
        }
        long from = start < 0 ? (long) start + list.size() : start - 1L;
        if (from < 0 || from >= list.size()) {
            return List.of();
        }
        long to = Math.min(list.size(), from + length);
        return Collections.unmodifiableList(new ArrayList<>(list.subList((int) from, (int) to)));
    }

    /**
     * Spark's array_insert: a 1-based position past the end pads with nulls; a negative one counts from the end (-1
     * appends), and one before the start puts the value first, then nulls, then the array.
     */
    private static List<Object> insert(List<?> list, int position, Object value) {
        if (position == 0) {
            throw RowFailure.invalidArgument("[INVALID_INDEX_OF_ZERO] The index 0 is invalid. An index shall be "
                    + "either < 0 or > 0 (the first element has index 1).");
        }
        List<Object> result = new ArrayList<>();
        if (position < 0 && -(long) position > list.size()) {
            result.add(value);
            result.addAll(Collections.nCopies((int) (-(long) position - list.size() - 1), null));
            result.addAll(list);
            return Collections.unmodifiableList(result);
        }
        int index = position < 0 ? position + list.size() + 1 : position - 1;
        result.addAll(list);
        while (result.size() < index) {
            result.add(null);
        }
        result.add(index, value);
        return Collections.unmodifiableList(result);
    }

    /** Spark's sort_array: nulls first when ascending, last when descending. */
    private static List<Object> sorted(List<?> list, boolean ascending) {
        Comparator<Object> order = Comparator.nullsFirst(ValueOrder::compare);
        List<Object> result = new ArrayList<>(list);
        result.sort(ascending ? order : order.reversed());
        return Collections.unmodifiableList(result);
    }
}
