/**
 * Parquet files for the file source: {@link sluice.engine.source.file.parquet.ParquetFormat} reads a file's rows
 * into the source's schema, and {@link sluice.engine.source.file.parquet.ParquetInference} takes the schema from the
 * files' footers (one file's, or all merged with {@code mergeSchema}). Immutable; reads run on partition task threads.
 */
package sluice.engine.source.file.parquet;
