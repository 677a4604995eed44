/** Checks of the Spark scripts Sluice exports, against Spark's own API. */
package sluice.spark.export;
