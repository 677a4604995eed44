package sluice.engine.expr.compile;

import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;
import sluice.engine.expr.analyze.Typed;
import sluice.engine.expr.lex.SourceText;
import sluice.engine.types.AtomicType;
import sluice.engine.types.DataType;

/**
 * Picks a primitive-array evaluator for the hot functions (numeric functions on DOUBLE, unary string functions), or
 * null when the call should go through the row-at-a-time kernels. Results equal the kernels'. Stateless.
 */
final class FastPaths {
    private FastPaths() {
    }

    static Evaluator of(Typed.Call call, List<Evaluator> args, SourceText source) {
        if (!args.isEmpty() && call.type().storage() == DataType.Storage.LONG) {
            Evaluator bitwise = BitwiseEvaluator.of(call.function(), args.get(0), args.size() > 1 ? args.get(1) : null,
                    call.type(), source, call.span());
            if (bitwise != null) {
                return bitwise;
            }
        }
        if (args.isEmpty() || !allOf(call.args(), AtomicType.DOUBLE) && !allOf(call.args(), AtomicType.STRING)) {
            return doubleRound(call, args, source);
        }
        Evaluator x = args.get(0);
        if (call.args().get(0).type() == AtomicType.STRING) {
            return args.size() == 1 && call.type() == AtomicType.STRING ? strings(call, x, source) : null;
        }
        return switch (call.function()) {
            case "sqrt" -> DoubleFunctionEvaluator.unary(x, Math::sqrt, source, call.span());
            case "exp" -> DoubleFunctionEvaluator.unary(x, StrictMath::exp, source, call.span());
            case "sin" -> DoubleFunctionEvaluator.unary(x, Math::sin, source, call.span());
            case "cos" -> DoubleFunctionEvaluator.unary(x, Math::cos, source, call.span());
            case "tan" -> DoubleFunctionEvaluator.unary(x, Math::tan, source, call.span());
            case "cbrt" -> DoubleFunctionEvaluator.unary(x, Math::cbrt, source, call.span());
            case "abs" -> DoubleFunctionEvaluator.unary(x, Math::abs, source, call.span());
            case "ln" -> DoubleFunctionEvaluator.logarithm(x, StrictMath::log, source, call.span());
            case "log10" -> DoubleFunctionEvaluator.logarithm(x, StrictMath::log10, source, call.span());
            case "log2" -> DoubleFunctionEvaluator.logarithm(x, MathKernels::log2, source, call.span());
            case "log" -> args.size() == 1 ? DoubleFunctionEvaluator.logarithm(x, StrictMath::log, source,
                    call.span()) : null;
            case "pow", "power" -> DoubleFunctionEvaluator.binary(x, args.get(1), StrictMath::pow, source,
                    call.span());
            default -> {
                DoubleUnaryOperator unary = args.size() == 1 ? MoreMathKernels.unary(
                        call.function()) : null;
                yield unary == null ? null : DoubleFunctionEvaluator.unary(x, unary, source, call.span());
            }
        };
    }

    private static Evaluator strings(Typed.Call call, Evaluator x, SourceText source) {
        return switch (call.function()) {
            case "upper", "ucase" -> new StringFunctionEvaluator(x, StringKernels::upper, source,
                    call.span());
            case "lower", "lcase" -> new StringFunctionEvaluator(x, StringKernels::lower, source,
                    call.span());
            case "trim" -> new StringFunctionEvaluator(x, s -> StringKernels.stripSpaces(s, true, true), source,
                    call.span());
            case "ltrim" -> new StringFunctionEvaluator(x, s -> StringKernels.stripSpaces(s, true, false), source,
                    call.span());
            case "rtrim" -> new StringFunctionEvaluator(x, s -> StringKernels.stripSpaces(s, false, true), source,
                    call.span());
            default -> null;
        };
    }

