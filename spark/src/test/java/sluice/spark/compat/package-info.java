/**
 * The compatibility suite: each case (a pipeline file and its inputs under {@code compat/cases}) runs on Spark local
 * mode ({@link sluice.spark.compat.SparkSide}) and on Sluice ({@link sluice.spark.compat.SluiceSide}); each side's
 * {@link sluice.spark.compat.Outcome} is compared batch by batch, with Spark's error classes mapped to Sluice's
 * codes. {@link sluice.spark.compat.Differential} is that comparison as one call, shared with the differential
 * fuzzer. Test code on the test thread, with one SparkSession for the run ({@link sluice.spark.compat.TestSpark}).
 */
package sluice.spark.compat;
