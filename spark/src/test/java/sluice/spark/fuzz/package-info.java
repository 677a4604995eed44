/**
 * The differential fuzzer: cases made from a seed (input files with hostile contents, reader options, random
 * well-typed Spark SQL expressions) run on Sluice and on Spark local mode through the compatibility suite's
 * comparison; a difference is shrunk to a small case written out as compatibility-case files. Everything here is
 * single-threaded test code; a seed always makes the same case.
 */
package sluice.spark.fuzz;