    /**
     * A kernel of one STRING column and constants that is null exactly where its argument is, giving a STRING or a
     * long-stored value, as one loop over the column (no boxing of the column's values); null when the call is not
     * of that shape.
     */
    static Evaluator overStrings(Typed.Call call, List<Evaluator> args, Kernels.Choice choice, SourceText source) {
        boolean stored = call.type() == AtomicType.STRING
                || call.type().storage() == DataType.Storage.LONG;
        if (args.isEmpty() || !choice.nullIntolerant() || !NEVER_NULL.contains(call.function()) || !stored
                || call.args().get(0).type() != AtomicType.STRING) {
            return null;
        }
        Object[] constants = constants(args);
        return constants == null ? null
                : new StringKernelEvaluator(args.get(0), choice.kernel(), constants, call.type(), source, call.span());
    }

    /**
     * A date or time kernel of one DATE or TIMESTAMP column and constants that is null exactly where its argument is,
     * as one loop over the column's longs (see {@link LongKernelEvaluator}); null when the call is not of that shape.
     */
    static Evaluator overTimes(Typed.Call call, List<Evaluator> args, Kernels.Choice choice, SourceText source) {
        boolean stored = call.type() == AtomicType.STRING || call.type().storage() == DataType.Storage.LONG;
        DataType first = args.isEmpty() ? null : call.args().get(0).type();
        boolean trunc = call.function().equals("trunc");
        if (!choice.nullIntolerant() || !TIMES_NEVER_NULL.contains(call.function()) && !trunc || !stored
                || first != AtomicType.DATE && first != AtomicType.TIMESTAMP) {
            return null;
        }
        Object[] constants = constants(args);
        if (constants == null
                || trunc && !TRUNC_UNITS.contains(((String) constants[0]).toUpperCase(java.util.Locale.ROOT))) {
            return null;
        }
        Evaluator operand = args.get(0);
        Kernel kernel = choice.kernel();
        if (trunc && first == AtomicType.DATE && call.type() == AtomicType.DATE) {
            return new DateTruncEvaluator(operand, kernel, constants,
                    ((String) constants[0]).toUpperCase(java.util.Locale.ROOT), call.type(), source, call.span());
        }
        if (call.args().get(0) instanceof Typed.Cast cast && cast.operand().type() == AtomicType.DATE
                && cast.type() == AtomicType.TIMESTAMP && operand instanceof CastEvaluator evaluator) {
            // date_format(d, ...) of a DATE column: the cast to TIMESTAMP joins the kernel, once per run of a date;
            // a pattern of date fields only formats the date itself, which costs a fifth of making the timestamp.
            operand = evaluator.operand();
            Kernel viaTimestamp = (row, env) -> {
                row[0] = Casts.cast(row[0], AtomicType.DATE, AtomicType.TIMESTAMP, env.zone());
                return choice.kernel().apply(row, env);
            };
            String pattern = call.function().equals("date_format") ? (String) constants[0] : null;
            kernel = pattern != null && DateTimePatterns.datesOnly(pattern) ? dateFormat(pattern, viaTimestamp)
                    : viaTimestamp;
        }
        return new LongKernelEvaluator(operand, kernel, constants, call.type(), source, call.span());
    }

    /**
     * date_format of a DATE with a pattern of date fields only: the date itself is formatted, and with no field
     * below the month ({@code yyyy-MM}) each month is formatted once for its run of days. The formatter is made at
     * the first row, so a bad pattern fails there, as the general kernel does.
     */
    private static Kernel dateFormat(String pattern, Kernel viaTimestamp) {
        Memo<String, DateTimeFormatter> formatters = new Memo<>(DateTimePatterns::formatter);
        Memo<Long, String> months = new Memo<>(month -> formatters.get(pattern).format(
                LocalDate.of((int) Math.floorDiv(month, 12L), (int) Math.floorMod(month, 12L) + 1, 1)));
        boolean byMonth = DateTimePatterns.monthsOnly(pattern);
        return (row, env) -> {
            long days = (Long) row[0];
            if (Math.abs(days) > TIMESTAMP_DAYS) {
                // Past the days a TIMESTAMP can hold, the cast fails as Spark's does.
                return viaTimestamp.apply(row, env);
            }
            LocalDate date = LocalDate.ofEpochDay(days);
            return byMonth ? months.get(date.getYear() * 12L + date.getMonthValue() - 1)
                    : formatters.get(pattern).format(date);
        };
    }

