package sluice.spark.compat;

import java.nio.file.Path;

/**
 * The suite's comparison as one call, for its own cases and for generated ones (the differential fuzzer): runs a
 * pipeline file on Spark and on Sluice and throws an {@link AssertionError} describing the first difference.
 */
public final class Differential {
    private Differential() {
    }

    public static void assertSameOnBothEngines(Path pipeline) {
        Outcome spark = SparkSide.run(pipeline);
        Outcome sluice = SluiceSide.run(pipeline);
        Comparison.assertSame(pipeline.getFileName().toString(), Pipelines.spec(pipeline), sluice, spark);
    }
}
