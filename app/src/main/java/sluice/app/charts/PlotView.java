package sluice.app.charts;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import sluice.app.run.OnScreen;

/**
 * Mutable, FX thread only. A plot drawn on a {@link Canvas}: axes with tick labels, a legend, one colour per series,
 * as lines, bars or points. Stock charts make a node per point and take hundreds of ms a frame in software
 * rendering; here each series is thinned to at most two points per pixel column (its lowest and highest)
 * and the whole plot is redrawn only when marked dirty, at most once per pulse.
 */
final class PlotView {
    /** How a series is drawn. */
    enum Kind { LINE, BAR, SCATTER }

    /** One named series and its colour. */
    record Series(String name, SeriesBuffer points, Color color) {}

    static final Color[] PALETTE = {Color.web("#0969da"), Color.web("#cf222e"), Color.web("#1a7f37"),
        Color.web("#8250df"), Color.web("#bf8700"), Color.web("#1b7c83"), Color.web("#e16f24"),
        Color.web("#d63384"), Color.web("#57606a"), Color.web("#4d2d00")};
    private static final double LEFT = 64;
    private static final double RIGHT = 12;
    private static final double TOP = 24;
    private static final double BOTTOM = 24;
    private static final Font FONT = Font.font(11);
    private final Canvas canvas = new Canvas();
    private Ink drawnWith;
    private final Pane view = new Pane(canvas);
    private final List<Series> series = new ArrayList<>();
    private Kind kind = Kind.LINE;
    private AxisTicks.Scale xScale = AxisTicks.Scale.NUMBER;
    private String emptyText = "No points yet";
    private boolean dirty = true;
    private int drawnPoints;

    PlotView() {
        view.setMinSize(160, 120);
        view.setPrefSize(600, 240);
        canvas.widthProperty().bind(view.widthProperty());
        canvas.heightProperty().bind(view.heightProperty());
        canvas.widthProperty().addListener((obs, old, w) -> dirty = true);
        canvas.heightProperty().addListener((obs, old, h) -> dirty = true);
    }

    Node view() {
        return view;
    }

    Canvas canvas() {
        return canvas;
    }

    void setKind(Kind newKind) {
        kind = newKind;
        dirty = true;
    }

    void setXScale(AxisTicks.Scale scale) {
        xScale = scale;
        dirty = true;
    }

    void setEmptyText(String text) {
        emptyText = text;
        dirty = true;
    }

    /** Adds a series drawn in the next palette colour. */
    Series addSeries(String name, SeriesBuffer points) {
        Series added = new Series(name, points, PALETTE[series.size() % PALETTE.length]);
        series.add(added);
        dirty = true;
        return added;
    }

    void clearSeries() {
        series.clear();
        dirty = true;
    }

    List<Series> series() {
        return List.copyOf(series);
    }

    void markDirty() {
        dirty = true;
    }

    /**
     * Redraws when something changed since the last drawing; called once per pulse. Off screen (the other tab, a
     * hidden window) it waits: the first pulse it is seen again draws what changed meanwhile, once.
     */
    void drawIfDirty() {
        // A theme switch changes no data but every colour of the frame.
        if ((dirty || Ink.current() != drawnWith) && OnScreen.isShowing(view)) {
            draw();
        }
    }

    /** How many points the last drawing put on the canvas after thinning. */
    int drawnPoints() {
        return drawnPoints;
    }

