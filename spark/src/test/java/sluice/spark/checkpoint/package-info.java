/** Checkpoints handed between Sluice and Spark: one engine runs some batches, the other resumes and finishes. */
package sluice.spark.checkpoint;
