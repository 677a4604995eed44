/**
 * The JSON lines format of the file source, as Spark's JSON reader: one Jackson parser streams over each block of
 * lines ({@link sluice.engine.source.file.json.JsonFormat}) with the JSON syntax Spark's options accept
 * ({@link sluice.engine.source.file.json.JsonSyntax}), values convert as Spark's {@code JacksonParser} converts them
 * ({@link sluice.engine.source.file.json.JsonValueConverter}), and {@link sluice.engine.source.file.json.JsonInference}
 * is Spark's JSON schema inference. Made by the planner; files are read on partition task threads.
 */
package sluice.engine.source.file.json;