    void draw() {
        dirty = false;
        drawnWith = Ink.current();
        drawnPoints = 0;
        double width = canvas.getWidth();
        double height = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, width, height);
        g.setFont(FONT);
        double[] range = range();
        if (range == null || width < LEFT + RIGHT + 10 || height < TOP + BOTTOM + 10) {
            g.setFill(Color.GRAY);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(emptyText, width / 2, height / 2);
            return;
        }
        Frame frame = new Frame(LEFT, TOP, width - LEFT - RIGHT, height - TOP - BOTTOM, range);
        drawAxes(g, frame);
        for (Series one : series) {
            drawnPoints += drawSeries(g, frame, one);
        }
        drawLegend(g, width);
    }

    /** [xmin, xmax, ymin, ymax] over all series, or null when there is no point. */
    private double[] range() {
        double xMin = Double.POSITIVE_INFINITY;
        double xMax = Double.NEGATIVE_INFINITY;
        double yMin = Double.POSITIVE_INFINITY;
        double yMax = Double.NEGATIVE_INFINITY;
        for (Series one : series) {
            SeriesBuffer points = one.points();
            for (int i = 0; i < points.size(); i++) {
                double x = points.x(i);
                double y = points.y(i);
                xMin = Math.min(xMin, x);
                xMax = Math.max(xMax, x);
                yMin = Math.min(yMin, y);
                yMax = Math.max(yMax, y);
            }
        }
        if (xMin > xMax) {
            return null;
        }
        if (kind == Kind.BAR) {
            yMin = Math.min(0, yMin);
            yMax = Math.max(0, yMax);
        }
        if (xMin == xMax) {
            xMin -= 1;
            xMax += 1;
        }
        if (yMin == yMax) {
            yMin -= 1;
            yMax += 1;
        }
        double pad = (yMax - yMin) * 0.05;
        return new double[] {xMin, xMax, yMin - (kind == Kind.BAR && yMin == 0 ? 0 : pad), yMax + pad};
    }

    /** The plot area and the data range it shows. */
    private record Frame(double left, double top, double width, double height, double[] range) {
        double x(double value) {
            return left + (value - range[0]) / (range[1] - range[0]) * width;
        }

        double y(double value) {
            return top + height - (value - range[2]) / (range[3] - range[2]) * height;
        }
    }

    private void drawAxes(GraphicsContext g, Frame f) {
        double[] r = f.range();
        Ink ink = Ink.current();
        g.setStroke(ink.grid());
        g.setLineWidth(1);
        g.setFill(ink.muted());
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (double tick : AxisTicks.of(r[2], r[3], Math.max(2, (int) (f.height() / 40)))) {
            double y = Math.round(f.y(tick)) + 0.5;
            g.strokeLine(f.left(), y, f.left() + f.width(), y);
            g.fillText(AxisTicks.label(tick, AxisTicks.Scale.NUMBER, r[3] - r[2]), f.left() - 4, y);
        }
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        int xCount = Math.max(2, (int) (f.width() / (xScale == AxisTicks.Scale.NUMBER ? 80 : 110)));
        for (double tick : AxisTicks.of(r[0], r[1], xCount)) {
            double x = Math.round(f.x(tick)) + 0.5;
            g.strokeLine(x, f.top() + f.height(), x, f.top() + f.height() + 4);
            g.fillText(AxisTicks.label(tick, xScale, r[1] - r[0]), x, f.top() + f.height() + 6);
        }
        g.setStroke(ink.frame());
        g.strokeRect(f.left() + 0.5, f.top() + 0.5, f.width(), f.height());
    }

    /**
     * Draws one series thinned per pixel column: for a line the lowest and highest point of each run of points in the
     * same column (so spikes stay visible), for bars the last value, for scatter the extremes.
     */
    private int drawSeries(GraphicsContext g, Frame f, Series one) {
        SeriesBuffer points = one.points();
        g.setStroke(one.color());
        g.setFill(one.color());
        g.setLineWidth(1);
        // Bevel joins: miter joins of thousands of short segments were the largest cost of software rendering.
        g.setLineJoin(StrokeLineJoin.BEVEL);
        double baseline = f.y(Math.max(f.range()[2], Math.min(0, f.range()[3])));
        int drawn = 0;
        int column = Integer.MIN_VALUE;
        double first = 0;
        double low = 0;
        double high = 0;
        double last = 0;
        boolean started = false;
        if (kind == Kind.LINE) {
            g.beginPath();
        }
        for (int i = 0; i <= points.size(); i++) {
            int px = i < points.size() ? (int) Math.round(f.x(points.x(i))) : Integer.MAX_VALUE;
            if (px != column && column != Integer.MIN_VALUE) {
                drawn += drawColumn(g, column, first, low, high, last, baseline, started);
                started = true;
            }
            if (i == points.size()) {
                break;
            }
            double py = f.y(points.y(i));
            if (px != column) {
                column = px;
                first = py;
                low = py;
                high = py;
            }
            low = Math.max(low, py);
            high = Math.min(high, py);
            last = py;
        }
        if (kind == Kind.LINE) {
            g.stroke();
        }
        return drawn;
    }

    private int drawColumn(GraphicsContext g, int px, double first, double low, double high, double last,
                           double baseline, boolean started) {
        if (kind == Kind.LINE) {
            // About one point per pixel: the extremes of the column when it holds several, so spikes stay visible.
            double from = first <= last ? Math.min(low, high) : Math.max(low, high);
            double to = from == low ? high : low;
            if (started) {
                g.lineTo(px, from);
            } else {
                g.moveTo(px, from);
            }
            if (low == high) {
                return 1;
            }
            g.lineTo(px, to);
            return 2;
        } else if (kind == Kind.BAR) {
            g.fillRect(px - 1, Math.min(last, baseline), 2, Math.max(1, Math.abs(baseline - last)));
            return 1;
        }
        g.fillOval(px - 2, high - 2, 4, 4);
        if (low != high) {
            g.fillOval(px - 2, low - 2, 4, 4);
            return 2;
        }
        return 1;
    }

    private void drawLegend(GraphicsContext g, double width) {
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        double x = LEFT;
        for (Series one : series) {
            if (x > width - 40) {
                g.setFill(Color.GRAY);
                g.fillText("…", x, TOP / 2);
                return;
            }
            g.setFill(one.color());
            g.fillRect(x, TOP / 2 - 4, 10, 8);
            g.setFill(Ink.current().text());
            g.fillText(one.name(), x + 14, TOP / 2);
            x += 24 + 6.5 * one.name().length();
        }
    }

    /** The colours of grid, labels and frame for the current theme (a canvas does not follow CSS by itself). */
    private record Ink(Color grid, Color muted, Color frame, Color text) {
        private static final Ink LIGHT = new Ink(Color.web("#d0d7de"), Color.web("#57606a"), Color.web("#8c959f"),
                Color.web("#24292f"));
        private static final Ink DARK = new Ink(Color.web("#30363d"), Color.web("#8b949e"), Color.web("#6e7681"),
                Color.web("#e6edf3"));

        static Ink current() {
            String theme = String.valueOf(javafx.application.Application.getUserAgentStylesheet());
            return theme.toLowerCase(java.util.Locale.ROOT).contains("dark") ? DARK : LIGHT;
        }
    }
}
