package sluice.engine.expr.analyze;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import sluice.engine.diag.ErrorCode;
import sluice.engine.expr.parse.Ast;
import sluice.engine.types.AtomicType;
import sluice.engine.types.DataType;
import sluice.engine.types.DecimalType;
import sluice.engine.types.Field;
import sluice.engine.types.StructType;

/**
 * The date and time functions beyond the fixed ones of {@link FunctionCatalog}: truncation, month arithmetic, the
 * conversions between timestamps and epoch counts, and the named parts of a date, typed as Spark types them.
 * Stateless.
 */
final class DateTimeFunctions extends AnalyzedFamily {
    static final Set<String> NAMES = Set.of("date_trunc", "trunc", "last_day", "add_months", "months_between",
            "next_day", "make_date", "timestamp_seconds", "timestamp_millis", "timestamp_micros", "unix_seconds",
            "unix_millis", "unix_micros", "unix_date", "date_from_unix_date", "dayname", "monthname", "weekday",
            "weekofyear", "current_timezone", "from_unixtime", "make_timestamp", "try_make_timestamp", "extract",
            "date_part", "datepart", "unix_timestamp", "to_unix_timestamp", "date_diff", "dateadd", "curdate",
            "from_utc_timestamp", "to_utc_timestamp", "make_timestamp_ltz", "try_make_timestamp_ltz",
            "make_timestamp_ntz", "try_make_timestamp_ntz", "localtimestamp", "convert_timezone", "make_ym_interval",
            "make_dt_interval", "window_time");

    private static final DataType S = AtomicType.STRING;
    private static final DataType I = AtomicType.INT;
    private static final DataType DATE = AtomicType.DATE;
    private static final DataType TS = AtomicType.TIMESTAMP;
    private static final DataType NTZ = AtomicType.TIMESTAMP_NTZ;
    private static final String DEFAULT_PATTERN = "yyyy-MM-dd HH:mm:ss";

    DateTimeFunctions(Analyzer analyzer, FunctionCatalog catalog) {
        super(NAMES, analyzer, catalog);
    }

    @Override
    public Typed resolve(String name, Ast.Call call, List<Typed> args) {
        return switch (name) {
            // Spark casts the arguments of these (ImplicitCastInputTypes); a bad format or day name is a null row.
            case "date_trunc" -> cast(name, call, args, TS, true, S, TS);
            case "trunc" -> cast(name, call, args, DATE, true, DATE, S);
            case "next_day" -> cast(name, call, args, DATE, true, DATE, S);
            case "last_day" -> cast(name, call, args, DATE, false, DATE);
            case "add_months" -> cast(name, call, args, DATE, false, DATE, I);
            case "make_date" -> cast(name, call, args, DATE, false, I, I, I);
            case "date_from_unix_date" -> cast(name, call, args, DATE, false, I);
            case "dayname", "monthname" -> cast(name, call, args, S, false, DATE);
            case "weekday", "weekofyear" -> cast(name, call, args, I, false, DATE);
            case "months_between" -> monthsBetween(call, args);
            case "from_unixtime" -> fromUnixtime(call, args);
            // These take their argument as it is (ExpectsInputTypes): no implicit cast.
            case "unix_seconds", "unix_millis", "unix_micros" -> exact(name, call, args, TS, AtomicType.BIGINT);
            case "unix_date" -> exact(name, call, args, DATE, I);
            case "timestamp_millis", "timestamp_micros" -> epochCount(name, call, args, false);
            case "timestamp_seconds" -> epochCount(name, call, args, true);
            case "from_utc_timestamp", "to_utc_timestamp" -> cast(name, call, args, TS, false, TS, S);
            case "make_timestamp", "try_make_timestamp", "make_timestamp_ltz", "try_make_timestamp_ltz" ->
                    makeTimestamp(name, call, args, TS);
            case "make_timestamp_ntz", "try_make_timestamp_ntz" -> makeTimestamp(name, call, args, NTZ);
            case "convert_timezone" -> convertTimezone(call, args);
            case "make_ym_interval" -> makeInterval(name, call, args, AtomicType.INTERVAL_YEAR_MONTH, I, I);
            case "make_dt_interval" -> makeInterval(name, call, args, AtomicType.INTERVAL, I, I, I,
                    new DecimalType(18, 6));
            case "window_time" -> windowTime(call, args);
            case "localtimestamp" -> {
                catalog.checkArity(call, args.size(), 0, 0);
                yield FunctionCatalog.call(name, args, NTZ, false, call.span(), "localtimestamp()");
            }
            case "extract", "date_part", "datepart" -> extract(name, call, args);
            case "unix_timestamp", "to_unix_timestamp" -> unixTimestamp(name, call, args);
            // Spark's other names of datediff, date_add and current_date.
            case "date_diff" -> catalog.resolveAs("datediff", call, args);
            case "dateadd" -> renamed(catalog.resolveAs("date_add", call, args), "dateadd", "date_add");
            case "curdate" -> catalog.resolveAs("current_date", call, args);
            case "current_timezone" -> {
                catalog.checkArity(call, args.size(), 0, 0);
                yield FunctionCatalog.call(name, args, S, false, call.span(), FunctionCatalog.sqlName(call, args));
            }
            default -> throw new IllegalStateException("not a date and time function: " + name);
        };
    }

