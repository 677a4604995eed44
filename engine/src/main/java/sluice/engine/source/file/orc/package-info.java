/**
 * The ORC format of the file source ({@link sluice.engine.source.file.orc.OrcFormat}), reading each file whole on a
 * partition task thread through {@link sluice.engine.orc.OrcFileReader}, and the schema read from the files when none
 * is given ({@link sluice.engine.source.file.orc.OrcSchemaReader}, with Spark's {@code mergeSchema}), which the
 * planner runs on the thread that plans the query.
 */
package sluice.engine.source.file.orc;
