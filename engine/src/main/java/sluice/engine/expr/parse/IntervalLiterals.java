package sluice.engine.expr.parse;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import sluice.engine.expr.lex.Span;
import sluice.engine.types.AtomicType;
import sluice.engine.types.IntervalField;

/**
 * The value of an interval literal as Spark 4 reads it with ANSI intervals (its default): a year-month interval, in
 * months, when every unit is YEAR or MONTH; a day-time interval, in microseconds, when none is; mixing both is refused.
 * {@code INTERVAL 1 YEAR 2 MONTHS}, {@code INTERVAL '3 days 4 hours'}, {@code INTERVAL '1-2' YEAR TO MONTH},
 * {@code INTERVAL '1 02:03:04.5' DAY TO SECOND}, {@code INTERVAL '1:30' MINUTE TO SECOND}. Refusals carry the
 * class Spark's parser gives them.
 */
public final class IntervalLiterals {
    private static final Pattern YEAR_MONTH = Pattern.compile("([+-])?(\\d+)-(\\d+)");
    private static final String SIGN = "(?<sign>[+-])?";
    private static final String DAY = "(?<day>\\d+)";
    private static final String HOUR = "(?<hour>\\d{1,2})";
    private static final String MINUTE = "(?<minute>\\d{1,2})";
    private static final String SECOND = "(?<second>\\d{1,2}(?:\\.\\d{1,9})?)";
    /** Spark's strict day-time forms, one per range of units; its legacy lenient form is off by default. */
    private static final Map<String, Pattern> DAY_TIME = Map.of(
            "MINUTE TO SECOND", Pattern.compile(SIGN + MINUTE + ":" + SECOND),
            "HOUR TO MINUTE", Pattern.compile(SIGN + HOUR + ":" + MINUTE),
            "HOUR TO SECOND", Pattern.compile(SIGN + HOUR + ":" + MINUTE + ":" + SECOND),
            "DAY TO HOUR", Pattern.compile(SIGN + DAY + " " + HOUR),
            "DAY TO MINUTE", Pattern.compile(SIGN + DAY + " " + HOUR + ":" + MINUTE),
            "DAY TO SECOND", Pattern.compile(SIGN + DAY + " " + HOUR + ":" + MINUTE + ":" + SECOND));
    private static final Map<String, String> DAY_TIME_FORMS = Map.of(
            "MINUTE TO SECOND", "m:s.n", "HOUR TO MINUTE", "h:m", "HOUR TO SECOND", "h:m:s.n",
            "DAY TO HOUR", "d h", "DAY TO MINUTE", "d h:m", "DAY TO SECOND", "d h:m:s.n");

    private IntervalLiterals() {
    }

    /**
     * An interval value, months or microseconds as {@code type} stores them. The type is Spark's: the range of the
     * units written outside quotes ({@code INTERVAL 3 HOURS} is INTERVAL HOUR, {@code INTERVAL 1 YEAR 2 MONTHS} YEAR
     * TO MONTH, a week a DAY, a millisecond or microsecond a SECOND), inside quotes too ({@code INTERVAL '3 hours'}
     * is INTERVAL HOUR), or the range named by {@code TO}.
     */
    public record Value(long amount, AtomicType type) {
        public boolean yearMonth() {
            return type.isYearMonthInterval();
        }
    }

    /** A literal Spark refuses: why, and the part of the literal at fault. */
    public static final class Invalid extends RuntimeException {
        private final transient Span span;

        Invalid(Span span, String message) {
            super(message, null, false, false);
            this.span = span;
        }

        public Span span() {
            return span;
        }
    }

    /** The literal's value; {@code text} is its source text, which Spark's message for mixed units repeats. */
    public static Value read(Ast.IntervalLiteral literal, String text) {
        try {
            return value(literal, text);
        } catch (ArithmeticException e) {
            throw new Invalid(literal.span(), "[ARITHMETIC_OVERFLOW] long overflow: the interval " + text
                    + " is too long");
        }
    }

