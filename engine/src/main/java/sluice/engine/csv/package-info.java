/**
 * Spark's CSV syntax and type inference, shared by the file source, the file sink and the CSV functions of
 * expressions: {@link sluice.engine.csv.CsvQuoting} (quotes and line ends), {@link sluice.engine.csv.UnivocityParsing}
 * (univocity set up as Spark sets it up for reading), {@link sluice.engine.csv.CsvFieldWriter} (a value written as
 * Spark's writer quotes it), {@link sluice.engine.csv.CsvFieldTypes} (Spark's type of a value read from CSV) and
 * {@link sluice.engine.csv.CsvFieldParser} (a field's text as a value of its column's type, put into
 * {@link sluice.engine.csv.ParsedFields}: the file source's row collector, or from_csv's one row), with
 * {@link sluice.engine.csv.TemporalParser} and {@link sluice.engine.csv.DecimalText} for dates, timestamps and
 * decimals as Spark's CSV and JSON readers read them.
 * Imports nothing of the engine but {@code types} and {@code diag}, so every layer may use it. Immutable records
 * and stateless parsers, but for CsvFieldParser's cache of strings; each caller makes its own univocity parser and
 * field parser, on its own thread.
 */
package sluice.engine.csv;
