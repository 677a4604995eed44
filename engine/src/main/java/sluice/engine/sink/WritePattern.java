package sluice.engine.sink;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import sluice.engine.types.DatetimePattern;

/**
 * A {@code dateFormat} or {@code timestampFormat} option as the formatter that writes values with it, its years
 * proleptic as Spark writes them (see {@link DatetimePattern}). Stateless.
 */
final class WritePattern {
    private WritePattern() {
    }

    static DateTimeFormatter formatter(String pattern) {
        return DateTimeFormatter.ofPattern(DatetimePattern.toJavaTime(pattern), Locale.US);
    }
}
