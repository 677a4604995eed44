/**
 * Translation of a planned Sluice pipeline into Spark Structured Streaming calls: every node becomes the matching
 * {@code readStream}, {@code selectExpr}, {@code withColumn}, {@code filter}, {@code union} or {@code writeStream}
 * call, one Spark query per sink. Made by the runner and the compatibility suite on the thread that owns the
 * {@code SparkSession}; a {@link sluice.spark.translate.Translation} is immutable once made.
 */
package sluice.spark.translate;
