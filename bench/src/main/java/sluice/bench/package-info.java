/**
 * Benchmarks, run as a main ({@code java -jar bench/target/sluice-bench.jar}), never as tests: they generate stock
 * CSV files in a temporary folder, run the engine's jar on them as whole processes (as a user would), and compare
 * with a hand-written single-pass loop (on one thread, and on all cores for case (g)). Single-threaded driver apart
 * from that loop's pool; prints tables of rows/s, ms per batch and each whole process's peak RSS.
 */
package sluice.bench;
