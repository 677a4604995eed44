/**
 * The CSV format of the file source, as Spark's CSV reader: {@link sluice.engine.source.file.csv.CsvOptions} (Spark's
 * option names and defaults, with {@link sluice.engine.csv.CsvQuoting} for quotes and line ends),
 * {@link sluice.engine.source.file.csv.CsvRecords} (splits and tokenizes a file as Spark does: univocity set up as
 * Spark sets it up, or fastcsv for a file without quoted values), {@link sluice.engine.source.file.csv.CsvFormat}
 * (converts the fields as Spark's {@code UnivocityParser} does) and {@link sluice.engine.source.file.csv.CsvInference}
 * (Spark's CSV schema inference). Made by the planner; files are read on partition task threads, one reader per file.
 */
package sluice.engine.source.file.csv;
