/**
 * ORC files as Spark 4.1 reads and writes them, through Apache ORC's own library (orc-core): Spark's type mapping
 * both ways ({@link sluice.engine.orc.OrcTypes}), its codec names ({@link sluice.engine.orc.OrcCodec}), a reader
 * that yields a file's rows for a schema, decoding only the columns asked for ({@link
 * sluice.engine.orc.OrcFileReader}), and a writer of one batch to one file ({@link sluice.engine.orc.OrcFileWriter}).
 * The file source's ORC format and the file sink's ORC row format are made of these; both run on task threads, several
 * files at once, each file read or written by one thread. Hadoop's classes stay inside this package.
 */
package sluice.engine.orc;