    /**
     * window_time(window): the event time of a window, its end less a microsecond, typed as its start (Spark's
     * WindowTime, which ResolveWindowTime replaces). Spark takes only a column that a time or session window made, by
     * a marker in the column's metadata; Sluice has no column metadata, so it takes a column (not an expression) of
     * the window's shape, {@code STRUCT<start, end>} of timestamps of one type.
     */
    private Typed windowTime(Ast.Call call, List<Typed> args) {
        catalog.checkArity(call, args.size(), 1, 1);
        Typed window = args.get(0);
        String sql = FunctionCatalog.sqlName(call, args);
        if (!(window.type() instanceof StructType struct)) {
            throw analyzer.error(ErrorCode.TYPE_MISMATCH, window.span(), "[DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] "
                    + "Cannot resolve \"%s\" due to data type mismatch: The first parameter requires the \"STRUCT\" "
                    + "type, however \"%s\" has the type \"%s\"", sql, window.sql(), window.type().sql());
        }
        if (!(window instanceof Typed.Column) || !isWindowShaped(struct)) {
            // Spark's class is _LEGACY_ERROR_TEMP_3101; its message names no class.
            throw analyzer.error(ErrorCode.TYPE_MISMATCH, window.span(), "The input is not a correct window column: "
                    + "%s; window_time takes the column that a window(...) or session_window(...) key of an "
                    + "aggregation made, such as 'window'", sql);
        }
        boolean nullable = window.nullable() || struct.fields().get(1).nullable();
        return FunctionCatalog.call("window_time", List.of(window), struct.fields().get(0).type(), nullable,
                call.span(), sql);
    }

    private static boolean isWindowShaped(StructType struct) {
        List<Field> fields = struct.fields();
        return fields.size() == 2 && fields.get(0).name().equals("start") && fields.get(1).name().equals("end")
                && fields.get(0).type() == fields.get(1).type()
                && (fields.get(0).type() == TS || fields.get(0).type() == NTZ);
    }

    private Typed cast(String name, Ast.Call call, List<Typed> args, DataType result, boolean nullable,
            DataType... params) {
        catalog.checkArity(call, args.size(), params.length, params.length);
        List<Typed> coerced = new ArrayList<>();
        for (int i = 0; i < params.length; i++) {
            coerced.add(analyzer.expect(args.get(i), params[i], name + " argument " + (i + 1)));
        }
        boolean anyNull = coerced.stream().anyMatch(Typed::nullable);
        return FunctionCatalog.call(name, coerced, result, nullable || anyNull, call.span(),
                FunctionCatalog.sqlName(call, coerced));
    }

    private Typed exact(String name, Ast.Call call, List<Typed> args, DataType param, DataType result) {
        catalog.checkArity(call, args.size(), 1, 1);
        Typed arg = args.get(0);
        if (arg.type() != param && arg.type() != AtomicType.NULL) {
            throw analyzer.mismatch(arg, name, param.sql());
        }
        Typed typed = analyzer.coerce(arg, param);
        return FunctionCatalog.call(name, List.of(typed), result, typed.nullable(), call.span(),
                FunctionCatalog.sqlName(call, List.of(typed)));
    }

