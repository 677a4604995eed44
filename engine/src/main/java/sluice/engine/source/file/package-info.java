/**
 * The streaming file source, as Spark's {@code FileStreamSource}: each trigger lists the source's path (a folder, a
 * file or a glob, see {@link sluice.engine.source.file.FileListing}), takes the files not seen before (oldest first,
 * at most {@code maxFilesPerTrigger}), records them in a file log under a batch number and offers that number as the
 * offset {@code {"logOffset":N}}. The planner makes a {@link sluice.engine.source.file.FileSource} with a
 * {@link sluice.engine.source.file.FileFormat} (csv, json, text in the sub-packages); the query thread asks it for
 * offsets and plans each batch's files into partitions of {@link sluice.engine.source.file.FileSplit}s
 * ({@link sluice.engine.source.file.FilePartitioning}); partition tasks read them on their own threads, line formats
 * through {@link sluice.engine.source.file.LineBlocks}, handing rows on in batches of a few thousand. Shared by the
 * formats: {@link sluice.engine.source.file.ParseMode}, {@link sluice.engine.source.file.RowCollector} (rows and
 * malformed records); Spark's date and time text is read by {@link sluice.engine.csv.TemporalParser}.
 * {@link sluice.engine.source.file.FileTable} reads the same formats once, as a static table (Spark's
 * {@code spark.read}).
 */
package sluice.engine.source.file;
