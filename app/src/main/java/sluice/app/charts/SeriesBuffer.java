package sluice.app.charts;

/**
 * Mutable, FX thread only. The points of one series in x order, at most {@code capacity} of them: past the capacity
 * the point of the smallest x goes, so a series never holds more whatever the stream does. A stream whose x grows
 * (time) adds at the end in constant time, in a ring; a point that arrives out of order (an aggregation's rows come
 * in the order of its groups, not of their windows) is put in its place, so a line never runs back. In update mode
 * a point at an x the series already has replaces it: it is the new value of the same group.
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

    /** Adds a point in its place by x, after the points of the same x. */
    void add(double x, double y) {
        add(x, y, false);
    }

    /** Adds a point in its place by x; with {@code replaceSameX} a point of the same x takes its place instead. */
    void add(double x, double y, boolean replaceSameX) {
        int at = size == 0 || x >= x(size - 1) ? size : upperBound(x);
        if (replaceSameX && at > 0 && x(at - 1) == x) {
            ys[(start + at - 1) % ys.length] = y;
            return;
        }
        if (at == size) {
            append(x, y);
            return;
        }
        if (size == xs.length) {
            if (at == 0) {
                // Smaller than every point a full series keeps: it would be the one to go.
                return;
            }
            start = (start + 1) % xs.length;
            size--;
            at--;
        }
        for (int i = size; i > at; i--) {
            set(i, x(i - 1), y(i - 1));
        }
        set(at, x, y);
        size++;
    }

    private void append(double x, double y) {
        int end = (start + size) % xs.length;
        xs[end] = x;
        ys[end] = y;
        if (size < xs.length) {
            size++;
        } else {
            start = (start + 1) % xs.length;
        }
    }

    /** The first index whose x is greater than {@code x}. */
    private int upperBound(double x) {
        int low = 0;
        int high = size;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (x(middle) <= x) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    private void set(int i, double x, double y) {
        xs[(start + i) % xs.length] = x;
        ys[(start + i) % ys.length] = y;
    }

    /** The {@code i}th point's x, smallest first. */
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