    /** timestamp_millis and timestamp_micros take an integral type; timestamp_seconds any number. */
    private Typed epochCount(String name, Ast.Call call, List<Typed> args, boolean anyNumber) {
        catalog.checkArity(call, args.size(), 1, 1);
        Typed arg = args.get(0);
        DataType type = arg.type() == AtomicType.NULL ? AtomicType.BIGINT : arg.type();
        if (anyNumber ? !type.isNumeric() : !type.isIntegral()) {
            throw analyzer.mismatch(arg, name, anyNumber ? "a numeric type" : "an integral type");
        }
        Typed typed = analyzer.coerce(arg, type);
        // A NaN or infinite DOUBLE or FLOAT is a null timestamp.
        boolean nullable = typed.nullable() || type == AtomicType.DOUBLE || type == AtomicType.FLOAT;
        return FunctionCatalog.call(name, List.of(typed), TS, nullable, call.span(),
                FunctionCatalog.sqlName(call, List.of(typed)));
    }

    /** months_between(a, b[, roundOff]): without roundOff Spark passes true, and names the call with it. */
    private Typed monthsBetween(Ast.Call call, List<Typed> args) {
        catalog.checkArity(call, args.size(), 2, 3);
        List<Typed> coerced = new ArrayList<>();
        coerced.add(analyzer.expect(args.get(0), TS, "months_between argument 1"));
        coerced.add(analyzer.expect(args.get(1), TS, "months_between argument 2"));
        coerced.add(args.size() == 3 ? analyzer.expect(args.get(2), AtomicType.BOOLEAN, "months_between argument 3")
                : new Typed.Constant(Boolean.TRUE, AtomicType.BOOLEAN, call.span(), "true"));
        boolean nullable = coerced.stream().anyMatch(Typed::nullable);
        return FunctionCatalog.call("months_between", coerced, AtomicType.DOUBLE, nullable, call.span(),
                FunctionCatalog.sqlName(call, coerced));
    }

    /** from_unixtime(seconds[, fmt]): without fmt Spark passes yyyy-MM-dd HH:mm:ss, and names the call with it. */
    private Typed fromUnixtime(Ast.Call call, List<Typed> args) {
        catalog.checkArity(call, args.size(), 1, 2);
        List<Typed> coerced = new ArrayList<>();
        coerced.add(analyzer.expect(args.get(0), AtomicType.BIGINT, "from_unixtime argument 1"));
        coerced.add(args.size() == 2 ? analyzer.expect(args.get(1), S, "from_unixtime argument 2")
                : new Typed.Constant("yyyy-MM-dd HH:mm:ss", S, call.span(), "yyyy-MM-dd HH:mm:ss"));
        boolean nullable = coerced.stream().anyMatch(Typed::nullable);
        return FunctionCatalog.call("from_unixtime", coerced, S, nullable, call.span(),
                FunctionCatalog.sqlName(call, coerced));
    }

    /**
     * unix_timestamp([time[, fmt]]) and to_unix_timestamp(time[, fmt]): the seconds since the epoch of a TIMESTAMP, of
     * a DATE (its midnight in the session time zone) or of text read by the pattern fmt, yyyy-MM-dd HH:mm:ss by
     * default. Text the pattern cannot read stops the query as Spark 4's ANSI mode does (CANNOT_PARSE_TIMESTAMP,
     * through to_timestamp's reading). Spark casts nothing here, names the call with the pattern even where it does
     * not use it, and takes unix_timestamp() as the current time.
     */
    private Typed unixTimestamp(String name, Ast.Call call, List<Typed> args) {
        catalog.checkArity(call, args.size(), name.equals("unix_timestamp") ? 0 : 1, 2);
        Typed time = args.isEmpty() ? FunctionCatalog.call("current_timestamp", List.of(), TS, false, call.span(),
                "current_timestamp()") : args.get(0);
        Typed format = args.size() == 2 ? args.get(1) : new Typed.Constant(DEFAULT_PATTERN, S, call.span(),
                DEFAULT_PATTERN);
        DataType type = time.type();
        if (type != S && type != DATE && type != TS && type != AtomicType.TIMESTAMP_NTZ && type != AtomicType.NULL) {
            throw analyzer.error(ErrorCode.TYPE_MISMATCH, time.span(), "[DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] "
                    + "%s requires a STRING, DATE, TIMESTAMP or TIMESTAMP_NTZ but '%s' has type %s", name, time.sql(),
                    type.sql());
        }
        if (format.type() != S && format.type() != AtomicType.NULL) {
            throw analyzer.error(ErrorCode.TYPE_MISMATCH, format.span(), "[DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] "
                    + "the pattern of %s must be a STRING, not '%s' of type %s", name, format.sql(),
                    format.type().sql());
        }
        String sql = name + "(" + time.sql() + ", " + format.sql() + ")";
        boolean nullFormat = format instanceof Typed.Constant constant && constant.value() == null;
        if (type == AtomicType.NULL || nullFormat) {
            return new Typed.Constant(null, AtomicType.BIGINT, call.span(), sql);
        }
        Typed timestamp;
        if (type == S) {
            timestamp = FunctionCatalog.call("to_timestamp", List.of(time, format), TS, true, time.span(), sql);
        } else if (type == AtomicType.TIMESTAMP_NTZ) {
            // Spark counts a wall clock's seconds as if it were in UTC, whatever the session zone.
            timestamp = time;
        } else {
            timestamp = analyzer.coerce(time, TS);
        }
        Typed pattern = analyzer.coerce(format, S);
        return FunctionCatalog.call("unix_timestamp", List.of(timestamp, pattern), AtomicType.BIGINT,
                timestamp.nullable() || pattern.nullable(), call.span(), sql);
    }

