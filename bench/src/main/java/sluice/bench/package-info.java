/**
 * Benchmarks, run as a main ({@code java -jar bench/target/sluice-bench.jar}), never as tests: they generate stock
 * CSV files in a temporary folder, run the engine's jar on them as whole processes (as a user would), and compare
 * with a hand-written single-pass loop. Single-threaded driver; prints a table of rows/s and ms per batch.
 */
package sluice.bench;
