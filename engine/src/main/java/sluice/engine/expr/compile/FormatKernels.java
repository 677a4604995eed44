package sluice.engine.expr.compile;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Base64;
import java.util.Formatter;
import java.util.IllegalFormatException;
import java.util.List;
import java.util.Locale;
import sluice.engine.expr.analyze.NumberPattern;
import sluice.engine.expr.analyze.Typed;
import sluice.engine.types.AtomicType;
import sluice.engine.types.Bytes;
import sluice.engine.types.DataType;
import sluice.engine.types.DecimalType;

/**
 * format_number (Java's DecimalFormat with US symbols, halves to even), format_string (Java's Formatter in the US
 * locale, over the values as Spark hands them to it) and to_binary. Stateless; a kernel keeps its last pattern per
 * thread, as DecimalFormat is not thread-safe.
 */
final class FormatKernels {
    private static final String GROUPED = "#,###,###,###,###,###,##0";

    private FormatKernels() {
    }

    static Kernel of(Typed.Call call) {
        return switch (call.function()) {
            case "format_number" -> formatNumber(call.args().get(0).type(), call.args().get(1).type());
            case "to_number", "try_to_number" -> {
                boolean tolerant = call.function().startsWith("try_");
                Memo<String, NumberPattern> patterns = new Memo<>(NumberPattern::of);
                yield (a, e) -> NumberText.parse((String) a[0], patterns.get((String) a[1]), tolerant);
            }
            case "to_char" -> {
                Memo<String, NumberPattern> patterns = new Memo<>(NumberPattern::of);
                yield (a, e) -> NumberWriter.write((BigDecimal) a[0], patterns.get((String) a[1]));
            }
            case "to_binary", "try_to_binary" -> {
                boolean tolerant = call.function().equals("try_to_binary");
                yield (a, e) -> a[0] == null || a[1] == null ? null : toBinary((String) a[0], (String) a[1], tolerant);
            }
            default -> null;
        };
    }

    /** format_string: null only for a null pattern; each argument as the object Spark would pass. */
    static Kernel formatString(Typed.Call call) {
        List<DataType> types = call.args().stream().map(Typed::type).toList();
        return (a, e) -> {
            if (a[0] == null) {
                return null;
            }
            Object[] values = new Object[a.length - 1];
            for (int i = 1; i < a.length; i++) {
                values[i - 1] = sparkObject(types.get(i), a[i]);
            }
            try {
                return new Formatter(Locale.US).format((String) a[0], values).toString();
            } catch (IllegalFormatException failure) {
                throw RowFailure.invalidArgument("format_string cannot apply the pattern '" + a[0] + "': "
                        + failure.getMessage());
            }
        };
    }

    /**
     * The object Spark's format_string hands to the formatter: its internal value, so a DATE is its day number and a
     * TIMESTAMP its microseconds, and a DECIMAL only prints as text.
     */
    private static Object sparkObject(DataType type, Object stored) {
        if (stored == null) {
            return null;
        } else if (type == AtomicType.INT || type == AtomicType.DATE) {
            return ((Long) stored).intValue();
        } else if (type == AtomicType.SMALLINT) {
            return ((Long) stored).shortValue();
        } else if (type == AtomicType.TINYINT) {
            return ((Long) stored).byteValue();
        } else if (type == AtomicType.FLOAT) {
            return ((Double) stored).floatValue();
        } else if (type instanceof DecimalType) {
            return new DecimalText(((BigDecimal) stored).toString());
        }
        return stored;
    }

    /** A decimal as Spark's Decimal object reaches the formatter: text for %s, no number for %d or %f. */
    private record DecimalText(String text) {
        @Override
        public String toString() {
            return text;
        }
    }

    private static Kernel formatNumber(DataType numberType, DataType digitsType) {
        ThreadLocal<Memo<String, DecimalFormat>> formats = ThreadLocal.withInitial(() -> new Memo<>(pattern -> {
            DecimalFormat format = new DecimalFormat("", new DecimalFormatSymbols(Locale.US));
            format.applyLocalizedPattern(pattern);
            return format;
        }));
        return (a, e) -> {
            String pattern;
            if (digitsType == AtomicType.STRING) {
                pattern = ((String) a[1]).isEmpty() ? GROUPED : (String) a[1];
            } else {
                long digits = (Long) a[1];
                if (digits < 0) {
                    return null;
                }
                pattern = digits == 0 ? GROUPED : GROUPED + "." + "0".repeat((int) digits);
            }
            DecimalFormat format = formats.get().get(pattern);
            if (a[0] instanceof Long l) {
                return format.format((long) l);
            } else if (a[0] instanceof Double d) {
                return format.format((double) d);
            }
            return format.format((BigDecimal) a[0]);
        };
    }

    private static Bytes toBinary(String text, String format, boolean tolerant) {
        switch (format) {
            case "hex" -> {
                Bytes bytes = Bytes.fromHex(text);
                if (bytes == null && !tolerant) {
                    throw malformed(text, "HEX");
                }
                return bytes;
            }
            case "utf-8", "utf8" -> {
                return Bytes.of(text.getBytes(StandardCharsets.UTF_8));
            }
            default -> {
                if (!Base64Text.isValid(text)) {
                    if (tolerant) {
                        return null;
                    }
                    throw malformed(text, "BASE64");
                }
                return Bytes.of(Base64.getMimeDecoder().decode(text));
            }
        }
    }

    private static RowFailure malformed(String text, String format) {
        return new RowFailure(sluice.engine.diag.ErrorCode.CAST_INVALID_INPUT, "[CONVERSION_INVALID_INPUT] The value '"
                + text.replace("'", "\\'") + "' ('" + format + "') cannot be converted to \"BINARY\" because it is "
                + "malformed. Correct the value as per the syntax, or change its format. Use `try_to_binary` to "
                + "tolerate malformed input and return NULL instead.");
    }
}
