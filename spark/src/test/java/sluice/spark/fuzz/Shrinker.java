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

    /** The smallest failing case found from {@code failing}, and the difference it shows. */
    Result shrink(FuzzCase failing, AssertionError difference) {
        FuzzCase current = failing;
        AssertionError currentDifference = difference;
        boolean progress = true;
        while (progress && runs < budget) {
            progress = false;
            for (FuzzCase candidate : current.smaller()) {
                if (runs++ >= budget) {
                    break;
                }
                AssertionError found = difference(candidate);
                if (found != null) {
                    current = candidate;
                    currentDifference = found;
                    progress = true;
                    break;
                }
            }
        }
        return new Result(current, currentDifference);
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
        } catch (RuntimeException e) {
            // The harness lets anything but a SluiceException through from Sluice's side: an internal error.
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
