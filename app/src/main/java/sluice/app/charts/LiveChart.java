package sluice.app.charts;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import sluice.engine.runtime.BatchSnapshot;
import sluice.engine.types.AtomicType;
import sluice.engine.types.DataType;
import sluice.engine.types.Row;
import sluice.engine.types.Schema;
import sluice.engine.types.ValueText;

/**
 * Mutable, FX thread only. The live plot of one {@code sink.chart} node: x against each y column, one series per
 * value of the {@code series} column, at most {@code maxPoints} points per series and {@link #MAX_SERIES} series.
 * Batches add points and mark the plot dirty; it is drawn once per pulse.
 */
final class LiveChart {
    /** A series column with thousands of values would be unreadable and unbounded; later values are counted. */
    static final int MAX_SERIES = 32;
    private final ChartSpec spec;
    private final ZoneId zone = ZoneId.systemDefault();
    private final PlotView plot = new PlotView();
    private final Map<String, SeriesBuffer> series = new LinkedHashMap<>();
    private final Label title = new Label();
    private final VBox view;
    private long sequence;
    private long droppedSeriesRows;

    LiveChart(ChartSpec spec) {
        this.spec = requireNonNull(spec, "spec is null");
        plot.setKind(spec.kind());
        plot.setEmptyText("No batch has reached '" + spec.nodeId() + "' yet");
        title.getStyleClass().add("live-chart-title");
        title.setText(titleText());
        view = new VBox(2, title, plot.view());
        view.setId("chart-" + spec.nodeId());
        view.getStyleClass().add("live-chart");
    }

    ChartSpec spec() {
        return spec;
    }

    Node view() {
        return view;
    }

    PlotView plot() {
        return plot;
    }

    private String titleText() {
        return spec.nodeId() + ": " + String.join(", ", spec.ys()) + " by " + spec.x()
                + (spec.series() == null ? "" : " per " + spec.series())
                + (droppedSeriesRows == 0 ? "" : String.format(Locale.ROOT,
                " (more than %d series: %,d rows not drawn)", MAX_SERIES, droppedSeriesRows));
    }

    void add(BatchSnapshot batch) {
        Schema schema = batch.schema();
        int xIndex = schema.indexOf(spec.x());
        int seriesIndex = spec.series() == null ? -1 : schema.indexOf(spec.series());
        int[] yIndexes = spec.ys().stream().mapToInt(schema::indexOf).toArray();
        if (xIndex < 0) {
            return;
        }
        if (spec.replaces()) {
            series.values().forEach(SeriesBuffer::clear);
        }
        DataType xType = schema.field(xIndex).type();
        plot.setXScale(xType == AtomicType.DATE ? AxisTicks.Scale.DATE
                : xType == AtomicType.TIMESTAMP ? AxisTicks.Scale.TIMESTAMP : AxisTicks.Scale.NUMBER);
        long droppedBefore = droppedSeriesRows;
        for (Row row : batch.rows()) {
            double x = xValue(row.get(xIndex));
            String split = seriesIndex < 0 ? null : seriesName(schema.field(seriesIndex).type(), row.get(seriesIndex));
            for (int k = 0; k < yIndexes.length; k++) {
                if (yIndexes[k] < 0 || Double.isNaN(x) || !(row.get(yIndexes[k]) instanceof Number number)) {
                    continue;
                }
                double y = number instanceof BigDecimal d ? d.doubleValue() : number.doubleValue();
                if (!Double.isFinite(y)) {
                    continue;
                }
                SeriesBuffer buffer = buffer(seriesKey(spec.ys().get(k), split));
                if (buffer == null) {
                    droppedSeriesRows++;
                } else {
                    buffer.add(x, y, spec.updates());
                }
            }
        }
        if (droppedSeriesRows != droppedBefore) {
            title.setText(titleText());
        }
        plot.markDirty();
    }

    /** Numbers as they are, dates and timestamps as epoch milliseconds, anything else by arrival order. */
    private double xValue(Object value) {
        if (value instanceof Number number) {
            return number.doubleValue();
        } else if (value instanceof LocalDate date) {
            return date.toEpochDay() * 86_400_000d;
        } else if (value instanceof Instant instant) {
            return instant.toEpochMilli();
        } else if (value == null) {
            return Double.NaN;
        }
        return sequence++;
    }

    private String seriesName(DataType type, Object value) {
        return value == null ? "null" : ValueText.of(type, value, zone);
    }

    private String seriesKey(String y, String split) {
        if (split == null) {
            return y;
        }
        return spec.ys().size() == 1 ? split : split + " · " + y;
    }

    private SeriesBuffer buffer(String key) {
        SeriesBuffer buffer = series.get(key);
        if (buffer == null && series.size() < MAX_SERIES) {
            buffer = new SeriesBuffer(spec.maxPoints());
            series.put(key, buffer);
            plot.addSeries(key, buffer);
        }
        return buffer;
    }

    void clear() {
        series.clear();
        plot.clearSeries();
        sequence = 0;
        droppedSeriesRows = 0;
        title.setText(titleText());
    }

    /** Points held over all series. */
    int pointCount() {
        return series.values().stream().mapToInt(SeriesBuffer::size).sum();
    }
}
