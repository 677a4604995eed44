/**
 * Spark's CSV syntax and type inference, shared by the file source, the file sink and the CSV functions of
 * expressions: {@link sluice.engine.csv.CsvQuoting} (quotes and line ends), {@link sluice.engine.csv.UnivocityParsing}
 * (univocity set up as Spark sets it up for reading), {@link sluice.engine.csv.CsvFieldWriter} (a value written as
 * Spark's writer quotes it) and {@link sluice.engine.csv.CsvFieldTypes} (Spark's type of a value read from CSV).
 * Imports nothing of the engine but {@code types} and {@code diag}, so every layer may use it. Immutable records;
 * each caller makes its own univocity parser from the settings, on its own thread.
 */
package sluice.engine.csv;
