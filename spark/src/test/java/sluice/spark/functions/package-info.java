/**
 * Sluice's function registry against Spark 4.1's: the README's function table, generated from both registries, and
 * the check that every Spark function Sluice lacks is listed with its reason. Reads Spark's registry in the test JVM;
 * starts no Spark session.
 */
package sluice.spark.functions;
