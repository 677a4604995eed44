// Messages once, into memory
//
// Exported by Sluice from checkpoint-once.sluice.json: the same pipeline written with Spark's
// Scala Structured Streaming API (Spark 4, Scala 2.13). Run it with:
//
//     spark-shell -i checkpoint-once.scala
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
      .appName("Messages once, into memory")
      // File sources infer their schema from the files present at start: messages
      .config("spark.sql.streaming.schemaInference", "true")
      .getOrCreate()

    // messages (source.file): Reads new files from a folder each micro-batch, as Spark's file source
    // No schema: Spark infers it from the files present at start, as spark.sql.streaming.schemaInference says
    // Reads /sluice/sample-data/json (the pipeline's '../../../../../sample-data/json', resolved against the pipeline file's folder)
    val messages = spark.readStream
      .format("json")
      .load("/sluice/sample-data/json")

    // lengths (transform.select): Computes new columns from each row, as Spark's selectExpr
    val lengths = messages
      .selectExpr("message", "length(message) AS length")

    // kept (sink.memory): Keeps every row in memory under a query name
    // Its own checkpoint folder inside the pipeline's checkpointLocation: one per query in Spark
    val kept = lengths.writeStream
      .format("memory")
      .outputMode("append")
      .queryName("kept_messages")
      .trigger(Trigger.Once())
      .option("checkpointLocation", "/sluice/engine/src/test/resources/checkpoints/messages/kept")
      .start()

    // discarded (sink.noop): Discards the rows (Spark's noop format), for benchmarks
    // Its own checkpoint folder inside the pipeline's checkpointLocation: one per query in Spark
    val discarded = lengths.writeStream
      .format("noop")
      .outputMode("append")
      .trigger(Trigger.Once())
      .option(
        "checkpointLocation",
        "/sluice/engine/src/test/resources/checkpoints/messages/discarded"
      )
      .start()

    // The trigger stops each query once its data is processed; wait for all of them.
    Seq(kept, discarded).foreach(_.awaitTermination())
  }
}

SluiceExport.main(Array.empty)
