/**
 * The CSV format of the file source, as Spark's CSV reader: {@link sluice.engine.source.file.csv.CsvOptions} (Spark's
 * option names and defaults), {@link sluice.engine.source.file.csv.CsvFormat} (fastcsv tokenizes, we convert the
 * fields as Spark's {@code UnivocityParser} does) and {@link sluice.engine.source.file.csv.CsvInference} (Spark's
 * CSV schema inference). Made by the planner; files are read on partition task threads, one reader per file.
 */
package sluice.engine.source.file.csv;