    private static Value value(Ast.IntervalLiteral literal, String text) {
        List<Ast.IntervalPart> parts = literal.parts();
        for (Ast.IntervalPart part : parts) {
            if (part.toUnit() != null) {
                if (parts.size() > 1) {
                    throw new Invalid(part.span(), "[_LEGACY_ERROR_TEMP_0024] Can only have a single from-to unit "
                            + "in the interval literal "
                            + "syntax");
                }
                return range(part);
            }
        }
        long months = 0;
        long micros = 0;
        boolean anyYearMonth = false;
        boolean anyDayTime = false;
        IntervalField start = null;
        IntervalField end = null;
        for (Ast.IntervalPart part : parts) {
            for (String[] pair : pairs(part)) {
                IntervalField field = field(pair[1]);
                if (field != null) {
                    start = start == null || field.compareTo(start) < 0 ? field : start;
                    end = end == null || field.compareTo(end) > 0 ? field : end;
                }
                int perMonth = IntervalUnits.months(pair[1]);
                long perMicro = IntervalUnits.micros(pair[1]);
                if (perMonth > 0) {
                    anyYearMonth = true;
                    months = Math.addExact(months, wholeNumber(pair[0], part) * perMonth);
                } else if (perMicro > 0) {
                    anyDayTime = true;
                    micros = Math.addExact(micros, amount(pair[0], perMicro, part));
                } else {
                    throw new Invalid(part.span(), String.format(Locale.ROOT, "unsupported interval unit '%s'; use "
                            + "YEAR, MONTH, WEEK, DAY, HOUR, MINUTE, SECOND, MILLISECOND or MICROSECOND", pair[1]));
                }
            }
        }
        if (anyYearMonth && anyDayTime) {
            throw new Invalid(literal.span(), "[_LEGACY_ERROR_TEMP_0029] Cannot mix year-month and day-time "
                    + "fields: " + text);
        }
        if (anyYearMonth) {
            return new Value(intMonths(months, literal.span()), AtomicType.interval(start, end));
        }
        return new Value(micros, AtomicType.interval(start, end));
    }

    /** The field a unit counts in: a week in days, a millisecond or microsecond in seconds; null if no unit. */
    private static IntervalField field(String unit) {
        return switch (IntervalUnits.singular(unit)) {
            case "YEAR" -> IntervalField.YEAR;
            case "MONTH" -> IntervalField.MONTH;
            case "WEEK", "DAY" -> IntervalField.DAY;
            case "HOUR" -> IntervalField.HOUR;
            case "MINUTE" -> IntervalField.MINUTE;
            case "SECOND", "MILLISECOND", "MICROSECOND" -> IntervalField.SECOND;
            default -> null;
        };
    }

    /** The value and unit pairs of a part: itself, or the words of a string holding several. */
    private static List<String[]> pairs(Ast.IntervalPart part) {
        if (part.unit() != null) {
            return List.<String[]>of(new String[] {part.value().strip(), part.unit()});
        }
        List<String> words = new ArrayList<>(List.of(part.value().strip().split("\\s+")));
        if (!words.isEmpty() && words.get(0).equalsIgnoreCase("interval")) {
            words.remove(0);
        }
        if (words.isEmpty() || words.size() % 2 != 0) {
            throw invalid(part);
        }
        List<String[]> pairs = new ArrayList<>();
        for (int i = 0; i < words.size(); i += 2) {
            pairs.add(new String[] {words.get(i), words.get(i + 1)});
        }
        return pairs;
    }