    /** The call with Spark's name for it where Spark prints the expression's own name, not the one called. */
    private static Typed renamed(Typed typed, String called, String printed) {
        Typed.Call call = (Typed.Call) typed;
        return FunctionCatalog.call(call.function(), call.args(), call.type(), call.nullable(), call.span(),
                printed + call.sql().substring(called.length()));
    }

    /**
     * make_timestamp(year, month, day, hour, min, sec[, timezone]): the fields cast to INT, the seconds to
     * DECIMAL(16,6). try_make_timestamp is null where make_timestamp fails, and Spark names it without the zone.
     * make_timestamp_ltz is make_timestamp by another name; make_timestamp_ntz takes no zone and makes a wall clock.
     */
    private Typed makeTimestamp(String name, Ast.Call call, List<Typed> args, DataType result) {
        catalog.checkArity(call, args.size(), 6, result == NTZ ? 6 : 7);
        List<Typed> coerced = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            DataType param = i < 5 ? I : i == 5 ? new DecimalType(16, 6) : S;
            coerced.add(analyzer.expect(args.get(i), param, name + " argument " + (i + 1)));
        }
        boolean tryCall = name.startsWith("try_");
        boolean nullable = tryCall || coerced.stream().anyMatch(Typed::nullable);
        // Spark names try_make_timestamp without its zone, but try_make_timestamp_ltz with it.
        boolean zoneUnnamed = name.equals("try_make_timestamp");
        String sql = FunctionCatalog.sqlName(call, zoneUnnamed ? coerced.subList(0, 6) : coerced);
        return FunctionCatalog.call(name, coerced, result, nullable, call.span(), sql);
    }

    /**
     * make_ym_interval([years[, months]]) and make_dt_interval([days[, hours[, mins[, secs]]]]): each part cast to
     * its type, a missing one zero; Spark names the call with every part, the zeros it added too.
     */
    private Typed makeInterval(String name, Ast.Call call, List<Typed> args, DataType result, DataType... params) {
        catalog.checkArity(call, args.size(), 0, params.length);
        List<Typed> coerced = new ArrayList<>();
        for (int i = 0; i < params.length; i++) {
            if (i < args.size()) {
                coerced.add(analyzer.expect(args.get(i), params[i], name + " argument " + (i + 1)));
            } else if (params[i] instanceof DecimalType) {
                coerced.add(new Typed.Constant(java.math.BigDecimal.ZERO.setScale(6), params[i], call.span(),
                        "0.000000"));
            } else {
                coerced.add(new Typed.Constant(0L, params[i], call.span(), "0"));
            }
        }
        boolean nullable = coerced.stream().anyMatch(Typed::nullable);
        return FunctionCatalog.call(name, coerced, result, nullable, call.span(),
                FunctionCatalog.sqlName(call, coerced));
    }

    /**
     * convert_timezone([sourceTz, ]targetTz, sourceTs): the wall clock sourceTs (cast to TIMESTAMP_NTZ) read in the
     * source zone, shown in the target zone. Without a source zone Spark passes current_timezone(), and names the
     * call with it.
     */
    private Typed convertTimezone(Ast.Call call, List<Typed> args) {
        catalog.checkArity(call, args.size(), 2, 3);
        List<Typed> given = new ArrayList<>(args);
        if (given.size() == 2) {
            given.add(0, FunctionCatalog.call("current_timezone", List.of(), S, false, call.span(),
                    "current_timezone()"));
        }
        List<Typed> coerced = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            coerced.add(analyzer.expect(given.get(i), i < 2 ? S : NTZ, "convert_timezone argument " + (i + 1)));
        }
        boolean nullable = coerced.stream().anyMatch(Typed::nullable);
        return FunctionCatalog.call("convert_timezone", coerced, NTZ, nullable, call.span(),
                FunctionCatalog.sqlName(call, coerced));
    }

    /**
     * extract(field, source), date_part and datepart: the field is a text constant naming a part of a date or
     * timestamp, which Spark turns into the function for that part. extract and datepart print as
     * {@code name(field FROM source)}, date_part as a call.
     */
    private Typed extract(String name, Ast.Call call, List<Typed> args) {
        catalog.checkArity(call, args.size(), 2, 2);
        Typed field = args.get(0);
        Typed source = args.get(1);
        if (!(field instanceof Typed.Constant constant)
                || !(constant.type() == S || constant.type() == AtomicType.NULL)) {
            throw analyzer.error(ErrorCode.WRONG_ARGUMENTS, field.span(),
                    "the field of %s must be a text constant, such as 'YEAR'", name);
        }
        String sql = name + "(" + field.sql() + (name.equals("date_part") ? ", " : " FROM ") + source.sql() + ")";
        if (constant.value() == null) {
            return new Typed.Constant(null, AtomicType.DOUBLE, call.span(), sql);
        }
        String part = partFunction(((String) constant.value()).toUpperCase(Locale.ROOT));
        if (part == null) {
            throw analyzer.error(ErrorCode.WRONG_ARGUMENTS, field.span(),
                    "[INVALID_EXTRACT_FIELD] cannot extract '%s' from '%s'; the fields of a date or timestamp are "
                    + "YEAR, YEAROFWEEK, QUARTER, MONTH, WEEK, DAY, DAYOFWEEK, DAYOFWEEK_ISO, DOY, HOUR, MINUTE and "
                    + "SECOND", constant.value(), source.sql());
        }
        Ast.Call partCall = new Ast.Call(part, call.args().subList(1, 2), call.nameSpan(), call.span());
        Typed.Call typed;
        if (part.equals("second_fraction")) {
            Typed timestamp = source.type() == AtomicType.TIMESTAMP_NTZ ? source
                    : analyzer.expect(source, TS, name + " argument 2");
            typed = FunctionCatalog.call(part, List.of(timestamp), new DecimalType(8, 6), timestamp.nullable(),
                    call.span(), sql);
        } else if (part.equals("yearofweek") || part.equals("dayofweek_iso")) {
            Typed date = analyzer.expect(source, DATE, name + " argument 2");
            typed = FunctionCatalog.call(part, List.of(date), I, date.nullable(), call.span(), sql);
        } else {
            typed = (Typed.Call) catalog.resolveAs(part, partCall, List.of(source));
        }
        return FunctionCatalog.call(typed.function(), typed.args(), typed.type(), typed.nullable(), call.span(), sql);
    }

    /** The function Spark's DatePart turns an extract field into, or null for a field it does not know. */
    private static String partFunction(String field) {
        return switch (field) {
            case "YEAR", "Y", "YEARS", "YR", "YRS" -> "year";
            case "YEAROFWEEK" -> "yearofweek";
            case "QUARTER", "QTR" -> "quarter";
            case "MONTH", "MON", "MONS", "MONTHS" -> "month";
            case "WEEK", "W", "WEEKS" -> "weekofyear";
            case "DAY", "D", "DAYS" -> "day";
            case "DAYOFWEEK", "DOW" -> "dayofweek";
            case "DAYOFWEEK_ISO", "DOW_ISO" -> "dayofweek_iso";
            case "DOY" -> "dayofyear";
            case "HOUR", "H", "HOURS", "HR", "HRS" -> "hour";
            case "MINUTE", "M", "MIN", "MINS", "MINUTES" -> "minute";
            case "SECOND", "S", "SEC", "SECONDS", "SECS" -> "second_fraction";
            default -> null;
        };
    }
}
