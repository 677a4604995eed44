// ORC folders merged and written with snappy
//
// Exported by Sluice from orc-files.sluice.json: the same pipeline written with Spark's
// Scala Structured Streaming API (Spark 4, Scala 2.13). Run it with:
//
//     spark-shell -i orc-files.scala
//
//
// The last line calls SluiceExport.main; to spark-submit it instead, compile the object
// into a jar without that line.
// Each node is one variable named after its id, in the order data flows; each sink is one
// streaming query (Spark runs a query per sink where Sluice runs the whole pipeline as one).
// Expressions are Spark SQL, passed through unchanged. Paths are local: on a cluster, point them
// at storage every executor can read.

import org.apache.spark.sql.SparkSession
import org.apache.spark.sql.streaming.Trigger

object SluiceExport {
  def main(args: Array[String]): Unit = {
    val spark = SparkSession.builder
      .appName("ORC folders merged and written with snappy")
      // File sources infer their schema from the files present at start: people
      .config("spark.sql.streaming.schemaInference", "true")
      .getOrCreate()

    // people (source.file): Reads new files from a folder each micro-batch, as Spark's file source
    // No schema: Spark infers it from the files present at start, as spark.sql.streaming.schemaInference says
    // Reads /sluice/spark/src/test/resources/compat/cases/orc/spark-merge (the pipeline's '../../../../../spark/src/test/resources/compat/cases/orc/spark-merge', resolved against the pipeline file's folder)
    val people = spark.readStream
      .format("orc")
      .option("mergeSchema", "true")
      .load("/sluice/spark/src/test/resources/compat/cases/orc/spark-merge")

    // scored (transform.filter): Keeps the rows that match a condition, as Spark's filter
    val scored = people
      .filter("score IS NOT NULL OR name IS NOT NULL")

    // out (sink.file): Writes each batch as files plus Spark's _spark_metadata log of committed files
    // Spark's file sink needs a checkpoint and the pipeline names none: a folder next to the output
    val out = scored.writeStream
      .format("orc")
      .outputMode("append")
      .option("compression", "snappy")
      .option("path", "/sluice/engine/src/test/resources/out/people")
      .trigger(Trigger.AvailableNow())
      .option("checkpointLocation", "/sluice/engine/src/test/resources/out/people-checkpoint")
      .start()

    // The trigger stops each query once its data is processed; wait for all of them.
    Seq(out).foreach(_.awaitTermination())
  }
}

SluiceExport.main(Array.empty)