    /** The most days from 1970-01-01 whose midnight a TIMESTAMP (microseconds in a long) holds, less a day. */
    private static final long TIMESTAMP_DAYS = Long.MAX_VALUE / 86_400_000_000L - 1;

    /**
     * A kernel whose arguments are constants but one STRING column, giving a STRING or a long-stored value, as one
     * loop over that column (see {@link OneStringEvaluator}); null when the call is not of that shape or the
     * function is random.
     */
    static Evaluator oneString(Typed.Call call, List<Evaluator> args, Kernels.Choice choice, SourceText source) {
        boolean stored = call.type() == AtomicType.STRING || call.type().storage() == DataType.Storage.LONG;
        if (!stored || call.function().startsWith("aes_")) {
            return null;
        }
        int position = -1;
        Object[] arguments = new Object[args.size()];
        for (int i = 0; i < args.size(); i++) {
            Object value = args.get(i).constantValue();
            if (value != Evaluator.NOT_CONSTANT) {
                arguments[i] = value;
            } else if (position >= 0 || call.args().get(i).type() != AtomicType.STRING) {
                return null;
            } else {
                position = i;
            }
        }
        return position < 0 ? null : new OneStringEvaluator(args.get(position), position, arguments, choice.kernel(),
                choice.nullIntolerant(), call.type(), source, call.span());
    }

    /** The stored values of every argument after the first, or null when one is not a constant or is null. */
    private static Object[] constants(List<Evaluator> args) {
        Object[] constants = new Object[args.size() - 1];
        for (int i = 1; i < args.size(); i++) {
            Object value = args.get(i).constantValue();
            if (value == Evaluator.NOT_CONSTANT || value == null) {
                return null;
            }
            constants[i - 1] = value;
        }
        return constants;
    }

    /** Kernels over dates and times that give a value for every row of values (never null for a non-null one). */
    private static final Set<String> TIMES_NEVER_NULL = Set.of("year", "month", "day", "dayofmonth", "dayofweek",
            "dayofyear", "quarter", "hour", "minute", "second", "datediff", "date_add", "date_sub", "date_format",
            "unix_timestamp");

    /** The units of {@code trunc} (upper-cased), with which it gives a date for every date; others give null. */
    private static final Set<String> TRUNC_UNITS = Set.of("YEAR", "YYYY", "YY", "QUARTER", "MON", "MONTH", "MM",
            "WEEK");

    /** Kernels over strings that give a value for every row of values (never null for a non-null argument). */
    private static final Set<String> NEVER_NULL = Set.of("substring", "left", "right", "replace",
            "translate", "lpad", "rpad", "trim", "ltrim", "rtrim", "repeat", "overlay", "split_part",
            "substring_index", "md5", "sha1", "crc32", "length", "instr", "ascii", "soundex", "quote", "levenshtein",
            "find_in_set", "regexp_replace", "regexp_extract", "regexp_count", "regexp_instr", "initcap", "reverse",
            "upper", "lower", "url_encode", "chr", "space");

    /** round and bround of a DOUBLE column to a constant scale. */
    private static Evaluator doubleRound(Typed.Call call, List<Evaluator> args, SourceText source) {
        boolean round = call.function().equals("round") || call.function().equals("bround");
        if (!round || call.type() != AtomicType.DOUBLE || !(args.get(1).constantValue() instanceof Long scale)) {
            return null;
        }
        RoundingMode mode = call.function().equals("round") ? RoundingMode.HALF_UP : RoundingMode.HALF_EVEN;
        int digits = scale.intValue();
        return DoubleFunctionEvaluator.unary(args.get(0), v -> DoubleFunctionEvaluator.round(v, digits, mode), source,
                call.span());
    }

    private static boolean allOf(List<Typed> args, AtomicType type) {
        return args.stream().allMatch(a -> a.type() == type);
    }
}
