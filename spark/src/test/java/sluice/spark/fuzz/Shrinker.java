package sluice.spark.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import sluice.spark.compat.Differential;

/**
 * Makes a failing case small: tries the case's one-step-smaller variants in order and moves to the first that
 * still shows a difference, until none does or the budget of runs is spent. Each try runs both engines.
 */
final class Shrinker {
    private final int budget;
    private int runs;

    Shrinker(int budget) {
        this.budget = budget;
    }

    /**
     * The smallest case found from {@code failing} that still shows the same kind of difference (the same
     * {@link #signature}), so that shrinking does not drift to another difference, such as a crash of Spark's own.
     */
    Result shrink(FuzzCase failing, AssertionError difference) {
        FuzzCase current = failing;
        AssertionError currentDifference = difference;
        String signature = signature(difference);
        boolean progress = true;
        while (progress && runs < budget) {
            progress = false;
            for (FuzzCase candidate : current.smaller()) {
                if (runs++ >= budget) {
                    break;
                }
                AssertionError found = difference(candidate);
                if (found != null && signature(found).equals(signature)) {
                    current = candidate;
                    currentDifference = found;
                    progress = true;
                    break;
                }
            }
        }
        return new Result(current, currentDifference);
    }

    /**
     * What kind of difference an assertion describes: its first line without the case's file name, such as
     * {@code / out: batch 0 rows} or {@code Sluice or the harness failed with InternalFailure}.
     */
    static String signature(AssertionError difference) {
        String message = String.valueOf(difference.getMessage()).strip();
        String first = message.lines().findFirst().orElse("");
        int crash = first.indexOf(": ", first.indexOf("failed with "));
        if (first.startsWith("Sluice or the harness failed with ") && crash > 0) {
            return first.substring(0, crash);
        }
        return first.replaceFirst("^\\[[^ ]*\\.sluice\\.json", "").replaceFirst("\\(.*", "");
    }

    record Result(FuzzCase smallest, AssertionError difference) {}

    /** The difference the case shows (a crash counts), or null when both engines agree. */
    static AssertionError difference(FuzzCase fuzzCase) {
        Path folder = temporaryFolder();
        try {
            Differential.assertSameOnBothEngines(fuzzCase.write(folder));
            return null;
        } catch (AssertionError e) {
            return e;
        } catch (Exception e) {
            // An internal error of Sluice's (the harness lets anything but a SluiceException through), or an
            // exception of Spark's that the harness does not take for a rejection: either is a difference to see.
            AssertionError crash = new AssertionError("Sluice or the harness failed with " + e);
            crash.initCause(e);
            return crash;
        }
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("sluice-fuzz-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
