/**
 * The cluster runner: {@code spark-submit --class sluice.spark.runner.SparkRunner sluice-spark.jar PIPELINE}.
 * Loads and checks a pipeline with Sluice's engine, translates it, starts one Spark query per sink on the active
 * SparkSession and waits for them on the main thread.
 */
package sluice.spark.runner;
