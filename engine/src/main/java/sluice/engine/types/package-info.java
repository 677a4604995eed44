/**
 * Spark's data types, schemas and columnar batches: {@link sluice.engine.types.DataType},
 * {@link sluice.engine.types.Schema}, {@link sluice.engine.types.ColumnVector} (a primitive array and a null
 * bitmap) and {@link sluice.engine.types.Batch}. Sources build batches with {@link sluice.engine.types.VectorBuilder},
 * operators read and make them, sinks read them. A finished vector or batch is immutable and may be shared by threads;
 * a builder belongs to the one thread that fills it.
 */
package sluice.engine.types;