    private static Value range(Ast.IntervalPart part) {
        String from = IntervalUnits.singular(part.unit());
        String to = IntervalUnits.singular(part.toUnit());
        String value = part.value().strip();
        if (from.equals("YEAR") && to.equals("MONTH")) {
            return yearToMonth(value, part);
        }
        String key = from + " TO " + to;
        Pattern pattern = DAY_TIME.get(key);
        if (pattern == null) {
            throw new Invalid(part.span(), "[_LEGACY_ERROR_TEMP_0028] Intervals FROM " + from.toLowerCase(Locale.ROOT)
                    + " TO "
                    + to.toLowerCase(Locale.ROOT) + " are not supported.");
        }
        // A minus before the quoted value was folded into it by the parser: '--…' means positive again.
        boolean flipped = value.startsWith("-") && value.length() > 1 && (value.charAt(1) == '-'
                || value.charAt(1) == '+');
        Matcher m = pattern.matcher(flipped ? value.substring(1) : value);
        if (!m.matches()) {
            throw new Invalid(part.span(), "[_LEGACY_ERROR_TEMP_0063] Interval string must match day-time format "
                    + "of '" + DAY_TIME_FORMS.get(key)
                    + "': " + value);
        }
        long micros = 0;
        if (pattern.pattern().contains("<day>")) {
            micros = Math.addExact(micros, Math.multiplyExact(ranged("day", m.group("day"), Integer.MAX_VALUE, part),
                    86_400_000_000L));
        }
        if (pattern.pattern().contains("<hour>")) {
            micros = Math.addExact(micros, ranged("hour", m.group("hour"), 23, part) * 3_600_000_000L);
        }
        if (pattern.pattern().contains("<minute>")) {
            micros = Math.addExact(micros, ranged("minute", m.group("minute"), 59, part) * 60_000_000L);
        }
        if (pattern.pattern().contains("<second>")) {
            // Spark truncates the fraction to microseconds.
            micros = Math.addExact(micros, new BigDecimal(m.group("second")).movePointRight(6).longValue());
        }
        boolean negative = "-".equals(m.group("sign")) != flipped;
        return new Value(negative ? -micros : micros, AtomicType.interval(IntervalField.valueOf(from),
                IntervalField.valueOf(to)));
    }

    private static Value yearToMonth(String value, Ast.IntervalPart part) {
        boolean flipped = value.startsWith("-") && value.length() > 1 && (value.charAt(1) == '-'
                || value.charAt(1) == '+');
        Matcher m = YEAR_MONTH.matcher(flipped ? value.substring(1) : value);
        if (!m.matches()) {
            throw new Invalid(part.span(), "[_LEGACY_ERROR_TEMP_0063] Interval string does not match year-month "
                    + "format of 'y-m': " + value);
        }
        long years = ranged("year", m.group(2), Integer.MAX_VALUE, part);
        long months = Math.addExact(Math.multiplyExact(years, 12), ranged("month", m.group(3), 11, part));
        boolean negative = "-".equals(m.group(1)) != flipped;
        return new Value(intMonths(negative ? -months : months, part.span()), AtomicType.INTERVAL_YEAR_MONTH);
    }

    private static long ranged(String field, String digits, long max, Ast.IntervalPart part) {
        long value;
        try {
            value = Long.parseLong(digits);
        } catch (NumberFormatException e) {
            value = Long.MAX_VALUE;
        }
        if (value > max) {
            throw new Invalid(part.span(), "[_LEGACY_ERROR_TEMP_0063] " + field + " " + digits + " outside range "
                    + "[0, " + max + "]");
        }
        return value;
    }

    private static long wholeNumber(String value, Ast.IntervalPart part) {
        try {
            return Integer.parseInt(value.startsWith("+") ? value.substring(1) : value);
        } catch (NumberFormatException e) {
            throw invalid(part);
        }
    }

    private static long amount(String value, long perUnit, Ast.IntervalPart part) {
        try {
            return new BigDecimal(value).multiply(BigDecimal.valueOf(perUnit)).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw invalid(part);
        }
    }

    private static long intMonths(long months, Span span) {
        if (months != (int) months) {
            throw new Invalid(span, "integer overflow: the interval has more months than an INT holds");
        }
        return months;
    }

    private static Invalid invalid(Ast.IntervalPart part) {
        return new Invalid(part.span(), "invalid interval '" + part.value() + "'");
    }
}
