package sluice.app.charts;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Tick positions and labels for a plot axis: "nice" steps (1, 2, 5 times a power of ten) for numbers; for dates and
 * timestamps (epoch milliseconds) the same steps, labelled as dates or times depending on the span. Stateless.
 */
final class AxisTicks {
    /** How an axis' values are written. */
    enum Scale { NUMBER, DATE, TIMESTAMP }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM", Locale.ROOT);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss", Locale.ROOT);
    private static final double DAY_MS = 86_400_000d;

    private AxisTicks() {
    }

    /** About {@code count} ticks covering [min, max], at multiples of a nice step. */
    static List<Double> of(double min, double max, int count) {
        List<Double> ticks = new ArrayList<>();
        if (!(max > min) || count < 1) {
            ticks.add(min);
            return ticks;
        }
        double step = niceStep((max - min) / count);
        double first = Math.ceil(min / step) * step;
        for (double tick = first; tick <= max + step * 1e-9 && ticks.size() < 100; tick += step) {
            ticks.add(Math.abs(tick) < step * 1e-9 ? 0 : tick);
        }
        return ticks;
    }

    static double niceStep(double rough) {
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        double fraction = rough / power;
        double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        return nice * power;
    }

    /** The label of {@code value} on an axis of {@code scale} spanning {@code span} (same units). */
    static String label(double value, Scale scale, double span) {
        if (scale == Scale.NUMBER) {
            if (Math.abs(value) >= 1e6 || (value != 0 && Math.abs(value) < 1e-3)) {
                return String.format(Locale.ROOT, "%.3g", value);
            }
            return value == Math.rint(value) ? String.format(Locale.ROOT, "%,d", (long) value)
                    : String.format(Locale.ROOT, "%,.3f", value).replaceAll("0+$", "");
        }
        // A DATE is days since the epoch with no zone (drawn at UTC midnight); a TIMESTAMP shows in the session zone.
        ZonedDateTime at = Instant.ofEpochMilli((long) value)
                .atZone(scale == Scale.DATE ? ZoneOffset.UTC : ZoneId.systemDefault());
        if (span > 400 * DAY_MS) {
            return MONTH.format(at);
        }
        return scale == Scale.DATE || span > 4 * DAY_MS ? DAY.format(at) : TIME.format(at);
    }
}
