package sluice.app.canvas;

/**
 * How the canvas shows the pipeline's plane: a point (x, y) of the pipeline appears at (x * scale + tx, y * scale +
 * ty) in the canvas. Immutable; pure arithmetic, so zoom and fit are tested without the toolkit.
 */
record ViewTransform(double scale, double tx, double ty) {
    static final double MIN_SCALE = 0.1;
    static final double MAX_SCALE = 3.0;
    static final ViewTransform IDENTITY = new ViewTransform(1, 0, 0);

    ViewTransform {
        if (!(scale > 0)) {
            throw new IllegalArgumentException("scale must be positive: " + scale);
        }
    }

    /** Zoomed by {@code factor}, keeping the pipeline point under the canvas point (px, py) where it is. */
    ViewTransform zoomedAround(double factor, double px, double py) {
        double next = Math.max(MIN_SCALE, Math.min(MAX_SCALE, scale * factor));
        double ratio = next / scale;
        return new ViewTransform(next, px - (px - tx) * ratio, py - (py - ty) * ratio);
    }

    ViewTransform pannedBy(double dx, double dy) {
        return new ViewTransform(scale, tx + dx, ty + dy);
    }

    /** Shows the pipeline rectangle (minX, minY, maxX, maxY) whole and centred in a canvas of width by height. */
    static ViewTransform fitting(double minX, double minY, double maxX, double maxY, double width, double height,
                                 double margin) {
        double contentW = Math.max(1, maxX - minX);
        double contentH = Math.max(1, maxY - minY);
        double availW = Math.max(1, width - 2 * margin);
        double availH = Math.max(1, height - 2 * margin);
        // Never magnify a small pipeline past 100%: nodes at their natural size read best.
        double scale = Math.max(MIN_SCALE, Math.min(1.0, Math.min(availW / contentW, availH / contentH)));
        double tx = (width - contentW * scale) / 2 - minX * scale;
        double ty = (height - contentH * scale) / 2 - minY * scale;
        return new ViewTransform(scale, tx, ty);
    }

    double toCanvasX(double x) {
        return x * scale + tx;
    }

    double toCanvasY(double y) {
        return y * scale + ty;
    }

    double toPipelineX(double canvasX) {
        return (canvasX - tx) / scale;
    }

    double toPipelineY(double canvasY) {
        return (canvasY - ty) / scale;
    }
}
