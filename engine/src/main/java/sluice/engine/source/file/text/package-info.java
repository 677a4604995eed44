/**
 * The text format of the file source, as Spark's: one row per line in a single column {@code value STRING}. Made by
 * the planner; files are read on partition task threads.
 */
package sluice.engine.source.file.text;
