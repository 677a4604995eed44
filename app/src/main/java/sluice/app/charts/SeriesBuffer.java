package sluice.app.charts;

/**
 * Mutable, FX thread only. The newest points of one series in a ring buffer: adding past the capacity overwrites
 * the oldest point, so a series never holds more than {@code capacity} points whatever the stream does.
 */
final class SeriesBuffer {
    private final double[] xs;
    private final double[] ys;
    private int start;
    private int size;

    SeriesBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        xs = new double[capacity];
        ys = new double[capacity];
    }

    void add(double x, double y) {
        int end = (start + size) % xs.length;
        xs[end] = x;
        ys[end] = y;
        if (size < xs.length) {
            size++;
        } else {
            start = (start + 1) % xs.length;
        }
    }

    /** The {@code i}th oldest point's x. */
    double x(int i) {
        return xs[(start + i) % xs.length];
    }

    double y(int i) {
        return ys[(start + i) % ys.length];
    }

    int size() {
        return size;
    }

    int capacity() {
        return xs.length;
    }

    void clear() {
        start = 0;
        size = 0;
    }
}
