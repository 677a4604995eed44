package sluice.spark.compat;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.SparkThrowable;
import org.apache.spark.sql.AnalysisException;

/**
 * Tells Spark's own errors (a {@link SparkThrowable} with an error class somewhere along the cause chain, such as an
 * {@link AnalysisException} or the cause of a {@code StreamingQueryException}) from anything else. Only Spark's own
 * errors are Spark's rejections and failures; a NullPointerException of the suite, a missing option the translation
 * tripped over, or a query that Spark failed for an error without a class is a fault of the suite, never an outcome
 * to compare.
 */
final class SparkErrors {
    /** The class of every streaming query's failure: it wraps the error that stopped the query. */
    private static final String STREAM_FAILED = "STREAM_FAILED";
    private static final String ORDERED_FILTERS = "org.apache.spark.sql.catalyst.OrderedFilters";

    private SparkErrors() {
    }

    /**
     * The error classes of Spark's error {@code failure}, raised while {@code doing}.
     *
     * @throws AssertionError when no Spark error class is in the chain (other than the STREAM_FAILED wrapper)
     */
    static Outcome.Stop reason(Throwable failure, String doing) {
        List<String> classes = new ArrayList<>();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SparkThrowable spark && spark.getCondition() != null
                    && !spark.getCondition().equals(STREAM_FAILED) && !classes.contains(spark.getCondition())) {
                classes.add(spark.getCondition());
            }
        }
        if (classes.isEmpty()) {
            throw new AssertionError("not an error of Spark's own while " + doing + " (a fault of the suite or of the "
                    + "translation): " + failure, failure);
        }
        return new Outcome.Stop(classes, firstLine(failure));
    }

    /**
     * Whether Spark found {@code failure} analysing a plan. Spark checks some things only when it plans the first
     * batch (a file sink's schema, for one); such a failure before any batch completed is a rejection.
     */
    static boolean isAnalysisError(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof AnalysisException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code failure} is a bug of Spark 4.1's CSV filter push-down: a CSV stream whose filter reads no column
     * (as written, or once folded: {@code x BETWEEN NULL AND x} is null), in a query that reads no column, fails with
     * an ArrayIndexOutOfBoundsException in {@code OrderedFilters}, which files a filter without columns under the
     * first column read, and there is none. Spark's batch read of the same files returns the rows.
     */
    static boolean isCsvFilterPushDownBug(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ArrayIndexOutOfBoundsException && t.getStackTrace().length > 0
                    && t.getStackTrace()[0].getClassName().startsWith(ORDERED_FILTERS)) {
                return true;
            }
        }
        return false;
    }

    private static String firstLine(Throwable failure) {
        String message = String.valueOf(failure.getMessage());
        return message.lines().findFirst().orElse("");
    }
}
