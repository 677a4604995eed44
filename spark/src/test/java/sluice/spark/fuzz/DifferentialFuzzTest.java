package sluice.spark.fuzz;

import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Path;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The differential fuzzer: every seed of a range makes a case ({@link CaseGenerator}) that must behave on Sluice as
 * on Spark local mode, compared as the compatibility suite compares. A difference is shrunk and the small case is
 * written under {@code target/fuzz-failures/fuzz/} in the layout of a compatibility case, ready to be kept in
 * {@code compat/cases/fuzz/} once the engine is fixed.
 *
 * <p>{@code -Dsluice.fuzz.seeds=FIRST-LAST} chooses the seeds (CI runs the default range); {@code
 * -Dsluice.fuzz.shrinkRuns=N} bounds the runs spent shrinking one failure.
 */
class DifferentialFuzzTest {
    private static final String DEFAULT_SEEDS = "1-150";

    @TestFactory
    Stream<DynamicTest> generatedCasesBehaveAsOnSpark() {
        String[] range = System.getProperty("sluice.fuzz.seeds", DEFAULT_SEEDS).split("-");
        long first = Long.parseLong(range[0].strip());
        long last = Long.parseLong(range[range.length - 1].strip());
        int shrinkRuns = Integer.getInteger("sluice.fuzz.shrinkRuns", 150);
        return LongStream.rangeClosed(first, last).mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed,
                () -> check(CaseGenerator.make(seed), shrinkRuns)));
    }

    private static void check(FuzzCase fuzzCase, int shrinkRuns) {
        AssertionError difference = Shrinker.difference(fuzzCase);
        if (difference == null) {
            return;
        }
        Shrinker.Result shrunk = new Shrinker(shrinkRuns).shrink(fuzzCase, difference);
        Path kept = shrunk.smallest().write(Path.of("target", "fuzz-failures", "fuzz").toAbsolutePath());
        fail("Sluice and Spark differ on %s%nshrunk case: %s%n%s%n%s", fuzzCase.name(), kept,
                shrunk.smallest().describe(), shrunk.difference().getMessage());
    }
}
