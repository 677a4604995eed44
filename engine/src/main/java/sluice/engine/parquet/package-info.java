/**
 * Parquet files as Spark 4.1 reads and writes them, shared by the file source, the file sink and whoever else reads
 * or writes a batch as one file: {@link sluice.engine.parquet.ParquetSchemas} (Spark's type mapping both ways and its
 * row-metadata schema), {@link sluice.engine.parquet.ParquetFileRows} (one file's rows for a schema, decoding only
 * the columns asked for) and {@link sluice.engine.parquet.ParquetBatchWriter} (a batch as one file, as Spark's
 * writer lays it out, with one of Spark's codecs, {@link sluice.engine.parquet.ParquetCodec}), with
 * {@link sluice.engine.parquet.ParquetWarmUp} loading the reading classes ahead of the first read. Built on
 * parquet-hadoop, the library Spark uses. Imports nothing of the engine but {@code types} and {@code diag}; readers
 * and writers are made per file, on the thread that reads or writes it.
 */
package sluice.engine.parquet;
